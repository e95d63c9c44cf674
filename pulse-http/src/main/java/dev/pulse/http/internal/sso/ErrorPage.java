package dev.pulse.http.internal.sso;

import io.javalin.http.Context;

/** The page a failed single sign-on ends on: what went wrong, and the way back. Internal: not API. */
final class ErrorPage {

  private ErrorPage() {}

  static void write(Context ctx, int status, String message) {
    ctx.status(status).contentType("text/html; charset=utf-8").result("""
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign-in failed · Pulse</title></head>
        <body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem">
        <h1>Sign-in failed</h1><p data-testid="sso-error">%s</p><p><a href="/">Back to Pulse's sign-in</a></p></body></html>
        """.formatted(escape(message)));
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
