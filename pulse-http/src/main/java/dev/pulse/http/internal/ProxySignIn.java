package dev.pulse.http.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.pulse.domain.security.Scope;
import dev.pulse.domain.security.User;
import dev.pulse.http.AccountDirectory;
import dev.pulse.http.ProxyAuth;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a trusted proxy's headers into a caller. The account is created or its roles updated at
 * most once every five minutes per person and set of roles, not on every request. Internal: not API.
 */
final class ProxySignIn {

  private record Key(String username, Set<String> roles) {}

  private final ProxyAuth auth;
  private final AccountDirectory directory;
  private final Cache<Key, Set<Scope>> known = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(5))
      .maximumSize(10_000).build();

  ProxySignIn(ProxyAuth auth, AccountDirectory directory) {
    this.auth = auth;
    this.directory = directory;
  }

  Optional<AccessGuard.Caller> caller(Context ctx) {
    String user = ctx.header(auth.userHeader());
    String secret = ctx.header(ProxyAuth.SECRET_HEADER);
    if (user == null || user.isBlank() || secret == null || !auth.trusts(ctx.req().getRemoteAddr())
        || !MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8), auth.secret().getBytes(StandardCharsets.UTF_8))) {
      return Optional.empty();
    }
    Key key = new Key(user.strip().toLowerCase(java.util.Locale.ROOT),
        auth.roles(auth.groupsHeader() == null ? null : ctx.header(auth.groupsHeader())));
    Set<Scope> scopes = known.get(key, k -> {
      try {
        User account = directory.external("proxy", k.username(), k.roles());
        return account.disabled() ? Set.of() : directory.scopesOf(account);
      } catch (dev.pulse.domain.InvalidFieldException e) {
        return Set.of(); // a local account of that name: a proxy cannot take it over
      }
    });
    return scopes.isEmpty() ? Optional.empty() : Optional.of(new AccessGuard.Caller(key.username(), scopes, null, "proxy"));
  }
}
