package dev.pulse.http.internal;

import dev.pulse.domain.alert.AlertConfig;
import dev.pulse.domain.alert.AlertOverride;
import dev.pulse.domain.alert.AlertRule;
import dev.pulse.domain.alert.MetricRule;
import dev.pulse.domain.alert.Threshold;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The alert tuning as JSON, both ways. Reading validates every field and names the one at fault,
 * for example {@code rules.cpu.warning.clear}. Internal: not API.
 */
public final class AlertConfigJson {

  /** The request and answer body. Maps are keyed by rule id, tag and resource id. */
  public record Body(Map<String, RuleBody> rules, Map<String, OverrideBody> tags, Map<String, OverrideBody> resources,
      FlappingBody flapping, List<EscalationBody> escalations, Double minimumChange) {}

  public record EscalationBody(Long afterMinutes, List<String> channelIds) {}

  public record RuleBody(Boolean enabled, Level warning, Level critical, Long delaySeconds) {}

  public record OverrideBody(Boolean disabled, Boolean monitorOnly, List<String> disabledRules, Map<String, Levels> thresholds,
      String note) {}

  public record Levels(Level warning, Level critical) {}

  public record Level(Double trigger, Double clear) {}

  public record FlappingBody(Integer changes, Long windowSeconds, Long cooldownSeconds) {}

  private AlertConfigJson() {}

  public static Body of(AlertConfig c) {
    Map<String, RuleBody> rules = new LinkedHashMap<>();
    c.rules().forEach((id, s) -> rules.put(id, new RuleBody(s.enabled(), s.thresholds() == null ? null : level(s.thresholds().warning()),
        s.thresholds() == null ? null : level(s.thresholds().critical()), s.delay() == null ? null : s.delay().toSeconds())));
    return new Body(rules, overrides(c.tags()), overrides(c.resources()), new FlappingBody(c.flapping().changes(),
        c.flapping().window().toSeconds(), c.flapping().cooldown().toSeconds()),
        c.escalations().stream().map(e -> new EscalationBody(e.after().toMinutes(), e.channelIds())).toList(), c.minimumChange());
  }

  private static Map<String, OverrideBody> overrides(Map<String, AlertOverride> in) {
    Map<String, OverrideBody> out = new LinkedHashMap<>();
    in.forEach((k, o) -> {
      Map<String, Levels> levels = new LinkedHashMap<>();
      o.thresholds().forEach((rule, t) -> levels.put(rule, new Levels(level(t.warning()), level(t.critical()))));
      out.put(k, new OverrideBody(o.disabled(), o.monitorOnly(), List.copyOf(o.disabledRules()), levels, o.note()));
    });
    return out;
  }

  private static Level level(Threshold t) {
    return t == null ? null : new Level(t.trigger(), t.clear());
  }

  /** The tuning a body asks for, against these rules. */
  public static AlertConfig read(Body b, List<AlertRule> rules) {
    Map<String, AlertRule> byId = new HashMap<>();
    rules.forEach(r -> byId.put(r.id(), r));
    Map<String, AlertConfig.RuleSettings> settings = new HashMap<>();
    if (b.rules() != null) {
      b.rules().forEach((id, r) -> {
        String at = "rules." + id;
        AlertRule rule = known(byId, id, at);
        if (r == null) {
          throw ProblemException.badField(at, at + " must be an object");
        }
        AlertRule.Thresholds t = r.warning() == null && r.critical() == null ? null : thresholds(rule, r.warning(), r.critical(), at);
        if (r.delaySeconds() != null && (r.delaySeconds() < 0 || r.delaySeconds() > 86_400)) {
          throw ProblemException.badField(at + ".delaySeconds", at + ".delaySeconds must be 0 to 86400");
        }
        settings.put(id, new AlertConfig.RuleSettings(r.enabled(), t, r.delaySeconds() == null ? null : Duration.ofSeconds(r.delaySeconds())));
      });
    }
    AlertConfig.Flapping flapping = AlertConfig.Flapping.DEFAULT;
    if (b.flapping() != null) {
      FlappingBody f = b.flapping();
      int changes = f.changes() == null ? flapping.changes() : f.changes();
      long window = f.windowSeconds() == null ? flapping.window().toSeconds() : f.windowSeconds();
      long cooldown = f.cooldownSeconds() == null ? flapping.cooldown().toSeconds() : f.cooldownSeconds();
      if (changes < 2 || changes > 100) {
        throw ProblemException.badField("flapping.changes", "flapping.changes must be 2 to 100");
      }
      if (window < 10 || window > 86_400 || cooldown < 0 || cooldown > 86_400) {
        throw ProblemException.badField(window < 10 || window > 86_400 ? "flapping.windowSeconds" : "flapping.cooldownSeconds",
            "flapping windows are 10 s to 1 day, cooldowns up to 1 day");
      }
      flapping = new AlertConfig.Flapping(changes, Duration.ofSeconds(window), Duration.ofSeconds(cooldown));
    }
    List<AlertConfig.Escalation> escalations = new java.util.ArrayList<>();
    List<EscalationBody> steps = b.escalations() == null ? List.of() : b.escalations();
    for (int i = 0; i < steps.size(); i++) {
      EscalationBody e = steps.get(i);
      String at = "escalations[" + i + "]";
      if (e == null || e.afterMinutes() == null || e.afterMinutes() < 1 || e.afterMinutes() > 10_080) {
        throw ProblemException.badField(at + ".afterMinutes", at + ".afterMinutes must be 1 to 10080");
      }
      if (e.channelIds() == null || e.channelIds().isEmpty()) {
        throw ProblemException.badField(at + ".channelIds", at + ".channelIds must name at least one channel");
      }
      escalations.add(new AlertConfig.Escalation(Duration.ofMinutes(e.afterMinutes()), e.channelIds()));
    }
    double minimumChange = b.minimumChange() == null ? AlertConfig.MINIMUM_CHANGE : b.minimumChange();
    if (!Double.isFinite(minimumChange) || minimumChange < 0 || minimumChange > 1_000_000_000) {
      throw ProblemException.badField("minimumChange", "minimumChange must be a number, 0 or more");
    }
    return new AlertConfig(settings, overrides(b.tags(), "tags", byId), overrides(b.resources(), "resources", byId), flapping,
        escalations, minimumChange);
  }

  private static Map<String, AlertOverride> overrides(Map<String, OverrideBody> in, String path, Map<String, AlertRule> rules) {
    Map<String, AlertOverride> out = new HashMap<>();
    if (in == null) {
      return out;
    }
    in.forEach((key, o) -> {
      String at = path + "." + key;
      if (key.isBlank() || o == null) {
        throw ProblemException.badField(at, at + " must be an object with a non-empty key");
      }
      Map<String, AlertRule.Thresholds> levels = new HashMap<>();
      if (o.thresholds() != null) {
        o.thresholds().forEach((rule, l) -> {
          String p = at + ".thresholds." + rule;
          levels.put(rule, thresholds(known(rules, rule, p), l == null ? null : l.warning(), l == null ? null : l.critical(), p));
        });
      }
      List<String> disabled = o.disabledRules() == null ? List.of() : o.disabledRules();
      for (int i = 0; i < disabled.size(); i++) {
        known(rules, disabled.get(i), at + ".disabledRules[" + i + "]");
      }
      if (o.note() != null && o.note().length() > 500) {
        throw ProblemException.badField(at + ".note", "a note is at most 500 characters");
      }
      out.put(key, new AlertOverride(Boolean.TRUE.equals(o.disabled()), Boolean.TRUE.equals(o.monitorOnly()), Set.copyOf(disabled),
          levels, o.note()));
    });
    return out;
  }

  private static AlertRule known(Map<String, AlertRule> rules, String id, String at) {
    AlertRule r = rules.get(id);
    if (r == null) {
      throw ProblemException.badField(at, "there is no alert rule " + id);
    }
    return r;
  }

  private static AlertRule.Thresholds thresholds(AlertRule rule, Level warning, Level critical, String at) {
    if (!(rule instanceof MetricRule)) {
      throw ProblemException.badField(at, rule.id() + " is a state rule: it has no thresholds");
    }
    Threshold w = threshold(warning, at + ".warning");
    Threshold c = threshold(critical, at + ".critical");
    if (w != null && c != null && c.trigger() < w.trigger()) {
      throw ProblemException.badField(at + ".critical.trigger", "the critical trigger must not be below the warning trigger");
    }
    return new AlertRule.Thresholds(w, c);
  }

  private static Threshold threshold(Level l, String at) {
    if (l == null) {
      return null;
    }
    if (l.trigger() == null || !Double.isFinite(l.trigger())) {
      throw ProblemException.badField(at + ".trigger", at + ".trigger must be a number");
    }
    double clear = l.clear() == null ? l.trigger() : l.clear();
    if (!Double.isFinite(clear) || clear > l.trigger()) {
      throw ProblemException.badField(at + ".clear", at + ".clear must be a number not above the trigger");
    }
    return new Threshold(l.trigger(), clear);
  }
}
