package dev.pulse.http.internal;

import io.javalin.config.RoutesConfig;
import java.util.Map;

/** {@code GET /api/health} and {@code GET /api/version}: public. Internal: not API. */
public final class SystemRoutes {

  private final String version;

  public SystemRoutes(String version) {
    this.version = version;
  }

  public void register(RoutesConfig routes) {
    routes.get("/api/health", ctx -> ctx.json(Map.of("status", "ok")), Access.PUBLIC);
    routes.get("/api/version", ctx -> ctx.json(Map.of(
        "version", version,
        "java", Runtime.version().toString())), Access.PUBLIC);
  }
}
