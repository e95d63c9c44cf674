package dev.pulse.domain.alert;

import dev.pulse.domain.resource.Resource;
import dev.pulse.domain.resource.SourceRef;
import dev.pulse.domain.resource.SourceStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Runs the rules over the resources and moves each alert along: pending while its condition has
 * not lasted the rule's delay, firing after, escalated or de-escalated as its level changes,
 * resolved once the rule's clear confirmations found it gone. The delay counts from the first
 * evaluation at or above the trigger and restarts when the figure drops below it; only a firing
 * alert is held by the clear level. Metric figures that are unknown, or
 * that no healthy source vouches for, decide nothing. Pure: the time is given.
 */
public final class AlertEvaluator {

  /** Rule ids of alerts a platform raised itself (PVE's notifications): no rule evaluates them. */
  public static final String EXTERNAL = "pve:";

  private final List<AlertRule> rules;

  public AlertEvaluator(List<AlertRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** The new book and what changed. */
  public record Outcome(AlertBook book, List<AlertEvent> events) {}

  public Outcome evaluate(List<Resource> resources, AlertBook book, AlertConfig config, Instant now) {
    return evaluate(resources, book, config, now, resourceId -> false);
  }

  /**
   * The same, keeping as they are the alerts of resources not listed because their source has not
   * reported yet (after a restart): they are neither resolved nor, once the source reports, fired
   * and told again.
   *
   * @param awaited whether a resource id's source has yet to report
   */
  public Outcome evaluate(List<Resource> resources, AlertBook book, AlertConfig config, Instant now, Predicate<String> awaited) {
    Map<String, Alert> next = new LinkedHashMap<>();
    Map<String, List<Instant>> changes = new HashMap<>();
    book.changes().forEach((k, v) -> {
      List<Instant> recent = v.stream().filter(t -> !t.isBefore(now.minus(config.flapping().window()))).toList();
      if (!recent.isEmpty()) {
        changes.put(k, recent);
      }
    });
    Map<String, Instant> quiet = new HashMap<>(book.quietUntil());
    quiet.values().removeIf(until -> !until.isAfter(now));
    Set<String> cleared = new HashSet<>();
    List<AlertEvent> events = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Map<String, List<AlertBook.Reading>> readings = new HashMap<>();
    for (Resource r : resources) {
      AlertOverride override = override(r, config);
      for (AlertRule rule : rules) {
        String id = Alert.id(rule.id(), r.id());
        Alert previous = book.alerts().get(id);
        if (!rule.appliesTo(r) || !enabled(rule, config) || override.disabled()
            || override.disabledRules().contains(rule.id())) {
          continue; // an alert whose rule was turned off ends below, quietly
        }
        seen.add(id);
        MetricRule counter = rule instanceof MetricRule m && m.window() != null ? m : null;
        if (counter != null) {
          read(counter, r, id, book, now, readings);
        }
        if (rule instanceof MetricRule m && (m.unknown(r) || !vouched(r))) {
          if (previous != null) {
            next.put(id, previous); // nothing to decide on: keep as it is
          }
          if (book.cleared().contains(id)) {
            cleared.add(id);
          }
          continue;
        }
        AlertRule.Thresholds thresholds = thresholds(rule, r, config);
        // hysteresis holds a firing alert; a pending one needs the trigger for its whole delay
        AlertLevel held = previous != null && previous.firing() ? previous.level() : null;
        Condition condition = counter != null ? counter.judge(AlertBook.Reading.rise(readings.get(id)), held, thresholds)
            : rule.evaluate(r, held, thresholds);
        if (condition == null) {
          if (previous != null && previous.firing() && previous.clearStreak() + 1 < rule.clearConfirmations()) {
            next.put(id, previous.with(previous.level(), previous.phase(), previous.message(), previous.value(),
                previous.threshold(), previous.firedAt(), previous.clearStreak() + 1, previous.flapping()));
          } else if (previous != null && previous.firing()) {
            boolean flapping = change(changes, quiet, id, now, config.flapping());
            events.add(new AlertEvent(AlertEvent.Type.RESOLVED, previous, now, previous.sendNotifications() && !flapping));
          }
          continue; // a pending alert simply goes; a cleared one may come back next time
        }
        if (book.cleared().contains(id)) {
          cleared.add(id); // cleared by hand while still true: stays away until it has gone once
          continue;
        }
        Duration delay = delay(rule, config);
        if (previous == null) {
          previous = new Alert(id, rule.id(), r.id(), r.name(), r.type(), r.parentId(), rule.category(), condition.level(),
              Alert.Phase.PENDING, condition.message(), condition.value(), condition.threshold(), now, null, 0, null, false,
              !override.monitorOnly());
        }
        if (!previous.firing()) {
          boolean due = !now.isBefore(previous.since().plus(delay));
          boolean flapping = due && change(changes, quiet, id, now, config.flapping());
          Alert alert = previous.with(condition.level(), due ? Alert.Phase.FIRING : Alert.Phase.PENDING, condition.message(),
              condition.value(), condition.threshold(), due ? now : null, 0, flapping);
          next.put(id, alert);
          if (due) {
            events.add(new AlertEvent(AlertEvent.Type.FIRED, alert, now, alert.sendNotifications() && !flapping));
          }
          continue;
        }
        boolean flapping = quiet.containsKey(id);
        boolean small = condition.level() == previous.level() && condition.value() != null && previous.value() != null
            && Math.abs(condition.value() - previous.value()) < config.minimumChange();
        Alert alert = small // a small move is not a change: the alert keeps its figure, and nothing is written or shown
            ? previous.with(previous.level(), Alert.Phase.FIRING, previous.message(), previous.value(), previous.threshold(),
                previous.firedAt(), 0, flapping)
            : previous.with(condition.level(), Alert.Phase.FIRING, condition.message(), condition.value(), condition.threshold(),
                previous.firedAt(), 0, flapping);
        next.put(id, alert);
        if (condition.level() == previous.level() && !small && !java.util.Objects.equals(condition.value(), previous.value())) {
          events.add(new AlertEvent(AlertEvent.Type.UPDATED, alert, now, false));
        }
        if (condition.level() != previous.level()) {
          AlertEvent.Type type = condition.level().compareTo(previous.level()) > 0 ? AlertEvent.Type.ESCALATED
              : AlertEvent.Type.DEESCALATED;
          events.add(new AlertEvent(type, alert, now, alert.sendNotifications() && !flapping && type == AlertEvent.Type.ESCALATED));
        }
      }
    }
    for (Alert gone : book.alerts().values()) {
      if (gone.ruleId().startsWith(EXTERNAL)) {
        next.put(gone.id(), gone); // told by the platform itself: it ends when the platform says so, or by hand
        continue;
      }
      if (!seen.contains(gone.id()) && awaited.test(gone.resourceId())) {
        next.put(gone.id(), gone); // its source has not reported since the restart: nothing is known yet
        continue;
      }
      if (!seen.contains(gone.id()) && gone.firing()) { // resource removed, or rule turned off
        events.add(new AlertEvent(AlertEvent.Type.RESOLVED, gone, now, false));
      }
    }
    return new Outcome(new AlertBook(next, changes, quiet, cleared, readings), events);
  }

  /** Adds the counter's reading now, from a source that vouches for it; an unknown one keeps the last. */
  private static void read(MetricRule rule, Resource r, String id, AlertBook book, Instant now,
      Map<String, List<AlertBook.Reading>> readings) {
    List<AlertBook.Reading> earlier = book.readings().getOrDefault(id, List.of());
    Double value = rule.read(r);
    if (value != null && vouched(r)) {
      readings.put(id, AlertBook.Reading.keep(earlier, new AlertBook.Reading(now, value), rule.window()));
    } else if (!earlier.isEmpty()) {
      readings.put(id, earlier);
    }
  }

  /** Records a firing or resolution; returns whether the alert is (now) flapping. */
  private static boolean change(Map<String, List<Instant>> changes, Map<String, Instant> quiet, String id, Instant now,
      AlertConfig.Flapping flapping) {
    List<Instant> recent = new ArrayList<>(changes.getOrDefault(id, List.of()));
    recent.add(now);
    changes.put(id, List.copyOf(recent));
    if (recent.size() >= flapping.changes()) {
      quiet.put(id, now.plus(flapping.cooldown()));
    }
    return quiet.containsKey(id);
  }

  /** Whether a healthy source reported the resource: figures from a failing or stale one are old. */
  private static boolean vouched(Resource r) {
    for (SourceRef s : r.sources()) {
      if (s.status() == SourceStatus.HEALTHY) {
        return true;
      }
    }
    return r.sources().isEmpty();
  }

  private static boolean enabled(AlertRule rule, AlertConfig config) {
    AlertConfig.RuleSettings s = config.rules().get(rule.id());
    return s != null && s.enabled() != null ? s.enabled() : rule.enabledByDefault();
  }

  private static Duration delay(AlertRule rule, AlertConfig config) {
    AlertConfig.RuleSettings s = config.rules().get(rule.id());
    return s != null && s.delay() != null ? s.delay() : rule.delay();
  }

  private static AlertRule.Thresholds thresholds(AlertRule rule, Resource r, AlertConfig config) {
    AlertOverride own = config.resources().get(r.id());
    if (own != null && own.thresholds().containsKey(rule.id())) {
      return own.thresholds().get(rule.id());
    }
    for (String tag : r.tags()) {
      AlertOverride byTag = config.tags().get(tag);
      if (byTag != null && byTag.thresholds().containsKey(rule.id())) {
        return byTag.thresholds().get(rule.id());
      }
    }
    AlertConfig.RuleSettings s = config.rules().get(rule.id());
    return s != null ? s.thresholds() : null;
  }

  /** The resource's own override, else the first of its tags' that disables or silences, else none. */
  private static AlertOverride override(Resource r, AlertConfig config) {
    AlertOverride own = config.resources().get(r.id());
    boolean disabled = own != null && own.disabled();
    boolean monitorOnly = own != null && own.monitorOnly();
    Set<String> disabledRules = new HashSet<>(own == null ? Set.of() : own.disabledRules());
    for (String tag : r.tags()) {
      AlertOverride byTag = config.tags().get(tag);
      if (byTag != null) {
        disabled |= byTag.disabled();
        monitorOnly |= byTag.monitorOnly();
        disabledRules.addAll(byTag.disabledRules());
      }
    }
    return new AlertOverride(disabled, monitorOnly, disabledRules, Map.of(), null);
  }
}
