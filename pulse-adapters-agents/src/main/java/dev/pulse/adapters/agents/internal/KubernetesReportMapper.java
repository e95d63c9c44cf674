package dev.pulse.adapters.agents.internal;

import static dev.pulse.adapters.agents.internal.ReportChecks.blank;
import static dev.pulse.adapters.agents.internal.ReportChecks.blankToNull;

import dev.pulse.domain.agent.AgentReport;
import dev.pulse.domain.agent.InvalidReportException;
import dev.pulse.domain.resource.CpuMetric;
import dev.pulse.domain.resource.Facets;
import dev.pulse.domain.resource.Identity;
import dev.pulse.domain.resource.KubernetesFacet;
import dev.pulse.domain.resource.Metrics;
import dev.pulse.domain.resource.ResourceStatus;
import dev.pulse.domain.resource.ResourceType;
import dev.pulse.domain.resource.UsageMetric;
import dev.pulse.domain.source.ObservedResource;
import dev.pulse.domain.source.SourceKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps a Kubernetes report to a {@code k8s-cluster}, its {@code k8s-node}s, {@code pod}s and
 * {@code k8s-deployment}s. Counts Kubernetes leaves out are 0; figures without metrics-server are
 * unknown. A pod's CPU and memory are shown against its node's capacity. Pure. Internal: not API.
 */
public final class KubernetesReportMapper {

  public static final String PLATFORM = "kubernetes";
  static final String CLUSTER_KEY = "cluster";

  private KubernetesReportMapper() {}

  public static AgentReport map(KubernetesReportJson r) {
    if (r.agent() == null || blank(r.agent().id())) {
      throw new InvalidReportException("agent.id", "agent.id is required");
    }
    if (r.cluster() == null || blank(r.cluster().id())) {
      throw new InvalidReportException("cluster.id", "cluster.id is required");
    }
    int interval = ReportChecks.interval(r.agent().intervalSeconds(), "agent.intervalSeconds", 30);
    List<ObservedResource> out = new ArrayList<>();
    Map<String, KubernetesReportJson.Node> nodes = new HashMap<>();
    int ready = 0;
    List<KubernetesReportJson.Node> nodeList = r.nodes() == null ? List.of() : r.nodes();
    for (int i = 0; i < nodeList.size(); i++) {
      KubernetesReportJson.Node n = nodeList.get(i);
      if (n == null) {
        continue;
      }
      String name = ReportChecks.requireText(n.name(), "nodes[" + i + "].name");
      if (nodes.putIfAbsent(name, n) != null) {
        continue;
      }
      ready += Boolean.TRUE.equals(n.ready()) ? 1 : 0;
      out.add(node(n, name));
    }
    List<KubernetesReportJson.Pod> podList = r.pods() == null ? List.of() : r.pods();
    java.util.Set<String> podKeys = new java.util.HashSet<>();
    for (int i = 0; i < podList.size(); i++) {
      KubernetesReportJson.Pod p = podList.get(i);
      if (p != null) {
        ObservedResource pod = pod(p, "pods[" + i + "]", nodes);
        if (podKeys.add(pod.sourceKey())) {
          out.add(pod);
        }
      }
    }
    List<KubernetesReportJson.Deployment> deployments = r.deployments() == null ? List.of() : r.deployments();
    int deploymentCount = 0;
    for (int i = 0; i < deployments.size(); i++) {
      if (deployments.get(i) != null) {
        out.add(deployment(deployments.get(i), "deployments[" + i + "]"));
        deploymentCount++;
      }
    }
    KubernetesReportJson.Cluster c = r.cluster();
    String name = blank(c.name()) ? c.id().strip() : c.name().strip();
    KubernetesFacet.Cluster facet = new KubernetesFacet.Cluster(r.agent().id().strip(), name, blankToNull(c.version()), nodes.size(),
        ready, c.podsTotal() != null ? c.podsTotal() : podKeys.size(), deploymentCount, Boolean.TRUE.equals(c.metricsAvailable()),
        Boolean.TRUE.equals(c.podsTruncated()), interval);
    ResourceStatus status = nodes.isEmpty() ? ResourceStatus.UNKNOWN
        : ready == nodes.size() ? ResourceStatus.ONLINE : ready == 0 ? ResourceStatus.OFFLINE : ResourceStatus.WARNING;
    out.add(0, new ObservedResource(CLUSTER_KEY, ResourceType.K8S_CLUSTER, name, status, null, Identity.EMPTY, Metrics.UNKNOWN,
        List.of(), Facets.NONE.withKubernetes(KubernetesFacet.ofCluster(facet))));
    return new AgentReport(r.agent().id().strip(), Duration.ofSeconds(interval), out);
  }

  private static ObservedResource node(KubernetesReportJson.Node n, String name) {
    Map<String, String> conditions = n.conditions() == null ? Map.of() : n.conditions();
    boolean isReady = Boolean.TRUE.equals(n.ready());
    boolean cordoned = Boolean.TRUE.equals(n.unschedulable());
    boolean pressure = conditions.entrySet().stream().anyMatch(e -> e.getKey().endsWith("Pressure") && "True".equals(e.getValue()));
    ResourceStatus status = !isReady ? ResourceStatus.OFFLINE : cordoned || pressure ? ResourceStatus.WARNING : ResourceStatus.ONLINE;
    KubernetesReportJson.Resources cap = n.capacity();
    KubernetesReportJson.Resources alloc = n.allocatable();
    Long capMillis = cap == null ? null : cap.millis();
    KubernetesFacet.Node facet = new KubernetesFacet.Node(isReady, cordoned, conditions, cores(capMillis),
        cores(alloc == null ? null : alloc.millis()), cap == null ? null : cap.memoryBytes(), alloc == null ? null : alloc.memoryBytes(),
        cap == null || cap.pods() == null ? null : cap.pods().intValue(), blankToNull(n.kubeletVersion()),
        blankToNull(n.containerRuntimeVersion()), n.roles() == null ? List.of() : n.roles());
    Metrics metrics = isReady ? usage(n.usage(), capMillis, cap == null ? null : cap.memoryBytes()) : Metrics.UNKNOWN;
    return new ObservedResource(SourceKeys.of("node-", name), ResourceType.K8S_NODE, name, status, CLUSTER_KEY,
        new Identity(blankToNull(n.machineId()), null, List.of(name), List.of(), List.of()), metrics, List.of(),
        Facets.NONE.withKubernetes(KubernetesFacet.ofNode(facet)));
  }

  private static ObservedResource pod(KubernetesReportJson.Pod p, String at, Map<String, KubernetesReportJson.Node> nodes) {
    String name = ReportChecks.requireText(p.name(), at + ".name");
    String namespace = blank(p.namespace()) ? "default" : p.namespace().strip();
    String phase = blank(p.phase()) ? "Unknown" : p.phase().strip();
    List<KubernetesReportJson.Container> containers = p.containers() == null ? List.of() : p.containers();
    int readyContainers = (int) containers.stream().filter(c -> c != null && Boolean.TRUE.equals(c.ready())).count();
    boolean terminating = Boolean.TRUE.equals(p.terminating());
    String reason = blankToNull(p.reason());
    if (reason == null) {
      reason = containers.stream().filter(c -> c != null && !blank(c.reason()) && !"Completed".equals(c.reason())
          && !"ContainerCreating".equals(c.reason())).map(KubernetesReportJson.Container::reason).findFirst().orElse(null);
    }
    ResourceStatus status = switch (phase) {
      case "Running" -> terminating || reason != null || readyContainers < containers.size() ? ResourceStatus.WARNING : ResourceStatus.ONLINE;
      case "Succeeded" -> ResourceStatus.ONLINE;
      case "Pending" -> ResourceStatus.WARNING;
      case "Failed" -> ResourceStatus.OFFLINE;
      default -> ResourceStatus.UNKNOWN;
    };
    String nodeName = blankToNull(p.nodeName());
    KubernetesReportJson.Node node = nodeName == null ? null : nodes.get(nodeName);
    Metrics metrics = !phase.equals("Running") || node == null ? Metrics.UNKNOWN
        : usage(p.usage(), node.capacity() == null ? null : node.capacity().millis(),
            node.allocatable() == null ? null : node.allocatable().memoryBytes());
    KubernetesFacet.Pod facet = new KubernetesFacet.Pod(namespace, phase, reason, nodeName, p.restarts() == null ? 0 : p.restarts(),
        containers.size(), readyContainers, blankToNull(p.ownerKind()), blankToNull(p.ownerName()), terminating);
    return new ObservedResource(SourceKeys.of("pod-", namespace + "." + name), ResourceType.POD, namespace + "/" + name, status,
        node != null ? SourceKeys.of("node-", nodeName) : CLUSTER_KEY, Identity.EMPTY, metrics, List.of(namespace),
        Facets.NONE.withKubernetes(KubernetesFacet.ofPod(facet)));
  }

  private static ObservedResource deployment(KubernetesReportJson.Deployment d, String at) {
    String name = ReportChecks.requireText(d.name(), at + ".name");
    String namespace = blank(d.namespace()) ? "default" : d.namespace().strip();
    int desired = d.desiredReplicas() == null ? 0 : d.desiredReplicas(); // the Go agent leaves 0 out
    int available = d.availableReplicas() == null ? 0 : d.availableReplicas();
    String problem = blankToNull(d.problem());
    ResourceStatus status = problem != null ? ResourceStatus.WARNING
        : available >= desired ? ResourceStatus.ONLINE : available == 0 ? ResourceStatus.OFFLINE : ResourceStatus.WARNING;
    KubernetesFacet.Deployment facet = new KubernetesFacet.Deployment(namespace, desired, orZero(d.updatedReplicas()),
        orZero(d.readyReplicas()), available, d.unavailableReplicas() != null ? d.unavailableReplicas() : Math.max(0, desired - available),
        problem);
    return new ObservedResource(SourceKeys.of("deploy-", namespace + "." + name), ResourceType.K8S_DEPLOYMENT, namespace + "/" + name, status,
        CLUSTER_KEY, Identity.EMPTY, Metrics.UNKNOWN, List.of(namespace), Facets.NONE.withKubernetes(KubernetesFacet.ofDeployment(facet)));
  }

  private static Metrics usage(KubernetesReportJson.Usage u, Long capacityMillis, Long memoryTotal) {
    if (u == null) {
      return Metrics.UNKNOWN;
    }
    CpuMetric cpu = u.cpuMilliCores() == null || capacityMillis == null || capacityMillis <= 0 ? null
        : new CpuMetric(Math.min(100.0, u.cpuMilliCores() * 100.0 / capacityMillis), (int) Math.max(1, capacityMillis / 1000), PLATFORM);
    UsageMetric memory = u.memoryBytes() == null || memoryTotal == null || memoryTotal <= 0 ? null
        : UsageMetric.of(u.memoryBytes(), memoryTotal, PLATFORM);
    return Metrics.of(cpu, memory, null);
  }

  private static Double cores(Long millis) {
    return millis == null ? null : millis / 1000.0;
  }

  private static int orZero(Integer v) {
    return v == null ? 0 : v;
  }
}
