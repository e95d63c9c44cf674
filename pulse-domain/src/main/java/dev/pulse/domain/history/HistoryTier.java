package dev.pulse.domain.history;

import java.time.Duration;

/**
 * The resolutions history is kept at: raw samples, then min/avg/max rollups per minute, hour and day.
 * Each coarser tier is computed from the one before and kept longer.
 */
public enum HistoryTier {
  RAW(Duration.ZERO),
  MINUTE(Duration.ofMinutes(1)),
  HOUR(Duration.ofHours(1)),
  DAY(Duration.ofDays(1));

  private final Duration step;

  HistoryTier(Duration step) {
    this.step = step;
  }

  /** The step of a rollup point; zero for raw samples, which come as often as they were taken. */
  public Duration step() {
    return step;
  }

  /** The next coarser tier, or {@code null} after {@link #DAY}. */
  public HistoryTier coarser() {
    return this == DAY ? null : values()[ordinal() + 1];
  }

  /**
   * The coarsest tier that still resolves a chart of {@code maxPoints} over {@code range}: its step is
   * no longer than one chart point. Reads the fewest points for the picture asked for.
   */
  public static HistoryTier resolving(Duration range, int maxPoints) {
    Duration perPoint = range.dividedBy(Math.max(1, maxPoints));
    HistoryTier best = RAW;
    for (HistoryTier t : values()) {
      if (t.step.compareTo(perPoint) <= 0) {
        best = t;
      }
    }
    return best;
  }
}
