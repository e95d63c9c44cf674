package dev.pulse.simulators.kubernetes;

import static dev.pulse.simulators.internal.JsonExchange.map;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The simulated cluster's objects, shaped as the Kubernetes API returns them: zero and empty fields
 * left out, condition statuses as the strings "True"/"False"/"Unknown", quantities as text. Four
 * nodes (one NotReady, one cordoned) and pods in every common trouble: CrashLoopBackOff after an
 * OOM kill, ImagePullBackOff, Evicted, Unschedulable, Terminating, Completed.
 */
final class KubernetesFleet {

  private final Instant created;

  KubernetesFleet(Clock clock) {
    this.created = clock.instant().minusSeconds(86_400 * 30);
  }

  List<Map<String, Object>> nodes() {
    return List.of(
        node("k8s-cp1", "control-plane", "True", null, false),
        node("k8s-w1", "worker", "True", null, false),
        node("k8s-w2", "worker", "Unknown", "NodeStatusUnknown", false),
        node("k8s-w3", "worker", "True", null, true));
  }

  private Map<String, Object> node(String name, String role, String ready, String reason, boolean cordoned) {
    List<Object> conditions = new ArrayList<>(List.of(
        map("type", "MemoryPressure", "status", ready.equals("Unknown") ? "Unknown" : "False", "reason", "KubeletHasSufficientMemory"),
        map("type", "DiskPressure", "status", ready.equals("Unknown") ? "Unknown" : "False"),
        map("type", "PIDPressure", "status", ready.equals("Unknown") ? "Unknown" : "False")));
    conditions.add(reason == null ? map("type", "Ready", "status", ready, "reason", "KubeletReady")
        : map("type", "Ready", "status", ready, "reason", reason, "message", "Kubelet stopped posting node status."));
    Map<String, Object> node = map(
        "metadata", map("name", name, "uid", "uid-" + name, "creationTimestamp", created.toString(),
            "labels", map("kubernetes.io/hostname", name, "node-role.kubernetes.io/" + role, "")),
        "status", map(
            "capacity", map("cpu", "8", "memory", "32863620Ki", "pods", "110", "ephemeral-storage", "102626232Ki"),
            "allocatable", map("cpu", "7800m", "memory", "32251220Ki", "pods", "110", "ephemeral-storage", "94580335255"),
            "conditions", conditions,
            "nodeInfo", map("machineID", name.hashCode() + "9f1c", "systemUUID", "4C4C4544-0000-" + name.length(),
                "kernelVersion", "6.8.0-45-generic", "osImage", "Ubuntu 24.04.1 LTS", "containerRuntimeVersion", "containerd://1.7.22",
                "kubeletVersion", "v1.31.2", "architecture", "amd64", "operatingSystem", "linux")));
    if (cordoned) {
      node.put("spec", map("unschedulable", true, "taints", List.of(map("key", "node.kubernetes.io/unschedulable", "effect", "NoSchedule"))));
    } else {
      node.put("spec", map());
    }
    return node;
  }

  @SuppressWarnings("unchecked")
  List<Map<String, Object>> pods() {
    List<Map<String, Object>> pods = new ArrayList<>();
    pods.add(pod("web-7d9c8b-abcde", "shop", "k8s-w1", "ReplicaSet", "web-7d9c8b", "Running", running("web", "nginx:1.27", 0), null));
    pods.add(pod("web-7d9c8b-fghij", "shop", "k8s-w3", "ReplicaSet", "web-7d9c8b", "Running", running("web", "nginx:1.27", 1), null));
    Map<String, Object> crash = map("name", "api", "image", "ghcr.io/acme/api:2.4.1", "ready", false, "restartCount", 14,
        "state", map("waiting", map("reason", "CrashLoopBackOff", "message", "back-off 5m0s restarting failed container")),
        "lastState", map("terminated", map("exitCode", 137, "reason", "OOMKilled")));
    pods.add(pod("api-5f6d4c-xk2lq", "shop", "k8s-w1", "ReplicaSet", "api-5f6d4c", "Running", crash, null));
    Map<String, Object> pull = map("name", "report", "image", "ghcr.io/acme/report:9.9", "ready", false,
        "state", map("waiting", map("reason", "ImagePullBackOff", "message", "Back-off pulling image")));
    pods.add(pod("report-6b7c5d-q8w9e", "shop", "k8s-w1", "ReplicaSet", "report-6b7c5d", "Pending", pull, null));
    Map<String, Object> evicted = pod("batch-2x9kd", "jobs", "k8s-w1", "Job", "batch", "Failed", null, null);
    ((Map<String, Object>) evicted.get("status")).put("reason", "Evicted");
    ((Map<String, Object>) evicted.get("status")).put("message", "The node was low on resource: memory.");
    pods.add(evicted);
    Map<String, Object> pending = pod("big-0", "shop", null, "StatefulSet", "big", "Pending", null, null);
    ((Map<String, Object>) pending.get("status")).put("conditions",
        List.of(map("type", "PodScheduled", "status", "False", "reason", "Unschedulable",
            "message", "0/4 nodes are available: 4 Insufficient memory.")));
    pods.add(pending);
    pods.add(pod("old-web-5c4b3a-zzzzz", "shop", "k8s-w1", "ReplicaSet", "old-web-5c4b3a", "Running",
        running("web", "nginx:1.26", 0), created.plusSeconds(86_400 * 29).toString()));
    Map<String, Object> done = map("name", "migrate", "image", "ghcr.io/acme/migrate:3", "ready", false,
        "state", map("terminated", map("exitCode", 0, "reason", "Completed")));
    pods.add(pod("migrate-7hj2k", "jobs", "k8s-w1", "Job", "migrate", "Succeeded", done, null));
    pods.add(pod("coredns-6f6b679f8f-aaaaa", "kube-system", "k8s-cp1", "ReplicaSet", "coredns-6f6b679f8f", "Running",
        running("coredns", "registry.k8s.io/coredns/coredns:v1.11.3", 0), null));
    pods.add(pod("coredns-6f6b679f8f-bbbbb", "kube-system", "k8s-w1", "ReplicaSet", "coredns-6f6b679f8f", "Running",
        running("coredns", "registry.k8s.io/coredns/coredns:v1.11.3", 0), null));
    pods.add(pod("metrics-server-8467fcc7b7-ccccc", "kube-system", "k8s-cp1", "ReplicaSet", "metrics-server-8467fcc7b7",
        "Running", running("metrics-server", "registry.k8s.io/metrics-server/metrics-server:v0.7.2", 0), null));
    return pods;
  }

  private static Map<String, Object> running(String name, String image, int restarts) {
    Map<String, Object> c = map("name", name, "image", image, "ready", true, "started", true,
        "state", map("running", map("startedAt", "2026-11-20T10:00:00Z")));
    if (restarts > 0) {
      c.put("restartCount", restarts); // Kubernetes leaves a zero count out
    }
    return c;
  }

  private Map<String, Object> pod(String name, String namespace, String node, String ownerKind, String ownerName, String phase,
      Map<String, Object> container, String deletion) {
    Map<String, Object> meta = map("name", name, "namespace", namespace, "uid", "uid-" + name,
        "creationTimestamp", created.plusSeconds(3600).toString(), "labels", map("app", name.replaceAll("-.*", "")),
        "ownerReferences", List.of(map("kind", ownerKind, "name", ownerName, "controller", true)));
    if (deletion != null) {
      meta.put("deletionTimestamp", deletion);
    }
    Map<String, Object> status = map("phase", phase, "qosClass", "Burstable");
    if (container != null) {
      status.put("containerStatuses", List.of(container));
      status.put("startTime", created.plusSeconds(3600).toString());
    }
    Map<String, Object> spec = node == null ? map() : map("nodeName", node);
    return map("metadata", meta, "spec", spec, "status", status);
  }

  List<Map<String, Object>> deployments() {
    return List.of(
        deployment("web", "shop", 3, map("observedGeneration", 7, "replicas", 3, "updatedReplicas", 3, "readyReplicas", 2,
            "availableReplicas", 2, "unavailableReplicas", 1,
            "conditions", List.of(map("type", "Available", "status", "True", "reason", "MinimumReplicasAvailable")))),
        deployment("api", "shop", null, map("observedGeneration", 3, "replicas", 1, "updatedReplicas", 1, "unavailableReplicas", 1)),
        deployment("paused-feature", "shop", 0, map("observedGeneration", 2)),
        deployment("report", "shop", 1, map("observedGeneration", 4, "replicas", 1, "unavailableReplicas", 1,
            "conditions", List.of(map("type", "Progressing", "status", "False", "reason", "ProgressDeadlineExceeded")))),
        deployment("coredns", "kube-system", 2, map("observedGeneration", 1, "replicas", 2, "updatedReplicas", 2,
            "readyReplicas", 2, "availableReplicas", 2)));
  }

  private Map<String, Object> deployment(String name, String namespace, Integer replicas, Map<String, Object> status) {
    Map<String, Object> spec = replicas == null ? map() : map("replicas", replicas); // absent means 1
    return map("metadata", map("name", name, "namespace", namespace, "uid", "uid-deploy-" + name,
        "creationTimestamp", created.toString()), "spec", spec, "status", status);
  }

  List<Map<String, Object>> nodeMetrics() {
    return List.of(
        map("metadata", map("name", "k8s-cp1"), "window", "10.062s", "usage", map("cpu", "1234567890n", "memory", "12345678Ki")),
        map("metadata", map("name", "k8s-w1"), "window", "10.062s", "usage", map("cpu", "3900m", "memory", "16Gi")),
        map("metadata", map("name", "k8s-w3"), "window", "10.062s", "usage", map("cpu", "250m", "memory", "1.5Gi")));
  }

  List<Map<String, Object>> podMetrics() {
    return List.of(
        map("metadata", map("name", "web-7d9c8b-abcde", "namespace", "shop"), "containers",
            List.of(map("name", "web", "usage", map("cpu", "137m", "memory", "256Mi")))),
        map("metadata", map("name", "coredns-6f6b679f8f-aaaaa", "namespace", "kube-system"), "containers",
            List.of(map("name", "coredns", "usage", map("cpu", "4512345n", "memory", "23456Ki")))));
  }
}
