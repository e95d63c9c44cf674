package dev.pulse.domain.alert;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How alerting is tuned: per rule (on or off, thresholds, delay), per tag, per resource, and how
 * flapping is detected. A resource's override wins over its tags', which win over the rule's.
 *
 * @param rules per rule id
 * @param tags per resource tag
 * @param resources per resource id
 */
public record AlertConfig(Map<String, RuleSettings> rules, Map<String, AlertOverride> tags, Map<String, AlertOverride> resources,
    Flapping flapping, List<Escalation> escalations, double minimumChange) {

  /** A firing alert's figure is updated only when it moved by this much (in the metric's unit). */
  public static final double MINIMUM_CHANGE = 2.0;

  public static final AlertConfig DEFAULT = new AlertConfig(Map.of(), Map.of(), Map.of(), Flapping.DEFAULT, List.of(),
      MINIMUM_CHANGE);

  public AlertConfig {
    rules = Map.copyOf(rules);
    tags = Map.copyOf(tags);
    resources = Map.copyOf(resources);
    escalations = List.copyOf(escalations);
  }

  /** Without escalations: the form the tests and older files use. */
  public AlertConfig(Map<String, RuleSettings> rules, Map<String, AlertOverride> tags, Map<String, AlertOverride> resources,
      Flapping flapping) {
    this(rules, tags, resources, flapping, List.of(), MINIMUM_CHANGE);
  }

  /**
   * A firing alert nobody acknowledged within {@code after} is also sent to these channels (once per
   * alert and step): for example 15 minutes → the on-call email, 30 → the pager.
   */
  public record Escalation(Duration after, List<String> channelIds) {
    public Escalation {
      channelIds = List.copyOf(channelIds);
    }
  }

  /**
   * @param enabled {@code null} for the rule's default
   * @param thresholds {@code null} for the rule's own
   * @param delay {@code null} for the rule's own
   */
  public record RuleSettings(@Nullable Boolean enabled, AlertRule.@Nullable Thresholds thresholds, @Nullable Duration delay) {}

  /**
   * An alert that fires or resolves {@code changes} times within {@code window} is flapping: it stays
   * visible but is not notified until {@code cooldown} passes without that.
   */
  public record Flapping(int changes, Duration window, Duration cooldown) {
    public static final Flapping DEFAULT = new Flapping(5, Duration.ofMinutes(5), Duration.ofMinutes(15));
  }
}
