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
    List<Mount> mounts,
    Map<String, DiskCounters> disks) {

  /** This reading with another hostname, for an agent told to report under a given name. */
  public HostSample withHostname(String name) {
    return new HostSample(name, machineId, dmiUuid, kernel, cpu, cpuCount, loadAverage, memoryTotalBytes, memoryUsedBytes,
        swapTotalBytes, swapUsedBytes, network, temperaturesCelsius, mounts, disks);
  }

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

  /**
   * One interface: cumulative byte counters from {@code /proc/net/dev}, its MAC from {@code
   * /sys/class/net}, and its addresses in CIDR form.
   */
  public record NetCounters(long rxBytes, long txBytes, String mac, List<String> addresses) {
    public NetCounters {
      addresses = List.copyOf(addresses);
    }
  }

  /**
   * A mounted filesystem that holds data (pseudo filesystems left out, each device once), with its
   * size by statvfs: used = total − free blocks, as {@code df} counts it. Sizes are {@code null}
   * when the mount cannot be queried.
   */
  public record Mount(String device, String mountpoint, String type, Long totalBytes, Long usedBytes) {}

  /** Cumulative bytes read and written by one whole disk, from {@code /proc/diskstats} (512-byte sectors). */
  public record DiskCounters(long readBytes, long writeBytes) {}
}
