package dev.pulse.domain.resource;

import org.jspecify.annotations.Nullable;

/**
 * A used/total pair in bytes, with the percentage derived from them.
 *
 * @param used bytes in use
 * @param total bytes available in all
 * @param percent {@code used / total} as a percentage, {@code null} when the total is 0
 * @param source where the figures came from, for example {@code proxmox}
 */
public record UsageMetric(long used, long total, @Nullable Double percent, String source) {

  public UsageMetric {
    if (used < 0 || total < 0) {
      throw new IllegalArgumentException("usage must not be negative: " + used + "/" + total);
    }
  }

  /** Builds the metric, or returns {@code null} when either figure is unknown. */
  public static @Nullable UsageMetric of(@Nullable Long used, @Nullable Long total, String source) {
    if (used == null || total == null || used < 0 || total <= 0) {
      return null;
    }
    return new UsageMetric(used, total, used * 100.0 / total, source);
  }
}
