package dev.pulse.http;

import dev.pulse.domain.security.ApiTokenStore;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Who may call the API. Every route declares the scope it needs; {@code /api/health} and {@code
 * /api/version} need none. A token comes as {@code Authorization: Bearer …} or {@code
 * X-API-Token}. With {@code publicReads} (demo mode) reads and the WebSocket are open to anyone;
 * writes and reports still need a token with their scope.
 */
public record AccessPolicy(AccessTokens tokens, boolean publicReads) {

  public AccessPolicy {
    Objects.requireNonNull(tokens, "tokens");
  }

  /** Only the admin token, with tokens issued at run time kept in memory. */
  public static AccessPolicy adminToken(Predicate<String> admin, boolean publicReads, Clock clock) {
    return new AccessPolicy(new AccessTokens(admin, ApiTokenStore.inMemory(), clock), publicReads);
  }
}
