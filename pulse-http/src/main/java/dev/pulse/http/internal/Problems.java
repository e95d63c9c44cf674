package dev.pulse.http.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.domain.security.NotPermittedException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers every error as RFC 9457 {@code application/problem+json}: {@code type}, {@code title},
 * {@code status}, {@code detail} and, when one field is at fault, {@code field}. Internal: not API.
 */
public final class Problems {

  private static final Logger LOG = LoggerFactory.getLogger(Problems.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TYPE_BASE = "https://pulse.dev/problems/";
  /** Said with the charset: without it Jetty would encode the body as ISO-8859-1. */
  static final String CONTENT_TYPE = "application/problem+json; charset=utf-8";

  private Problems() {}

  public static void register(RoutesConfig routes) {
    routes.exception(ProblemException.class, (e, ctx) -> write(ctx, e.status(), e.title(), e.getMessage(), e.field()));
    routes.exception(dev.pulse.domain.InvalidFieldException.class, (e, ctx) ->
        write(ctx, 400, "Invalid request", e.getMessage(), e.field()));
    routes.exception(NotPermittedException.class, (e, ctx) -> write(ctx, 403, "Forbidden", e.getMessage(), e.field()));
    routes.exception(HttpResponseException.class, (e, ctx) ->
        write(ctx, e.getStatus(), title(e.getStatus()), e.getMessage(), null));
    routes.exception(Exception.class, (e, ctx) -> {
      LOG.error("unhandled error on {} {}", ctx.method(), ctx.path(), e);
      write(ctx, 500, "Internal error", "the server failed to handle the request; see its log", null);
    });
    routes.error(404, ctx -> {
      // a route that wrote its own answer (the sign-in error page) keeps it
      if (ctx.path().startsWith("/api") && ctx.res().getContentType() == null) {
        write(ctx, 404, "Not found", "no such resource: " + ctx.path(), null);
      }
    });
    routes.error(405, ctx -> write(ctx, 405, "Method not allowed", ctx.method() + " is not allowed on " + ctx.path(), null));
  }

  public static void write(Context ctx, int status, String title, String detail, String field) {
    Map<String, Object> body = problem(status, title, detail, field);
    if (status == 401) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"pulse\"");
    }
    ctx.status(status).contentType(CONTENT_TYPE).result(bytes(body));
  }

  /** The body of a problem as UTF-8 JSON. */
  static byte[] bytes(Map<String, Object> problem) {
    try {
      return JSON.writeValueAsBytes(problem); // Jackson writes UTF-8
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings and numbers always serialises", e);
    }
  }

  /** A problem's fields, for answers written outside Javalin (Jetty's own errors). */
  static Map<String, Object> problem(int status, String title, String detail, String field) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", TYPE_BASE + slug(title));
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    if (field != null) {
      body.put("field", field);
    }
    return body;
  }



  static String title(int status) {
    return switch (status) {
      case 400 -> "Invalid request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not found";
      case 413 -> "Request body too large";
      case 415 -> "Unsupported media type";
      case 431 -> "Request headers too large";
      default -> status >= 500 ? "Internal error" : "Request failed";
    };
  }

  private static String slug(String title) {
    return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }
}
