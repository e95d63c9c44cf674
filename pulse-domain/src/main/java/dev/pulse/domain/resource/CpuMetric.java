package dev.pulse.domain.resource;

/**
 * CPU use as a percentage of all the CPUs the resource may use (0–100).
 *
 * @param percent the percentage, 0..100
 * @param cores how many logical CPUs the percentage is relative to, or 0 when unknown
 * @param source where the figure came from
 */
public record CpuMetric(double percent, int cores, String source) {

  public CpuMetric {
    if (Double.isNaN(percent) || percent < 0) {
      throw new IllegalArgumentException("cpu percent must be a non-negative number: " + percent);
    }
  }

  /** Converts a 0..1 fraction, the unit Proxmox uses, into a percentage. */
  public static CpuMetric fromFraction(double fraction, int cores, String source) {
    return new CpuMetric(fraction * 100.0, cores, source);
  }
}
