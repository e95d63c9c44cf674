package dev.pulse.domain.alert;

import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the operator changed for one resource, or for every resource with a tag.
 *
 * @param disabled no alerts at all
 * @param monitorOnly alerts are kept and shown, never sent
 * @param disabledRules rules that do not apply here
 * @param thresholds per rule id: its own warning and critical levels
 * @param note why, for the next person
 */
public record AlertOverride(boolean disabled, boolean monitorOnly, Set<String> disabledRules,
    Map<String, AlertRule.Thresholds> thresholds, @Nullable String note) {

  public static final AlertOverride NONE = new AlertOverride(false, false, Set.of(), Map.of(), null);

  public AlertOverride {
    disabledRules = Set.copyOf(disabledRules);
    thresholds = Map.copyOf(thresholds);
  }
}
