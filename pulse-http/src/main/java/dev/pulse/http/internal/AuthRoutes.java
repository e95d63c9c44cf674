package dev.pulse.http.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.domain.security.Scope;
import dev.pulse.domain.security.Session;
import dev.pulse.http.Accounts;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signing in and out: {@code /api/security/status} (who am I, is setup needed, the CSRF token),
 * {@code setup} (the first admin, with the bootstrap token), {@code login}, {@code logout} and
 * {@code password}. The session cookie is HttpOnly, SameSite=Strict, and Secure under HTTPS.
 * Internal: not API.
 */
public final class AuthRoutes {

  private final Accounts accounts;
  private final RequestBodies bodies;

  public AuthRoutes(Accounts accounts, ObjectMapper json, long maxBodyBytes) {
    this.accounts = accounts;
    this.bodies = new RequestBodies(json, Math.min(maxBodyBytes, 16 * 1024));
  }

  public record SetupBody(String bootstrapToken, String username, String password) {}

  public record LoginBody(String username, String password, Boolean remember) {}

  public record PasswordBody(String currentPassword, String newPassword) {}

  public void register(RoutesConfig routes) {
    routes.get("/api/security/status", this::status, Access.PUBLIC);
    routes.post("/api/security/setup", this::setup, Access.PUBLIC);
    routes.post("/api/security/login", this::login, Access.PUBLIC);
    routes.post("/api/security/logout", this::logout, Access.PUBLIC);
    routes.post("/api/security/password", this::password, Access.SIGNED_IN);
  }

  private void status(Context ctx) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("setupRequired", accounts.setupRequired());
    AccessGuard.Caller caller = AccessGuard.caller(ctx).orElse(null);
    if (caller == null) {
      body.put("user", null);
    } else {
      Map<String, Object> user = new LinkedHashMap<>();
      user.put("name", caller.name());
      user.put("kind", caller.kind());
      user.put("roles", caller.principal() == null ? java.util.List.of()
          : caller.principal().user().roles().stream().sorted().toList());
      user.put("scopes", caller.scopes().stream().map(Scope::wireName).sorted().toList());
      user.put("source", caller.principal() == null ? null : caller.principal().user().source());
      body.put("user", user);
      if (caller.principal() != null) {
        body.put("csrfToken", caller.principal().csrfToken());
      }
    }
    ctx.header("Cache-Control", "no-store").json(body);
  }

  private void setup(Context ctx) {
    SetupBody b = bodies.read(ctx, SetupBody.class);
    ctx.attribute(AuditHook.SUBJECT, b.username());
    try {
      accounts.setup(b.bootstrapToken(), b.username(), b.password());
    } catch (Accounts.Refused e) {
      throw new ProblemException(403, "Forbidden", e.getMessage(), "bootstrapToken");
    }
    signIn(ctx, accounts.login(b.username(), b.password(), ctx.ip(), false));
  }

  private void login(Context ctx) {
    LoginBody b = bodies.read(ctx, LoginBody.class);
    ctx.attribute(AuditHook.SUBJECT, b.username());
    try {
      signIn(ctx, accounts.login(b.username(), b.password(), ctx.ip(), Boolean.TRUE.equals(b.remember())));
    } catch (Accounts.Refused e) {
      ctx.attribute(AuditHook.DETAIL, e.retryAfter().isPresent() ? "locked out" : "wrong username or password");
      e.retryAfter().ifPresent(d -> ctx.header("Retry-After", Long.toString(Math.max(1, d.toSeconds()))));
      throw new ProblemException(e.retryAfter().isPresent() ? 429 : 401, e.retryAfter().isPresent() ? "Too many requests"
          : "Unauthorized", e.getMessage(), null);
    }
  }

  private void signIn(Context ctx, Accounts.SignedIn in) {
    int maxAge = in.session().remember() ? (int) Session.REMEMBERED.toSeconds() : -1;
    ctx.header("Set-Cookie", cookie(ctx, in.cookie(), maxAge));
    ctx.json(Map.of("user", Map.of("name", in.user().username(), "roles", in.user().roles().stream().sorted().toList()),
        "csrfToken", in.csrfToken()));
  }

  private void logout(Context ctx) {
    accounts.logout(ctx.cookie(AccessGuard.SESSION_COOKIE));
    ctx.header("Set-Cookie", cookie(ctx, "", 0));
    ctx.status(204);
  }

  private void password(Context ctx) {
    AccessGuard.Caller caller = AccessGuard.caller(ctx).orElseThrow();
    if (caller.principal() == null) {
      throw new ProblemException(400, "Invalid request", "a token has no password: sign in to change yours", null);
    }
    PasswordBody b = bodies.read(ctx, PasswordBody.class);
    accounts.changePassword(caller.principal(), b.currentPassword(), b.newPassword());
    ctx.status(204);
  }

  /** The session cookie's header: HttpOnly, SameSite=Strict, Secure under HTTPS. */
  public static String cookie(Context ctx, String value, int maxAgeSeconds) {
    boolean https = "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    return AccessGuard.SESSION_COOKIE + "=" + value + "; Path=/; HttpOnly; SameSite=Strict"
        + (maxAgeSeconds >= 0 ? "; Max-Age=" + maxAgeSeconds : "") + (https ? "; Secure" : "");
  }
}
