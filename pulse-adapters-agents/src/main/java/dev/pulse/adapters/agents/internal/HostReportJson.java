package dev.pulse.adapters.agents.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * The host report of Pulse's unified agent, field for field as the agent sends it (camelCase;
 * memory in {@code totalBytes}/{@code usedBytes}). Fields Pulse does not know yet are ignored so that
 * newer agents keep reporting. Internal: not API.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HostReportJson(
    Agent agent,
    Host host,
    Metrics metrics,
    List<Disk> disks,
    List<Nic> network,
    Sensors sensors,
    List<Raid> raid,
    List<Smart> smart,
    List<String> tags,
    String timestamp,
    String sequenceId) {

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Agent(String id, String version, String type, Integer intervalSeconds, String hostname) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Host(String id, String hostname, String displayName, String machineId, String platform, String osName,
      String osVersion, String kernelVersion, String architecture, String cpuModel, Integer cpuCount, Long uptimeSeconds,
      List<Double> loadAverage, String dmiUuid) {}

  /** The four rates are this server's agent's additions, in bytes per second; other agents leave them out. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Metrics(Double cpuUsagePercent, Memory memory, Double netInBytesPerSecond, Double netOutBytesPerSecond,
      Double diskReadBytesPerSecond, Double diskWriteBytesPerSecond) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Memory(Long totalBytes, Long usedBytes, Long freeBytes, Double usage, Long swapTotalBytes, Long swapUsedBytes) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Disk(String device, String mountpoint, String filesystem, String type, Long totalBytes, Long usedBytes,
      Long freeBytes, Double usage) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Nic(String name, String mac, List<String> addresses, Long rxBytes, Long txBytes, Long speedMbps) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Sensors(Map<String, Double> temperatureCelsius, Map<String, Double> fanRpm, Map<String, Double> additional) {}

  /** This agent's addition: disk health from smartctl. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Smart(String device, String model, String serial, Boolean passed, Double temperatureCelsius, Long powerOnHours,
      Integer wearoutPercent, Long reallocatedSectors, Long pendingSectors, Long mediaErrors) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Raid(String device, String name, String level, String state, Integer totalDevices, Integer activeDevices,
      Integer workingDevices, Integer failedDevices, Integer spareDevices, String uuid, Double rebuildPercent) {}
}
