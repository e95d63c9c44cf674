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
    List<Raid> raid) {

  public AgentFacet {
    temperaturesCelsius = Map.copyOf(temperaturesCelsius);
    fansRpm = Map.copyOf(fansRpm);
    filesystems = List.copyOf(filesystems);
    interfaces = List.copyOf(interfaces);
    raid = List.copyOf(raid);
  }

  public record Filesystem(@Nullable String device, String mountpoint, @Nullable String type, long usedBytes, long totalBytes) {}

  public record Interface(String name, @Nullable String mac, List<String> addresses, @Nullable Long rxBytes, @Nullable Long txBytes) {
    public Interface {
      addresses = List.copyOf(addresses);
    }
  }

  /** An mdadm array; {@code state} as mdadm says: clean, active, degraded, recovering… */
  public record Raid(String device, String level, String state, int totalDevices, int activeDevices, int failedDevices,
      double rebuildPercent) {}
}
