package dev.pulse.domain.alert;

import java.time.Instant;
import java.util.Locale;

/**
 * A change worth telling: an alert started firing, got worse or better, resolved, or someone
 * cleared or acknowledged it.
 *
 * @param alert the alert after the change (for RESOLVED and CLEARED, as it was when it ended)
 * @param send whether channels should hear of it (not while flapping, not for monitor-only resources)
 */
public record AlertEvent(Type type, Alert alert, Instant at, boolean send) {

  public enum Type {
    FIRED, ESCALATED, DEESCALATED, RESOLVED, CLEARED, ACKNOWLEDGED, UNACKNOWLEDGED,
    /** Its figure moved by at least the minimum change, at the same level: shown, never sent. */
    UPDATED;

    /** Whether the alert is over after this. */
    public boolean ends() {
      return this == RESOLVED || this == CLEARED;
    }

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
