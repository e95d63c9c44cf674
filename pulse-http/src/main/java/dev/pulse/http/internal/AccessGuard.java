package dev.pulse.http.internal;

import dev.pulse.domain.security.Actor;
import dev.pulse.domain.security.Scope;
import dev.pulse.http.AccessPolicy;
import dev.pulse.http.AccessTokens;
import dev.pulse.http.Accounts;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.security.RouteRole;
import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * Checks, before each matched route, that the caller may do what the route declared ({@link
 * Access}); and the same for the WebSocket upgrade ({@code monitoring:read}). A caller is a token
 * (header, or the {@code token} query parameter on the WebSocket, which browsers cannot give
 * headers) or a signed-in browser's session cookie. A browser's changes must come from Pulse's own
 * origin and carry the session's CSRF token; a WebSocket from another origin is refused. No caller:
 * 401. A caller without the scope: 403 naming it. In demo mode ({@code publicReads}) reads need no
 * caller. Internal: not API.
 */
public final class AccessGuard {

  /** The request attribute holding who made the request: {@code admin}, a token's or a person's name. */
  public static final String ACTOR = "pulse.actor";
  /** The request attribute holding the {@link Caller}. */
  public static final String CALLER = "pulse.caller";
  public static final String SESSION_COOKIE = "pulse_session";
  public static final String CSRF_HEADER = "X-CSRF-Token";

  private final AccessPolicy policy;
  private final ProxySignIn proxy;

  /**
   * Who is calling.
   *
   * @param principal the signed-in person (a session), or {@code null} for a token or a proxy's word
   * @param kind {@code token}, {@code session} or {@code proxy}
   */
  public record Caller(String name, Set<Scope> scopes, Accounts.Principal principal, String kind) {
    public boolean allows(Scope needed) {
      return Scope.covers(scopes, needed);
    }

    /** The caller as the account rules judge it. */
    public Actor actor() {
      return new Actor(name, scopes, switch (kind) {
        case "session" -> Actor.Kind.PERSON;
        case "proxy" -> Actor.Kind.PROXY;
        default -> Actor.Kind.TOKEN;
      });
    }
  }

  /** The actor behind a request that passed the guard on a route that needs a caller. */
  public static Actor actor(Context ctx) {
    return caller(ctx).orElseThrow(() -> new ProblemException(401, "Unauthorized", "sign in first", null)).actor();
  }

  public AccessGuard(AccessPolicy policy) {
    this.policy = policy;
    this.proxy = policy.proxyAuth() == null ? null : new ProxySignIn(policy.proxyAuth(), policy.accounts().directory());
  }

  public void register(RoutesConfig routes) {
    routes.beforeMatched(this::check);
    routes.wsBeforeUpgrade("/ws", this::checkSocket);
  }

  /** The caller of a request that passed the guard, or empty on a public route without one. */
  public static Optional<Caller> caller(Context ctx) {
    return Optional.ofNullable(ctx.attribute(CALLER));
  }

  private void check(Context ctx) {
    Set<RouteRole> roles = ctx.routeRoles();
    Access needed = roles.stream().filter(Access.class::isInstance).map(Access.class::cast).findFirst().orElse(null);
    if (needed == null) {
      if (!ctx.path().startsWith("/api/")) {
        return; // the UI's static files
      }
      // every API route declares its access, so this is the UI's fallback catching an unknown API path
      throw new ProblemException(404, "Not found", "there is no API route " + ctx.method() + " " + ctx.path(), null);
    }
    boolean change = ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD && ctx.method() != HandlerType.OPTIONS;
    if (change && needed != Access.CROSS_SITE && !originAllowed(ctx)) {
      throw new ProblemException(403, "Forbidden", "a change from another site's page (Origin " + ctx.header("Origin")
          + ") is refused", null);
    }
    Optional<Caller> caller = resolve(ctx, headerToken(ctx));
    caller.ifPresent(c -> {
      ctx.attribute(CALLER, c);
      ctx.attribute(ACTOR, c.name());
    });
    if (needed == Access.PUBLIC || needed == Access.CROSS_SITE) {
      return;
    }
    if (needed.scope() != null && isRead(needed) && policy.publicReads()) {
      return;
    }
    if (caller.isEmpty()) {
      String token = headerToken(ctx);
      throw new ProblemException(401, "Unauthorized", token != null && !token.isBlank() ? "the token is unknown, revoked or expired"
          : "sign in, or send a token as Authorization: Bearer <token> or X-API-Token", null);
    }
    if (needed.scope() != null && !caller.get().allows(needed.scope())) {
      throw new ProblemException(403, "Forbidden", (caller.get().principal() == null ? "the token" : caller.get().name())
          + " lacks the scope " + needed.scope().wireName(), null);
    }
    if (change && caller.get().principal() != null) {
      requireCsrf(ctx, caller.get().principal());
    }
  }

  private void checkSocket(Context ctx) {
    if (!originAllowed(ctx)) {
      throw new ProblemException(403, "Forbidden", "a WebSocket from another site (Origin " + ctx.header("Origin") + ") is refused", null);
    }
    if (policy.publicReads()) {
      return;
    }
    String token = headerToken(ctx);
    Optional<Caller> caller = resolve(ctx, token != null ? token : ctx.queryParam("token"));
    if (caller.isEmpty()) {
      throw new ProblemException(401, "Unauthorized", "sign in, or pass a token", null);
    }
    if (!caller.get().allows(Scope.MONITORING_READ)) {
      throw new ProblemException(403, "Forbidden", "lacks the scope " + Scope.MONITORING_READ.wireName(), null);
    }
  }

  private Optional<Caller> resolve(Context ctx, String token) {
    if (token != null && !token.isBlank()) {
      Optional<AccessTokens.Caller> t = policy.tokens().authenticate(token);
      return t.map(c -> new Caller(c.name(), c.scopes(), null, "token"));
    }
    Optional<Caller> session = policy.accounts().session(ctx.cookie(SESSION_COOKIE))
        .map(p -> new Caller(p.user().username(), p.scopes(), p, "session"));
    if (session.isPresent() || proxy == null) {
      return session;
    }
    return proxy.caller(ctx);
  }

  private static void requireCsrf(Context ctx, Accounts.Principal p) {
    if (!Accounts.csrfMatches(p.session(), ctx.header(CSRF_HEADER))) {
      throw new ProblemException(403, "Forbidden", "a change from a signed-in browser needs the " + CSRF_HEADER
          + " header from /api/security/status", CSRF_HEADER);
    }
  }

  /**
   * No Origin (not a browser, or a same-origin GET), the request's own host, or one the operator
   * allowed. A browser always sends Origin on a cross-site POST and on a WebSocket.
   */
  private boolean originAllowed(Context ctx) {
    String origin = ctx.header("Origin");
    if (origin == null) {
      return true;
    }
    if (policy.allowedOrigins().contains(origin)) {
      return true;
    }
    try {
      URI o = URI.create(origin);
      String host = ctx.header("Host");
      return o.getHost() != null && host != null && o.getRawAuthority().equalsIgnoreCase(host);
    } catch (IllegalArgumentException e) {
      return false; // "null" and other junk
    }
  }

  private static boolean isRead(Access a) {
    return a == Access.MONITORING_READ || a == Access.SETTINGS_READ || a == Access.CONNECTIONS_READ || a == Access.ALERTS_READ;
  }

  private static String headerToken(Context ctx) {
    String auth = ctx.header("Authorization");
    if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return auth.substring(7);
    }
    return ctx.header("X-API-Token");
  }
}
