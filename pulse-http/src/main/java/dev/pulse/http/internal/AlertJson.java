package dev.pulse.http.internal;

import dev.pulse.domain.alert.Alert;
import dev.pulse.domain.alert.AlertHistoryEntry;
import dev.pulse.domain.alert.AlertRule;
import dev.pulse.domain.alert.MetricRule;
import dev.pulse.domain.alert.Threshold;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Alerts, history lines and rules as the API shows them. Internal: not API. */
final class AlertJson {

  private AlertJson() {}

  static Map<String, Object> of(Alert a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", a.id());
    m.put("ruleId", a.ruleId());
    m.put("resourceId", a.resourceId());
    m.put("resourceName", a.resourceName());
    m.put("resourceType", a.resourceType().wireName());
    m.put("parentId", a.parentId());
    m.put("category", a.category().wireName());
    m.put("level", a.level().wireName());
    m.put("state", a.phase().name().toLowerCase(Locale.ROOT));
    m.put("message", a.message());
    m.put("value", a.value());
    m.put("threshold", a.threshold());
    m.put("since", a.since().toString());
    m.put("firedAt", a.firedAt() == null ? null : a.firedAt().toString());
    m.put("acknowledged", a.acknowledgement() == null ? null
        : Map.of("by", a.acknowledgement().by(), "at", a.acknowledgement().at().toString()));
    m.put("flapping", a.flapping());
    m.put("notifications", a.sendNotifications());
    return m;
  }

  static Map<String, Object> of(AlertHistoryEntry e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("at", e.at().toString());
    m.put("type", e.type());
    m.put("alertId", e.alertId());
    m.put("ruleId", e.ruleId());
    m.put("resourceId", e.resourceId());
    m.put("resourceName", e.resourceName());
    m.put("level", e.level().wireName());
    m.put("message", e.message());
    m.put("value", e.value());
    m.put("actor", e.actor());
    return m;
  }

  static Map<String, Object> of(AlertRule r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("title", r.title());
    m.put("kind", r instanceof MetricRule ? "metric" : "state");
    m.put("metric", r instanceof MetricRule mr ? mr.metric() : null);
    m.put("category", r.category().wireName());
    m.put("types", r.types().stream().map(t -> t.wireName()).sorted().toList());
    m.put("diskKinds", r instanceof MetricRule mr ? mr.diskKinds().stream().sorted().toList() : List.of());
    m.put("warning", r instanceof MetricRule mr ? threshold(mr.defaults().warning()) : null);
    m.put("critical", r instanceof MetricRule mr ? threshold(mr.defaults().critical()) : null);
    m.put("delaySeconds", r.delay().toSeconds());
    m.put("windowSeconds", r instanceof MetricRule mr && mr.window() != null ? mr.window().toSeconds() : null);
    m.put("clearConfirmations", r.clearConfirmations());
    m.put("enabledByDefault", r.enabledByDefault());
    return m;
  }

  static Map<String, Object> threshold(Threshold t) {
    return t == null ? null : Map.of("trigger", t.trigger(), "clear", t.clear());
  }
}
