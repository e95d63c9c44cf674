package dev.pulse.http.internal;

import dev.pulse.http.AccessPolicy;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Set;

/**
 * Checks the API token on every {@code /api/**} route but the public ones, and on the WebSocket
 * upgrade. The token comes as {@code Authorization: Bearer …} or {@code X-API-Token}; browsers,
 * which cannot set headers on a WebSocket, may pass it as the {@code token} query parameter there.
 * Internal: not API.
 */
public final class AccessGuard {

  private static final Set<String> PUBLIC = Set.of("/api/health", "/api/version");

  private final AccessPolicy policy;

  public AccessGuard(AccessPolicy policy) {
    this.policy = policy;
  }

  public void register(RoutesConfig routes) {
    routes.before("/api/*", this::checkApi);
    routes.wsBeforeUpgrade("/ws", this::checkSocket);
  }

  private void checkApi(Context ctx) {
    if (PUBLIC.contains(ctx.path())) {
      return;
    }
    boolean read = ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD;
    if (read && policy.publicReads()) {
      return;
    }
    if (!accepted(headerToken(ctx))) {
      throw new ProblemException(401, "Unauthorized",
          read ? "an API token is required: send Authorization: Bearer <token> or X-API-Token"
              : "changes need an API token: send Authorization: Bearer <token> or X-API-Token", null);
    }
  }

  private void checkSocket(Context ctx) {
    if (policy.publicReads()) {
      return;
    }
    String token = headerToken(ctx);
    if (token == null) {
      token = ctx.queryParam("token");
    }
    if (!accepted(token)) {
      throw new ProblemException(401, "Unauthorized", "the WebSocket needs an API token: header or ?token=", null);
    }
  }

  private boolean accepted(String token) {
    return token != null && !token.isBlank() && policy.tokenCheck().test(token.strip());
  }

  private static String headerToken(Context ctx) {
    String auth = ctx.header("Authorization");
    if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return auth.substring(7);
    }
    return ctx.header("X-API-Token");
  }
}
