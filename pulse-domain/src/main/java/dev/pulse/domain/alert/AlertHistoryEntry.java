package dev.pulse.domain.alert;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One line of the alert history: something that happened to an alert.
 *
 * @param type fired, escalated, deescalated, resolved, cleared, acknowledged or unacknowledged
 * @param actor who did it, for acknowledgements and clears; {@code null} for the evaluator
 */
public record AlertHistoryEntry(Instant at, String type, String alertId, String ruleId, String resourceId, String resourceName,
    AlertLevel level, String message, @Nullable Double value, @Nullable String actor) {

  public static AlertHistoryEntry of(AlertEvent e) {
    Alert a = e.alert();
    return new AlertHistoryEntry(e.at(), e.type().wireName(), a.id(), a.ruleId(), a.resourceId(), a.resourceName(), a.level(),
        a.message(), a.value(), null);
  }

  public static AlertHistoryEntry byHand(Instant at, String type, Alert a, String actor) {
    return new AlertHistoryEntry(at, type, a.id(), a.ruleId(), a.resourceId(), a.resourceName(), a.level(), a.message(),
        a.value(), actor);
  }
}
