package dev.pulse.http.internal;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Headers on every answer that make the browser refuse what Pulse never does: scripts from
 * elsewhere, being framed, guessing content types; and HSTS under HTTPS. Jetty's own error answers
 * get them too ({@link JettyProblems}). Internal: not API.
 */
public final class SecurityHeaders {

  private SecurityHeaders() {}

  public static void register(RoutesConfig routes) {
    routes.before(SecurityHeaders::apply);
  }

  private static void apply(Context ctx) {
    of(ctx.header("Host"), "https".equalsIgnoreCase(ctx.scheme())).forEach(ctx::header);
  }

  /**
   * The headers for an answer to a request with this {@code Host} header ({@code null} when there
   * is none or it is not known yet).
   */
  static Map<String, String> of(String host, boolean https) {
    String sockets = host == null || !host.matches("[A-Za-z0-9.:\\[\\]-]+") ? "" : " ws://" + host + " wss://" + host;
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data:; connect-src 'self'" + sockets + "; object-src 'none'; base-uri 'self'; form-action 'self'; "
        + "frame-ancestors 'none'");
    headers.put("X-Frame-Options", "DENY");
    headers.put("X-Content-Type-Options", "nosniff");
    headers.put("Referrer-Policy", "same-origin");
    if (https) {
      headers.put("Strict-Transport-Security", "max-age=31536000");
    }
    return headers;
  }
}
