package dev.pulse.domain.resource;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a Pulse agent reports about its host beyond the common figures.
 *
 * @param temperaturesCelsius sensor name → degrees Celsius
 * @param filesystems mounted filesystems, sizes in bytes
 * @param interfaces network interfaces with cumulative byte counters
 * @param raid mdadm arrays
 * @param smart disk health from smartctl, when the host has smartmontools
 */
public record AgentFacet(
    String agentId,
    @Nullable String agentVersion,
    int intervalSeconds,
    @Nullable String osName,
    @Nullable String osVersion,
    @Nullable String architecture,
    Map<String, Double> temperaturesCelsius,
    Map<String, Double> fansRpm,
    List<Filesystem> filesystems,
    List<Interface> interfaces,
    List<Raid> raid,
    List<Smart> smart) {

  public AgentFacet {
    temperaturesCelsius = Map.copyOf(temperaturesCelsius);
    fansRpm = Map.copyOf(fansRpm);
    filesystems = List.copyOf(filesystems);
    interfaces = List.copyOf(interfaces);
    raid = List.copyOf(raid);
    smart = List.copyOf(smart);
  }

  public record Filesystem(@Nullable String device, String mountpoint, @Nullable String type, long usedBytes, long totalBytes) {}

  public record Interface(String name, @Nullable String mac, List<String> addresses, @Nullable Long rxBytes, @Nullable Long txBytes) {
    public Interface {
      addresses = List.copyOf(addresses);
    }
  }

  /**
   * One disk's SMART health; figures the disk does not give are {@code null}.
   *
   * @param passed the overall assessment, {@code false} when the disk says it is failing
   * @param wearoutPercent how much of an SSD's rated life is used (NVMe {@code percentage_used})
   */
  public record Smart(String device, @Nullable String model, @Nullable String serial, @Nullable Boolean passed,
      @Nullable Double temperatureCelsius, @Nullable Long powerOnHours, @Nullable Integer wearoutPercent,
      @Nullable Long reallocatedSectors, @Nullable Long pendingSectors, @Nullable Long mediaErrors) {}

  /** An mdadm array; {@code state} as mdadm says: clean, active, degraded, recovering… */
  public record Raid(String device, String level, String state, int totalDevices, int activeDevices, int failedDevices,
      double rebuildPercent) {}
}
