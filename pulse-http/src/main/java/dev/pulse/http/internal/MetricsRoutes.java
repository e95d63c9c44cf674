package dev.pulse.http.internal;

import dev.pulse.domain.history.HistoryMetric;
import dev.pulse.domain.history.HistoryMetrics;
import dev.pulse.domain.history.HistoryPoint;
import dev.pulse.domain.history.HistoryRange;
import dev.pulse.domain.history.HistorySeries;
import dev.pulse.domain.history.MetricsHistoryStore;
import dev.pulse.domain.resource.Resource;
import dev.pulse.engine.PulseEngine;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * History for charts: {@code GET /api/metrics/history} (one series, downsampled with LTTB), {@code GET
 * /api/metrics/sparklines} (one metric for many resources in one request) and {@code GET
 * /api/resources/{id}/metrics} (which metrics a resource has, with their current values). Points are
 * {@code [epochMillis, min, avg, max]} arrays, sparkline points {@code [epochMillis, avg]}.
 * Internal: not API.
 */
public final class MetricsRoutes {

  static final int MAX_POINTS = 5_000;
  static final int MAX_IDS = 2_000;

  private final PulseEngine engine;

  public MetricsRoutes(PulseEngine engine) {
    this.engine = engine;
  }

  public void register(RoutesConfig routes) {
    routes.get("/api/metrics/history", this::history, Access.MONITORING_READ);
    routes.get("/api/metrics/sparklines", this::sparklines, Access.MONITORING_READ);
    routes.get("/api/resources/{id}/metrics", this::resourceMetrics, Access.MONITORING_READ);
  }

  private void history(Context ctx) {
    String resourceId = required(ctx, "resourceId");
    HistoryMetric metric = metric(ctx);
    HistoryRange range = range(ctx, HistoryRange.H24);
    int maxPoints = integer(ctx, "maxPoints", 500, 2, MAX_POINTS);
    MetricsHistoryStore store = store();
    if (engine.registry().get(resourceId).isEmpty() && store.metricsOf(resourceId).isEmpty()) {
      throw new ProblemException(404, "Not found", "no resource " + resourceId, "resourceId");
    }
    Instant to = engine.clock().instant().truncatedTo(ChronoUnit.SECONDS);
    Instant from = to.minus(range.length());
    HistorySeries series = store.query(resourceId, metric.name(), from, to, maxPoints);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("resourceId", resourceId);
    body.put("metric", metric.name());
    body.put("unit", metric.unit());
    body.put("range", range.label());
    body.put("from", from.toString());
    body.put("to", to.toString());
    body.put("tier", series.tier().name().toLowerCase(Locale.ROOT));
    List<Object[]> points = new ArrayList<>(series.points().size());
    for (HistoryPoint p : series.points()) {
      points.add(new Object[] {p.at().toEpochMilli(), number(p.min(), metric), number(p.avg(), metric), number(p.max(), metric)});
    }
    body.put("points", points);
    ctx.json(body);
  }

  private void sparklines(Context ctx) {
    String ids = required(ctx, "ids");
    Set<String> unique = new LinkedHashSet<>();
    for (String id : ids.split(",")) {
      if (!id.isBlank()) {
        unique.add(id.strip());
      }
    }
    if (unique.isEmpty() || unique.size() > MAX_IDS) {
      throw ProblemException.badField("ids", "ids must name 1 to " + MAX_IDS + " resources, separated by commas");
    }
    HistoryMetric metric = metric(ctx);
    HistoryRange range = range(ctx, HistoryRange.H24);
    int points = integer(ctx, "points", 60, 2, 500);
    Instant to = engine.clock().instant().truncatedTo(ChronoUnit.SECONDS);
    Map<String, HistorySeries> all = store().queryMany(unique, metric.name(), to.minus(range.length()), to, points);
    Map<String, List<Object[]>> series = new LinkedHashMap<>();
    all.forEach((id, s) -> series.put(id, s.points().stream()
        .map(p -> new Object[] {p.at().toEpochMilli(), number(p.avg(), metric)}).toList()));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("metric", metric.name());
    body.put("unit", metric.unit());
    body.put("range", range.label());
    body.put("series", series);
    ctx.json(body);
  }

  private void resourceMetrics(Context ctx) {
    String id = ctx.pathParam("id");
    Optional<Resource> resource = engine.registry().get(id);
    MetricsHistoryStore store = store();
    Set<String> recorded = store.metricsOf(id);
    if (resource.isEmpty() && recorded.isEmpty()) {
      throw new ProblemException(404, "Not found", "no resource " + id, "id");
    }
    List<Map<String, Object>> metrics = new ArrayList<>();
    for (HistoryMetric m : HistoryMetrics.ALL) {
      Double current = resource.map(m::read).orElse(null);
      if (current != null || recorded.contains(m.name())) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", m.name());
        entry.put("unit", m.unit());
        entry.put("current", current == null ? null : number(current, m));
        entry.put("hasHistory", recorded.contains(m.name()));
        metrics.add(entry);
      }
    }
    ctx.json(Map.of("resourceId", id, "metrics", metrics));
  }

  /**
   * A value as JSON shows it best: whole for a metric kept without decimals (bytes, counts), unless
   * it is an average that is not whole; rounded to two more decimals than the metric's otherwise.
   */
  private static Number number(double v, HistoryMetric m) {
    if (v == Math.rint(v) && Math.abs(v) < 0x1p53) {
      return (long) v;
    }
    double scale = Math.pow(10, m.decimals() + 2);
    return Math.round(v * scale) / scale;
  }

  private MetricsHistoryStore store() {
    return engine.history().orElseThrow(() -> new ProblemException(503, "Service Unavailable",
        "this server keeps no metrics history", null));
  }

  private static String required(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      throw ProblemException.badField(name, name + " is required");
    }
    return v.strip();
  }

  private static HistoryMetric metric(Context ctx) {
    String name = required(ctx, "metric");
    return HistoryMetrics.named(name).orElseThrow(() -> ProblemException.badField("metric",
        "unknown metric " + name + "; one of: " + HistoryMetrics.names()));
  }

  private static HistoryRange range(Context ctx, HistoryRange fallback) {
    String label = ctx.queryParam("range");
    if (label == null || label.isBlank()) {
      return fallback;
    }
    return HistoryRange.parse(label.strip()).orElseThrow(() -> ProblemException.badField("range",
        "range must be one of " + HistoryRange.labels()));
  }

  private static int integer(Context ctx, String name, int fallback, int min, int max) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ProblemException.badField(name, name + " must be a whole number from " + min + " to " + max);
  }
}
