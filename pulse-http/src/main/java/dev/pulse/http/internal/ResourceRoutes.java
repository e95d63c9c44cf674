package dev.pulse.http.internal;

import dev.pulse.domain.resource.ResourceStatus;
import dev.pulse.domain.resource.ResourceType;
import dev.pulse.engine.ResourcePage;
import dev.pulse.engine.ResourceQuery;
import dev.pulse.engine.ResourceRegistry;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code GET /api/resources} and {@code GET /api/resources/{id}}. Internal: not API. */
public final class ResourceRoutes {

  private static final int MAX_LIMIT = 10_000;

  private final ResourceRegistry registry;

  public ResourceRoutes(ResourceRegistry registry) {
    this.registry = registry;
  }

  public void register(RoutesConfig routes) {
    routes.get("/api/resources", this::list);
    routes.get("/api/resources/{id}", this::one);
  }

  private void list(Context ctx) {
    ResourcePage page = registry.query(query(ctx));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("resources", page.resources().stream().map(ResourceJson::of).toList());
    body.put("total", page.total());
    body.put("version", page.version());
    ctx.json(body);
  }

  private void one(Context ctx) {
    String id = ctx.pathParam("id");
    ctx.json(registry.get(id).map(ResourceJson::of)
        .orElseThrow(() -> new ProblemException(404, "Not found", "no resource with id " + id, "id")));
  }

  static ResourceQuery query(Context ctx) {
    ResourceType type = null;
    String typeParam = ctx.queryParam("type");
    if (typeParam != null && !typeParam.isBlank()) {
      type = ResourceType.fromWireName(typeParam.strip()).orElseThrow(() -> ProblemException.badField("type",
          "type must be one of: " + Arrays.stream(ResourceType.values()).map(ResourceType::wireName).collect(Collectors.joining(", "))));
    }
    ResourceStatus status = null;
    String statusParam = ctx.queryParam("status");
    if (statusParam != null && !statusParam.isBlank()) {
      status = ResourceStatus.fromWireName(statusParam.strip()).orElseThrow(() -> ProblemException.badField("status",
          "status must be one of: online, warning, offline, unknown"));
    }
    Integer limit = integer(ctx, "limit", MAX_LIMIT);
    Integer offset = integer(ctx, "offset", Integer.MAX_VALUE);
    return new ResourceQuery(type, status, blankToNull(ctx.queryParam("source")), blankToNull(ctx.queryParam("parent")),
        blankToNull(ctx.queryParam("tag")), blankToNull(ctx.queryParam("q")), limit, offset == null ? 0 : offset);
  }

  private static Integer integer(Context ctx, String name, int max) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      int value = Integer.parseInt(raw.strip());
      if (value < 0 || value > max) {
        throw ProblemException.badField(name, name + " must be between 0 and " + max);
      }
      return value;
    } catch (NumberFormatException e) {
      throw ProblemException.badField(name, name + " must be a whole number");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
