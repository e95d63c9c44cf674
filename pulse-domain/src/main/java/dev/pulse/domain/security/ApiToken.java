package dev.pulse.domain.security;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An API token as it is kept: never the token itself, only its SHA-256. Immutable.
 *
 * @param sha256 the hex SHA-256 of the token
 * @param hint the token's last four characters, so that people can tell tokens apart
 * @param expiresAt when it stops working, or {@code null} for never
 * @param lastUsedAt when it was last accepted, or {@code null}
 */
public record ApiToken(String id, String name, String sha256, String hint, Set<Scope> scopes, Instant createdAt,
    @Nullable Instant expiresAt, @Nullable Instant lastUsedAt) {

  public ApiToken {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(sha256, "sha256");
    scopes = scopes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(scopes));
  }

  public boolean expired(Instant now) {
    return expiresAt != null && !now.isBefore(expiresAt);
  }

  /** Whether this token may do what {@code needed} allows. */
  public boolean allows(Scope needed) {
    return Scope.covers(scopes, needed);
  }

  public ApiToken usedAt(Instant when) {
    return new ApiToken(id, name, sha256, hint, scopes, createdAt, expiresAt, when);
  }
}
