package dev.pulse.domain.security;

/** Hashes passwords for keeping and checks a password against a kept hash. */
public interface PasswordHasher {

  /** A salted, slow hash of the password, as one self-describing string. */
  String hash(String password);

  /** Whether the password matches the hash; {@code false} for a hash it cannot read. */
  boolean matches(String password, String hash);
}
