package dev.pulse.http.internal;

import dev.pulse.domain.audit.AuditChain;
import dev.pulse.domain.audit.AuditEntry;
import dev.pulse.domain.audit.AuditQuery;
import dev.pulse.engine.AuditTrail;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/audit}: the audit trail, newest first, filtered; an export (JSON or CSV); and {@code
 * verify}, which checks every kept entry's number and seal. All need {@code audit:read}. Internal:
 * not API.
 */
public final class AuditRoutes {

  private static final int MAX_EXPORT = 100_000;

  private final AuditTrail trail;

  public AuditRoutes(AuditTrail trail) {
    this.trail = trail;
  }

  public void register(RoutesConfig routes) {
    routes.get("/api/audit", ctx -> ctx.json(Map.of("entries", query(ctx, 200, 5000).stream().map(AuditRoutes::json).toList())),
        Access.AUDIT_READ);
    routes.get("/api/audit/export", this::export, Access.AUDIT_READ);
    routes.get("/api/audit/verify", this::verify, Access.AUDIT_READ);
  }

  private List<AuditEntry> query(Context ctx, int fallback, int max) {
    int limit = fallback;
    String l = ctx.queryParam("limit");
    if (l != null) {
      try {
        limit = Integer.parseInt(l);
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit < 1 || limit > max) {
        throw ProblemException.badField("limit", "limit must be a whole number from 1 to " + max);
      }
    }
    String outcome = ctx.queryParam("outcome");
    if (outcome != null && !List.of("success", "denied", "failure").contains(outcome)) {
      throw ProblemException.badField("outcome", "outcome is success, denied or failure");
    }
    return trail.query(new AuditQuery(instant(ctx, "since"), instant(ctx, "until"), blankToNull(ctx.queryParam("actor")),
        blankToNull(ctx.queryParam("action")), outcome, limit));
  }

  private void export(Context ctx) {
    String format = ctx.queryParamAsClass("format", String.class).getOrDefault("json");
    List<AuditEntry> entries = query(ctx, MAX_EXPORT, MAX_EXPORT);
    ctx.header("Content-Disposition", "attachment; filename=pulse-audit." + ("csv".equals(format) ? "csv" : "json"));
    switch (format) {
      case "json" -> ctx.json(Map.of("entries", entries.stream().map(AuditRoutes::json).toList()));
      case "csv" -> {
        StringBuilder csv = new StringBuilder("seq,at,actor,action,target,address,outcome,detail,mac\n");
        for (AuditEntry e : entries) {
          var v = e.event();
          csv.append(e.seq()).append(',').append(v.at()).append(',').append(cell(v.actor())).append(',').append(cell(v.action()))
              .append(',').append(cell(v.target())).append(',').append(cell(v.address())).append(',').append(cell(v.outcome()))
              .append(',').append(cell(v.detail())).append(',').append(e.mac()).append('\n');
        }
        ctx.contentType("text/csv; charset=utf-8").result(csv.toString());
      }
      default -> throw ProblemException.badField("format", "format is json or csv");
    }
  }

  private void verify(Context ctx) {
    AuditChain.Verification v = trail.verify();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ok", v.ok());
    m.put("checked", v.checked());
    m.put("brokenAt", v.brokenAt());
    m.put("reason", v.reason());
    ctx.json(m);
  }

  /** A CSV cell: quoted when needed, and never starting like a spreadsheet formula. */
  private static String cell(String s) {
    String safe = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    return safe.matches("[^\",\\n\\r]*") ? safe : "\"" + safe.replace("\"", "\"\"") + "\"";
  }

  private static Instant instant(Context ctx, String name) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(raw);
    } catch (DateTimeParseException e) {
      throw ProblemException.badField(name, name + " must be an ISO-8601 instant such as 2026-11-29T10:00:00Z");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  static Map<String, Object> json(AuditEntry e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seq", e.seq());
    m.put("at", e.event().at().toString());
    m.put("actor", e.event().actor());
    m.put("action", e.event().action());
    m.put("target", e.event().target());
    m.put("address", e.event().address());
    m.put("outcome", e.event().outcome());
    m.put("detail", e.event().detail());
    m.put("mac", e.mac());
    return m;
  }
}
