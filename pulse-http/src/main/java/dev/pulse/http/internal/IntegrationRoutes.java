package dev.pulse.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.domain.alert.AlertEvent;
import dev.pulse.domain.alert.AlertLevel;
import dev.pulse.domain.resource.Resource;
import dev.pulse.domain.resource.ResourceType;
import dev.pulse.engine.PulseEngine;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /api/integrations/pve-webhook}: Proxmox VE 8.1+'s own notifications (a webhook
 * target whose body is {@code {"title":"{{ title }}","message":"{{ escape message }}",
 * "severity":"{{ severity }}","fields":{{ json fields }}}}) become alerts on the node they name:
 * severity {@code error} is critical, {@code warning} a warning, {@code info} or {@code notice}
 * resolves the same kind of alert on that node. Internal: not API.
 */
public final class IntegrationRoutes {

  private final PulseEngine engine;
  private final RequestBodies bodies;

  public IntegrationRoutes(PulseEngine engine, ObjectMapper json, long maxBodyBytes) {
    this.engine = engine;
    this.bodies = new RequestBodies(json, maxBodyBytes);
  }

  public void register(RoutesConfig routes) {
    routes.post("/api/integrations/pve-webhook", this::pveWebhook, Access.PVE_WEBHOOK);
  }

  private void pveWebhook(Context ctx) {
    JsonNode body = bodies.read(ctx, JsonNode.class);
    String severity = text(body, "severity");
    if (severity == null) {
      throw ProblemException.badField("severity", "severity is required: info, notice, warning or error");
    }
    AlertLevel level = switch (severity.toLowerCase(Locale.ROOT)) {
      case "error" -> AlertLevel.CRITICAL;
      case "warning" -> AlertLevel.WARNING;
      case "info", "notice" -> null;
      default -> throw ProblemException.badField("severity", "severity must be info, notice, warning or error");
    };
    JsonNode fields = body.path("fields");
    String hostname = text(fields, "hostname");
    if (hostname == null) {
      throw ProblemException.badField("fields.hostname", "fields.hostname names the node the notification is about");
    }
    String kind = text(fields, "type");
    kind = kind == null ? "system" : kind.replaceAll("[^A-Za-z0-9_-]", "-");
    String title = text(body, "title");
    String message = title != null ? title : text(body, "message") != null ? firstLine(text(body, "message")) : kind;
    List<Resource> nodes = new ArrayList<>();
    for (Resource r : engine.registry().snapshot().resources()) {
      if (r.type() == ResourceType.AGENT && r.name().equalsIgnoreCase(hostname.split("\\.")[0])) {
        nodes.add(r);
      }
    }
    if (nodes.isEmpty()) {
      throw new ProblemException(404, "Not found", "no node named " + hostname + " is monitored", "fields.hostname");
    }
    List<Object> alerts = new ArrayList<>();
    for (Resource node : nodes) {
      for (AlertEvent e : engine.alerts().external(node, kind, level, message)) {
        alerts.add(AlertJson.of(e.alert()));
      }
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("resources", nodes.stream().map(Resource::id).toList());
    answer.put("alerts", alerts);
    ctx.status(202).json(answer);
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.path(field);
    return v.isTextual() && !v.asText().isBlank() ? v.asText().strip() : null;
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).strip();
  }
}
