package dev.pulse.http.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.http.Accounts;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

/**
 * Recovery when nobody can sign in: {@code POST /api/security/recovery} issues a short-lived
 * token, only to a caller on this machine that did not come through a proxy; {@code POST
 * /api/security/recovery/reset} sets an admin's password with it. Both are audited and share the
 * sign-in rate limit. Internal: not API.
 */
public final class RecoveryRoutes {

  private final Accounts accounts;
  private final RequestBodies bodies;

  public RecoveryRoutes(Accounts accounts, ObjectMapper json) {
    this.accounts = accounts;
    this.bodies = new RequestBodies(json, 16 * 1024);
  }

  public record ResetBody(String recoveryToken, String username, String newPassword) {}

  public void register(RoutesConfig routes) {
    routes.post("/api/security/recovery", this::issue, Access.PUBLIC);
    routes.post("/api/security/recovery/reset", this::reset, Access.PUBLIC);
  }

  private void issue(Context ctx) {
    if (!local(ctx)) {
      throw new ProblemException(403, "Forbidden", "recovery is only for a caller on Pulse's own machine, not through a proxy", null);
    }
    ctx.json(Map.of("recoveryToken", accounts.issueRecovery(), "expiresInSeconds", Accounts.RECOVERY.toSeconds()));
  }

  private void reset(Context ctx) {
    ResetBody b = bodies.read(ctx, ResetBody.class);
    ctx.attribute(AuditHook.SUBJECT, b.username());
    try {
      accounts.recover(b.recoveryToken(), b.username(), b.newPassword());
    } catch (Accounts.Refused e) {
      throw new ProblemException(403, "Forbidden", e.getMessage(), "recoveryToken");
    }
    ctx.status(204);
  }

  /** From a loopback address, with no sign of having been forwarded. */
  private static boolean local(Context ctx) {
    if (ctx.header("X-Forwarded-For") != null || ctx.header("Forwarded") != null || ctx.header("X-Real-IP") != null) {
      return false;
    }
    try {
      return InetAddress.getByName(ctx.req().getRemoteAddr()).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
