package dev.pulse.domain.history;

import java.time.Duration;

/**
 * How long each tier is kept. Defaults: raw 24 h, minutes 7 days, hours 90 days, days 2 years.
 * Each tier must be kept at least as long as the finer one before it.
 */
public record HistoryRetention(Duration raw, Duration minute, Duration hour, Duration day) {

  public static final HistoryRetention DEFAULT =
      new HistoryRetention(Duration.ofHours(24), Duration.ofDays(7), Duration.ofDays(90), Duration.ofDays(730));

  public HistoryRetention {
    if (raw.compareTo(Duration.ofHours(1)) < 0) {
      throw new IllegalArgumentException("raw history must be kept for at least 1 hour");
    }
    if (minute.compareTo(raw) < 0 || hour.compareTo(minute) < 0 || day.compareTo(hour) < 0) {
      throw new IllegalArgumentException("each tier must be kept at least as long as the finer one before it");
    }
  }

  public Duration of(HistoryTier tier) {
    return switch (tier) {
      case RAW -> raw;
      case MINUTE -> minute;
      case HOUR -> hour;
      case DAY -> day;
    };
  }
}
