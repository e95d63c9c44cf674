package dev.pulse.http.internal;

import dev.pulse.domain.security.Scope;
import dev.pulse.http.AccessPolicy;
import dev.pulse.http.AccessTokens;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.util.Optional;
import java.util.Set;

/**
 * Checks, before each matched route, that the request carries a token with the scope the route
 * declared ({@link Access}); and the same for the WebSocket upgrade ({@code monitoring:read}). In
 * demo mode ({@code publicReads}) monitoring and settings reads need no token. No or
 * an unknown token: 401. A token without the scope: 403 naming it. Browsers, which cannot set
 * headers on a WebSocket, may pass the token as the {@code token} query parameter there.
 * Internal: not API.
 */
public final class AccessGuard {

  /** The request attribute holding who made the request: {@code admin} or a token's name. */
  public static final String ACTOR = "pulse.actor";

  private final AccessPolicy policy;

  public AccessGuard(AccessPolicy policy) {
    this.policy = policy;
  }

  public void register(RoutesConfig routes) {
    routes.beforeMatched(this::check);
    routes.wsBeforeUpgrade("/ws", this::checkSocket);
  }

  private void check(Context ctx) {
    Set<RouteRole> roles = ctx.routeRoles();
    if (roles.contains(Access.PUBLIC)) {
      return;
    }
    Access needed = roles.stream().filter(Access.class::isInstance).map(Access.class::cast).findFirst().orElse(null);
    if (needed == null) {
      if (!ctx.path().startsWith("/api/")) {
        return; // the UI's static files
      }
      // every API route declares a scope, so this is the UI's fallback catching an unknown API path
      throw new ProblemException(404, "Not found", "there is no API route " + ctx.method() + " " + ctx.path(), null);
    }
    if ((needed == Access.MONITORING_READ || needed == Access.SETTINGS_READ) && policy.publicReads()) {
      return;
    }
    require(ctx, headerToken(ctx), needed.scope());
  }

  private void checkSocket(Context ctx) {
    if (policy.publicReads()) {
      return;
    }
    String token = headerToken(ctx);
    require(ctx, token != null ? token : ctx.queryParam("token"), Scope.MONITORING_READ);
  }

  private void require(Context ctx, String token, Scope needed) {
    Optional<AccessTokens.Caller> granted = policy.tokens().authenticate(token);
    if (granted.isEmpty()) {
      throw new ProblemException(401, "Unauthorized", token == null || token.isBlank()
          ? "a token is required: send Authorization: Bearer <token> or X-API-Token"
          : "the token is unknown, revoked or expired", null);
    }
    if (!Scope.covers(granted.get().scopes(), needed)) {
      throw new ProblemException(403, "Forbidden", "the token lacks the scope " + needed.wireName(), null);
    }
    ctx.attribute(ACTOR, granted.get().name());
  }

  private static String headerToken(Context ctx) {
    String auth = ctx.header("Authorization");
    if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return auth.substring(7);
    }
    return ctx.header("X-API-Token");
  }
}
