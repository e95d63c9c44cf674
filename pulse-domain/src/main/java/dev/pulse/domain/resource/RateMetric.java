package dev.pulse.domain.resource;

/**
 * A rate in bytes per second, derived from a cumulative counter between two samples.
 *
 * @param bytesPerSecond the rate, never negative
 * @param source where the counter came from, for example {@code proxmox}
 */
public record RateMetric(double bytesPerSecond, String source) {

  public RateMetric {
    if (Double.isNaN(bytesPerSecond) || bytesPerSecond < 0) {
      throw new IllegalArgumentException("a rate must be a non-negative number: " + bytesPerSecond);
    }
  }
}
