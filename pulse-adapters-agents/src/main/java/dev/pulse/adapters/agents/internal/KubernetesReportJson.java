package dev.pulse.adapters.agents.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * The Kubernetes report of Pulse's agents, field for field as Pulse's Go server accepts it (the
 * parts Pulse shows: cluster, nodes, pods, deployments; other sections are ignored), plus this
 * agent's additions ({@code conditions}, {@code cpuMillis}, {@code machineId}, {@code terminating},
 * {@code lastTerminationReason}, {@code unavailableReplicas}, {@code problem}, and the cluster's
 * {@code metricsAvailable}, {@code podsTruncated}, {@code podsTotal}). Internal: not API.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record KubernetesReportJson(Agent agent, Cluster cluster, List<Node> nodes, List<Pod> pods, List<Deployment> deployments,
    String timestamp) {

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Agent(String id, String version, String type, Integer intervalSeconds) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Cluster(String id, String name, String server, String context, String version, String provider,
      String namespace, Boolean metricsAvailable, Boolean podsTruncated, Integer podsTotal) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Node(String uid, String name, Boolean ready, Boolean unschedulable, String kubeletVersion,
      String containerRuntimeVersion, String osImage, String kernelVersion, String architecture, Resources capacity,
      Resources allocatable, Usage usage, List<String> roles, Map<String, String> conditions, String machineId) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Resources(Long cpuCores, Long cpuMillis, Long memoryBytes, Long pods) {

    /** CPU in millicores: exact when the agent sent millis, else whole cores. */
    public Long millis() {
      return cpuMillis != null ? cpuMillis : cpuCores == null ? null : cpuCores * 1000;
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Usage(Long cpuMilliCores, Long memoryBytes, Long networkRxBytes, Long networkTxBytes) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Pod(String uid, String name, String namespace, String nodeName, String phase, String reason, String message,
      String qosClass, String createdAt, String startTime, Integer restarts, Map<String, String> labels, String ownerKind,
      String ownerName, Usage usage, List<Container> containers, Boolean terminating) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Container(String name, String image, Boolean ready, Integer restartCount, String state, String reason,
      String message, String lastTerminationReason) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Deployment(String uid, String name, String namespace, String createdAt, Integer desiredReplicas,
      Integer updatedReplicas, Integer readyReplicas, Integer availableReplicas, Long observedGeneration,
      Map<String, String> labels, Integer unavailableReplicas, String problem) {}
}
