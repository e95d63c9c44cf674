package dev.pulse.http;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import dev.pulse.domain.security.PasswordHasher;

/**
 * Argon2id password hashes (19 MiB, 2 passes, 1 lane: OWASP's first choice), kept as PHC strings
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$…}) so that each hash carries its own parameters.
 */
public final class Argon2Passwords implements PasswordHasher {

  private final Argon2Function function;

  public Argon2Passwords() {
    this(19 * 1024, 2);
  }

  /** With other costs: tests use small ones to stay fast. */
  public Argon2Passwords(int memoryKiB, int iterations) {
    this.function = Argon2Function.getInstance(memoryKiB, iterations, 1, 32, Argon2.ID);
  }

  @Override
  public String hash(String password) {
    return Password.hash(password).addRandomSalt(16).with(function).getResult();
  }

  @Override
  public boolean matches(String password, String hash) {
    if (hash == null || !hash.startsWith("$argon2")) {
      return false;
    }
    try {
      return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
    } catch (RuntimeException e) {
      return false; // a hash it cannot read matches nothing
    }
  }
}
