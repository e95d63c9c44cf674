package dev.pulse.domain.security;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A person who signs in. Immutable.
 *
 * @param passwordHash the password's hash (a PHC string), or {@code null} for people who sign in
 *     only through single sign-on or a proxy
 * @param roles role names
 * @param source {@code local}, or where single sign-on created them: {@code oidc:<provider>},
 *     {@code saml:<provider>}, {@code proxy}
 */
public record User(String id, String username, @Nullable String passwordHash, Set<String> roles, String source,
    Instant createdAt, @Nullable Instant lastLoginAt, boolean disabled) {

  public User {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(username, "username");
    roles = Set.copyOf(roles);
    Objects.requireNonNull(source, "source");
  }

  public User withPasswordHash(String hash) {
    return new User(id, username, hash, roles, source, createdAt, lastLoginAt, disabled);
  }

  public User withRoles(Set<String> newRoles) {
    return new User(id, username, passwordHash, newRoles, source, createdAt, lastLoginAt, disabled);
  }

  public User withLastLogin(Instant at) {
    return new User(id, username, passwordHash, roles, source, createdAt, at, disabled);
  }

  public User withDisabled(boolean off) {
    return new User(id, username, passwordHash, roles, source, createdAt, lastLoginAt, off);
  }
}
