package dev.pulse.adapters.agents.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * The Docker report of Pulse's agents, field for field as Pulse's Go server accepts it, plus this
 * agent's additions ({@code oomKilled} and the four rates per container), which other servers
 * ignore. Times are RFC 3339 text. Internal: not API.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DockerReportJson(Agent agent, Host host, List<Container> containers, List<Service> services, List<Task> tasks,
    String timestamp) {

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Agent(String id, String version, Integer intervalSeconds) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Host(String hostname, String name, String machineId, String os, String runtime, String runtimeVersion,
      String kernelVersion, String architecture, String dockerVersion, Integer totalCpu, Long totalMemoryBytes,
      Long uptimeSeconds, Swarm swarm, Double cpuUsagePercent, List<Double> loadAverage) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Swarm(String nodeId, String nodeRole, String localState, Boolean controlAvailable, String clusterId,
      String clusterName, String error) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Container(String id, String name, String image, String createdAt, String state, String status, String health,
      Double cpuPercent, Long memoryUsageBytes, Long memoryLimitBytes, Double memoryPercent, Long uptimeSeconds,
      Integer restartCount, Integer exitCode, String startedAt, String finishedAt, List<Port> ports,
      Map<String, String> labels, BlockIo blockIo, Podman podman, Boolean oomKilled, Double netInBytesPerSecond,
      Double netOutBytesPerSecond, Double diskReadBytesPerSecond, Double diskWriteBytesPerSecond) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Port(Integer privatePort, Integer publicPort, String protocol, String ip) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record BlockIo(Long readBytes, Long writeBytes) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Podman(String podName, String podId, Boolean infra, String composeProject, String composeService) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Service(String id, String name, String stack, String image, String mode, Integer desiredTasks,
      Integer runningTasks, Integer completedTasks, Map<String, String> labels) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Task(String id, String serviceId, String serviceName, Integer slot, String nodeId, String nodeName,
      String desiredState, String currentState, String error, String message, String containerId, String containerName) {}
}
