package dev.pulse.adapters.agents.host;

import java.util.List;
import java.util.Map;

/**
 * One reading of a Linux host's {@code /proc} and {@code /sys}. Figures are {@code null} where the
 * host did not provide them; CPU use needs two readings (see {@link CpuTimes#percentSince}).
 *
 * @param memoryUsedBytes MemTotal − MemAvailable, the memory programs cannot get back
 * @param temperaturesCelsius sensor label → degrees, converted from the kernel's millidegrees
 */
public record HostSample(
    String hostname,
    String machineId,
    String dmiUuid,
    String kernel,
    CpuTimes cpu,
    int cpuCount,
    List<Double> loadAverage,
    Long memoryTotalBytes,
    Long memoryUsedBytes,
    Long swapTotalBytes,
    Long swapUsedBytes,
    Map<String, NetCounters> network,
    Map<String, Double> temperaturesCelsius,
    List<Mount> mounts) {

  /** Cumulative CPU jiffies from the aggregate {@code cpu} line of {@code /proc/stat}. */
  public record CpuTimes(long busy, long total) {

    /** The share of time busy between an earlier reading and this one, 0–100; {@code null} without progress. */
    public Double percentSince(CpuTimes earlier) {
      long total = this.total - earlier.total;
      long busy = this.busy - earlier.busy;
      if (total <= 0 || busy < 0) {
        return null;
      }
      return Math.min(100.0, busy * 100.0 / total);
    }
  }

  /** Cumulative byte counters of one interface from {@code /proc/net/dev}. */
  public record NetCounters(long rxBytes, long txBytes) {}

  /** A mounted filesystem that holds data (pseudo filesystems left out, each device once). */
  public record Mount(String device, String mountpoint, String type) {}
}
