package dev.pulse.domain.alert;

import java.util.Locale;

/** What an alert is about, for quiet hours and routing. */
public enum AlertCategory {
  /** CPU, memory, load, I/O. */
  PERFORMANCE,
  /** Space on disks, storage and pools. */
  STORAGE,
  /** Offline or powered off. */
  AVAILABILITY,
  /** Disk, pool, container and cluster health; backups; the platforms' own alerts. */
  HEALTH;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
