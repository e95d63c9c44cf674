package dev.pulse.http.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.domain.alert.Alert;
import dev.pulse.engine.AlertService;
import dev.pulse.engine.PulseEngine;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.BiFunction;

/**
 * {@code /api/alerts}: the active alerts, the history, the rules, the tuning, and acknowledge,
 * unacknowledge and clear (one or in bulk), recorded with who did it. Internal: not API.
 */
public final class AlertRoutes {

  private final AlertService alerts;
  private final java.time.Clock clock;
  private final RequestBodies bodies;

  public AlertRoutes(PulseEngine engine, ObjectMapper json, long maxBodyBytes) {
    this.alerts = engine.alerts();
    this.clock = engine.clock();
    this.bodies = new RequestBodies(json, maxBodyBytes);
  }

  /** The body of a bulk action. */
  public record Ids(List<String> ids) {}

  public void register(RoutesConfig routes) {
    routes.get("/api/alerts/active", this::active, Access.MONITORING_READ);
    routes.get("/api/alerts/history", this::history, Access.MONITORING_READ);
    routes.get("/api/alerts/rules", ctx -> ctx.json(Map.of("rules", alerts.rules().stream().map(AlertJson::of).toList())),
        Access.MONITORING_READ);
    routes.get("/api/alerts/config", ctx -> ctx.json(AlertConfigJson.of(alerts.config())), Access.ALERTS_READ);
    routes.put("/api/alerts/config", this::putConfig, Access.ALERTS_WRITE);
    routes.post("/api/alerts/{id}/acknowledge", ctx -> one(ctx, alerts::acknowledge), Access.MONITORING_WRITE);
    routes.post("/api/alerts/{id}/unacknowledge", ctx -> one(ctx, alerts::unacknowledge), Access.MONITORING_WRITE);
    routes.post("/api/alerts/{id}/clear", ctx -> one(ctx, alerts::clear), Access.MONITORING_WRITE);
    routes.post("/api/alerts/bulk/acknowledge", ctx -> bulk(ctx, alerts::acknowledge), Access.MONITORING_WRITE);
    routes.post("/api/alerts/bulk/unacknowledge", ctx -> bulk(ctx, alerts::unacknowledge), Access.MONITORING_WRITE);
    routes.post("/api/alerts/bulk/clear", ctx -> bulk(ctx, alerts::clear), Access.MONITORING_WRITE);
  }

  private void active(Context ctx) {
    List<Alert> list = new ArrayList<>(alerts.active());
    list.sort(Comparator.comparing((Alert a) -> a.level().ordinal()).reversed().thenComparing(Alert::since));
    ctx.json(Map.of("alerts", list.stream().map(AlertJson::of).toList()));
  }

  private void history(Context ctx) {
    Instant from;
    try {
      String since = ctx.queryParam("since");
      from = since == null || since.isBlank() ? clock.instant().minus(Duration.ofDays(7)) : Instant.parse(since.strip());
    } catch (DateTimeParseException e) {
      throw ProblemException.badField("since", "since must be an ISO-8601 instant such as 2026-11-28T10:00:00Z");
    }
    int limit;
    try {
      String l = ctx.queryParam("limit");
      limit = l == null || l.isBlank() ? 200 : Integer.parseInt(l.strip());
    } catch (NumberFormatException e) {
      limit = -1;
    }
    if (limit < 1 || limit > 5_000) {
      throw ProblemException.badField("limit", "limit must be a whole number from 1 to 5000");
    }
    ctx.json(Map.of("entries", alerts.history(from, limit).stream().map(AlertJson::of).toList()));
  }

  private void putConfig(Context ctx) {
    AlertConfigJson.Body body = bodies.read(ctx, AlertConfigJson.Body.class);
    alerts.setConfig(AlertConfigJson.read(body, alerts.rules()));
    ctx.json(AlertConfigJson.of(alerts.config()));
  }

  private void one(Context ctx, BiFunction<String, String, Alert> action) {
    try {
      ctx.json(AlertJson.of(action.apply(ctx.pathParam("id"), actor(ctx))));
    } catch (NoSuchElementException e) {
      throw new ProblemException(404, "Not found", e.getMessage(), "id");
    }
  }

  private void bulk(Context ctx, BiFunction<String, String, Alert> action) {
    Ids body = bodies.read(ctx, Ids.class);
    if (body.ids() == null || body.ids().isEmpty() || body.ids().size() > 1_000) {
      throw ProblemException.badField("ids", "ids must list 1 to 1000 alert ids");
    }
    List<Object> done = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String id : body.ids()) {
      try {
        done.add(AlertJson.of(action.apply(id, actor(ctx))));
      } catch (NoSuchElementException e) {
        missing.add(id);
      }
    }
    ctx.json(Map.of("alerts", done, "missing", missing));
  }

  private static String actor(Context ctx) {
    String who = ctx.attribute(AccessGuard.ACTOR);
    return who == null ? "unknown" : who;
  }
}
