package dev.pulse.domain.alert;

import dev.pulse.domain.resource.Resource;
import dev.pulse.domain.resource.ResourceType;
import java.time.Duration;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Something that can be wrong with a resource: a metric over a threshold ({@link MetricRule}) or a
 * bad state ({@link StateRule}). Pure: it only looks at the resource it is given.
 */
public sealed interface AlertRule permits MetricRule, StateRule {

  /** Stable, for overrides and alert ids: for example {@code cpu} or {@code disk-health}. */
  String id();

  /** For people: "CPU", "Disk health". */
  String title();

  AlertCategory category();

  /** The resource types it applies to. */
  Set<ResourceType> types();

  /** Whether it applies to this resource: by type, and for some rules by the kind of disk. */
  default boolean appliesTo(Resource resource) {
    return types().contains(resource.type());
  }

  /** How long the condition must last before the alert fires ("for 5 minutes"); zero fires at once. */
  Duration delay();

  /** How many evaluations in a row must find it fine before a firing alert resolves. */
  int clearConfirmations();

  /** Whether it runs without the operator turning it on. */
  boolean enabledByDefault();

  /**
   * What is wrong now, or {@code null}.
   *
   * @param previous the level the alert has now, or {@code null}: metric rules clear only below
   *     their clear level (hysteresis)
   * @param thresholds the operator's thresholds for this resource, or {@code null} for the rule's own
   */
  @Nullable Condition evaluate(Resource resource, @Nullable AlertLevel previous, @Nullable Thresholds thresholds);

  /**
   * @param warning the warning level, or {@code null} for none
   * @param critical the critical level, or {@code null} for none
   */
  record Thresholds(@Nullable Threshold warning, @Nullable Threshold critical) {}
}
