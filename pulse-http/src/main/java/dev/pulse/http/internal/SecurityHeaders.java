package dev.pulse.http.internal;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * Headers on every answer that make the browser refuse what Pulse never does: scripts from
 * elsewhere, being framed, guessing content types; and HSTS under HTTPS. Internal: not API.
 */
public final class SecurityHeaders {

  private SecurityHeaders() {}

  public static void register(RoutesConfig routes) {
    routes.before(SecurityHeaders::apply);
  }

  private static void apply(Context ctx) {
    String host = ctx.header("Host");
    String sockets = host == null || !host.matches("[A-Za-z0-9.:\\[\\]-]+") ? "" : " ws://" + host + " wss://" + host;
    ctx.header("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data:; connect-src 'self'" + sockets + "; object-src 'none'; base-uri 'self'; form-action 'self'; "
        + "frame-ancestors 'none'");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "same-origin");
    if ("https".equalsIgnoreCase(ctx.scheme())) {
      ctx.header("Strict-Transport-Security", "max-age=31536000");
    }
  }
}
