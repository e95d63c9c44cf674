package dev.pulse.http;

import dev.pulse.domain.security.AccountStore;
import dev.pulse.domain.security.ApiTokenStore;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Who may call the API. Every route declares the scope it needs; a few (health, version, sign-in)
 * need none. A caller is a token ({@code Authorization: Bearer …} or {@code X-API-Token}) or a
 * signed-in browser (the {@code pulse_session} cookie, with the CSRF token on changes). With {@code
 * publicReads} (demo mode) reads and the WebSocket are open to anyone; changes still need their
 * scope.
 *
 * @param allowedOrigins origins besides the request's own host that browsers may call from, for
 *     example {@code https://pulse.example.com} behind a proxy that rewrites the host
 * @param proxyAuth sign-in by a trusted reverse proxy, or {@code null} for none
 */
public record AccessPolicy(AccessTokens tokens, Accounts accounts, boolean publicReads, List<String> allowedOrigins,
    ProxyAuth proxyAuth) {

  public AccessPolicy {
    Objects.requireNonNull(tokens, "tokens");
    Objects.requireNonNull(accounts, "accounts");
    allowedOrigins = List.copyOf(allowedOrigins);
  }

  public AccessPolicy(AccessTokens tokens, Accounts accounts, boolean publicReads, List<String> allowedOrigins) {
    this(tokens, accounts, publicReads, allowedOrigins, null);
  }

  /** Tokens only, with accounts kept in memory and no way to create the first one: for embedding and tests. */
  public AccessPolicy(AccessTokens tokens, boolean publicReads) {
    this(tokens, new Accounts(AccountStore.inMemory(), new Argon2Passwords(), tokens.clock(), Accounts.Bootstrap.NONE),
        publicReads, List.of());
  }

  /** Only the admin token, with tokens issued at run time kept in memory. */
  public static AccessPolicy adminToken(Predicate<String> admin, boolean publicReads, Clock clock) {
    return new AccessPolicy(new AccessTokens(admin, ApiTokenStore.inMemory(), clock), publicReads);
  }
}
