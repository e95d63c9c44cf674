package dev.pulse.domain.notify;

import dev.pulse.domain.alert.AlertEvent;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a channel is told: one alert change, in words and figures.
 *
 * @param id {@code alertId:event:epochMillis}: the same change always has the same id, which
 *     receivers may use to drop repeats
 * @param event fired, escalated or resolved
 * @param level warning or critical
 * @param category performance, storage, availability or health (for quiet hours)
 */
public record Notification(String id, String event, String alertId, String ruleId, String resourceId, String resourceName,
    String level, String message, @Nullable Double value, @Nullable Double threshold, Instant at, @Nullable Instant since,
    String category) {

  public static Notification of(AlertEvent e) {
    var a = e.alert();
    return new Notification(a.id() + ":" + e.type().wireName() + ":" + e.at().toEpochMilli(), e.type().wireName(), a.id(),
        a.ruleId(), a.resourceId(), a.resourceName(), a.level().wireName(), a.message(), a.value(), a.threshold(), e.at(),
        a.firedAt(), a.category().wireName());
  }

  public boolean resolved() {
    return event.equals("resolved");
  }

  /** "[CRITICAL] web01: CPU 96 % ≥ 95 %", "[RESOLVED] …", or "[DIGEST] 15 alert changes". */
  public String subject() {
    if (event.equals("digest")) {
      return "[DIGEST] " + resourceName;
    }
    return "[" + (resolved() ? "RESOLVED" : level.toUpperCase(java.util.Locale.ROOT)) + "] " + resourceName + ": " + message;
  }
}
