package dev.pulse.domain.resource;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Kubernetes facts; exactly one part is set, by what the resource is. Counts Kubernetes omits when
 * zero are 0 here; figures the cluster did not give (no metrics-server) are {@code null}.
 */
public record KubernetesFacet(@Nullable Cluster cluster, @Nullable Node node, @Nullable Pod pod,
    @Nullable Deployment deployment) {

  public static KubernetesFacet ofCluster(Cluster c) {
    return new KubernetesFacet(c, null, null, null);
  }

  public static KubernetesFacet ofNode(Node n) {
    return new KubernetesFacet(null, n, null, null);
  }

  public static KubernetesFacet ofPod(Pod p) {
    return new KubernetesFacet(null, null, p, null);
  }

  public static KubernetesFacet ofDeployment(Deployment d) {
    return new KubernetesFacet(null, null, null, d);
  }

  /** @param podsTruncated whether the agent left pods out to stay under its per-report cap */
  public record Cluster(String agentId, @Nullable String name, @Nullable String version, int nodes, int readyNodes,
      int pods, int deployments, boolean metricsAvailable, boolean podsTruncated, int intervalSeconds) {}

  /**
   * @param conditions condition type → "True", "False" or "Unknown", as Kubernetes says
   * @param cpuCapacityCores capacity in cores; allocatable likewise
   */
  public record Node(boolean ready, boolean unschedulable, Map<String, String> conditions, @Nullable Double cpuCapacityCores,
      @Nullable Double cpuAllocatableCores, @Nullable Long memoryCapacityBytes, @Nullable Long memoryAllocatableBytes,
      @Nullable Integer podCapacity, @Nullable String kubeletVersion, @Nullable String containerRuntime, List<String> roles) {

    public Node {
      conditions = Map.copyOf(conditions);
      roles = List.copyOf(roles);
    }
  }

  /**
   * @param phase Pending, Running, Succeeded, Failed or Unknown
   * @param reason why it is not well, for example CrashLoopBackOff, OOMKilled, Evicted; {@code null} when fine
   */
  public record Pod(String namespace, String phase, @Nullable String reason, @Nullable String nodeName, int restarts,
      int containers, int readyContainers, @Nullable String ownerKind, @Nullable String ownerName, boolean terminating) {}

  public record Deployment(String namespace, int desiredReplicas, int updatedReplicas, int readyReplicas,
      int availableReplicas, int unavailableReplicas, @Nullable String problem) {}
}
