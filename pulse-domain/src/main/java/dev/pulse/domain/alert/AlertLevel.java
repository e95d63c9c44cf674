package dev.pulse.domain.alert;

import java.util.Locale;

/** How bad: a warning, or critical. */
public enum AlertLevel {
  WARNING,
  CRITICAL;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
