package dev.pulse.http.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.domain.InvalidFieldException;
import dev.pulse.domain.resource.Resource;
import dev.pulse.domain.resource.ResourceStatus;
import dev.pulse.domain.resource.ResourceType;
import dev.pulse.engine.IdentityService;
import dev.pulse.engine.PulseEngine;
import dev.pulse.engine.ResourcePage;
import dev.pulse.engine.ResourceQuery;
import dev.pulse.engine.ResourceRegistry;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code GET /api/resources}, {@code GET /api/resources/{id}}, and the identity overrides {@code
 * POST /api/resources/{id}/link} and {@code /unlink}. Internal: not API.
 */
public final class ResourceRoutes {

  private static final int MAX_LIMIT = 10_000;

  private final ResourceRegistry registry;
  private final IdentityService identities;
  private final RequestBodies bodies;

  public ResourceRoutes(PulseEngine engine, ObjectMapper json, long maxBodyBytes) {
    this.registry = engine.registry();
    this.identities = engine.identities();
    this.bodies = new RequestBodies(json, maxBodyBytes);
  }

  /** The body of a link request: the resource the path's resource is one machine with. */
  public record LinkRequest(String targetId) {}

  public void register(RoutesConfig routes) {
    routes.get("/api/resources", this::list, Access.MONITORING_READ);
    routes.get("/api/resources/{id}", this::one, Access.MONITORING_READ);
    routes.post("/api/resources/{id}/link", this::link, Access.CONNECTIONS_WRITE);
    routes.post("/api/resources/{id}/unlink", this::unlink, Access.CONNECTIONS_WRITE);
  }

  private void link(Context ctx) {
    LinkRequest request = bodies.read(ctx, LinkRequest.class);
    if (request.targetId() == null || request.targetId().isBlank()) {
      throw ProblemException.badField("targetId", "targetId is required");
    }
    ctx.json(ResourceJson.of(identity(() -> identities.link(ctx.pathParam("id"), request.targetId().strip()))));
  }

  private void unlink(Context ctx) {
    List<Resource> parts = identity(() -> identities.unlink(ctx.pathParam("id")));
    ctx.json(Map.of("resources", parts.stream().map(ResourceJson::of).toList()));
  }

  private static <T> T identity(Supplier<T> action) {
    try {
      return action.get();
    } catch (NoSuchElementException e) {
      throw new ProblemException(404, "Not found", e.getMessage(), "id");
    } catch (InvalidFieldException e) {
      throw ProblemException.badField(e.field(), e.getMessage());
    }
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
    return ResourceQuery.builder().type(type).status(status).source(blankToNull(ctx.queryParam("source")))
        .parent(blankToNull(ctx.queryParam("parent"))).tag(blankToNull(ctx.queryParam("tag"))).text(blankToNull(ctx.queryParam("q")))
        .limit(limit).offset(offset == null ? 0 : offset).build();
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
