package dev.pulse.adapters.agents.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns Kubernetes API objects into the report's nodes, pods and deployments, in the field names of
 * Pulse's Kubernetes report plus this agent's additions ({@code conditions}, {@code cpuMillis},
 * {@code terminating}, {@code lastTerminationReason}, {@code unavailableReplicas}, {@code problem},
 * node {@code machineId}). Kubernetes omits zero and empty fields, so an absent count is 0 and an
 * absent {@code spec.replicas} is 1. Pure.
 */
final class KubernetesReports {

  private KubernetesReports() {}

  static Map<String, Object> node(JsonNode node, JsonNode usage) {
    JsonNode meta = node.path("metadata");
    JsonNode status = node.path("status");
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("uid", meta.path("uid").asText(""));
    out.put("name", meta.path("name").asText());
    Map<String, String> conditions = new LinkedHashMap<>();
    for (JsonNode c : status.path("conditions")) {
      conditions.put(c.path("type").asText(), c.path("status").asText("Unknown")); // "True" | "False" | "Unknown", as text
    }
    out.put("ready", "True".equals(conditions.get("Ready")));
    out.put("unschedulable", node.at("/spec/unschedulable").asBoolean(false));
    out.put("conditions", conditions);
    JsonNode info = status.path("nodeInfo");
    putText(out, "kubeletVersion", info.path("kubeletVersion"));
    putText(out, "containerRuntimeVersion", info.path("containerRuntimeVersion"));
    putText(out, "osImage", info.path("osImage"));
    putText(out, "kernelVersion", info.path("kernelVersion"));
    putText(out, "architecture", info.path("architecture"));
    putText(out, "machineId", info.path("machineID"));
    out.put("capacity", resources(status.path("capacity")));
    out.put("allocatable", resources(status.path("allocatable")));
    if (usage != null) {
      out.put("usage", usage(usage.path("usage")));
    }
    List<String> roles = new ArrayList<>();
    meta.path("labels").fieldNames().forEachRemaining(label -> {
      if (label.startsWith("node-role.kubernetes.io/")) {
        roles.add(label.substring("node-role.kubernetes.io/".length()));
      }
    });
    out.put("roles", roles);
    return out;
  }

  static Map<String, Object> pod(JsonNode pod, JsonNode usage) {
    JsonNode meta = pod.path("metadata");
    JsonNode status = pod.path("status");
    Map<String, Object> out = namespaced(meta);
    putText(out, "nodeName", pod.at("/spec/nodeName"));
    out.put("phase", status.path("phase").asText("Unknown"));
    putText(out, "message", status.path("message"));
    putText(out, "qosClass", status.path("qosClass"));
    putText(out, "createdAt", meta.path("creationTimestamp"));
    putText(out, "startTime", status.path("startTime"));
    out.put("terminating", meta.has("deletionTimestamp"));
    JsonNode owner = meta.path("ownerReferences").path(0);
    putText(out, "ownerKind", owner.path("kind"));
    putText(out, "ownerName", owner.path("name"));
    int restarts = 0;
    String waiting = null;
    String terminated = null;
    List<Object> containers = new ArrayList<>();
    for (JsonNode c : status.path("containerStatuses")) {
      Map<String, Object> container = new LinkedHashMap<>();
      container.put("name", c.path("name").asText());
      putText(container, "image", c.path("image"));
      container.put("ready", c.path("ready").asBoolean(false));
      container.put("restartCount", c.path("restartCount").asInt(0));
      restarts += c.path("restartCount").asInt(0);
      JsonNode state = c.path("state");
      String kind = state.has("running") ? "running" : state.has("waiting") ? "waiting" : state.has("terminated") ? "terminated" : "unknown";
      container.put("state", kind);
      String reason = state.path(kind).path("reason").asText("");
      if (!reason.isEmpty()) {
        container.put("reason", reason);
        if (kind.equals("waiting") && waiting == null && !reason.equals("ContainerCreating")) {
          waiting = reason;
        } else if (kind.equals("terminated") && terminated == null && !reason.equals("Completed")) {
          terminated = reason;
        }
      }
      String last = c.at("/lastState/terminated/reason").asText("");
      if (!last.isEmpty()) {
        container.put("lastTerminationReason", last);
      }
      containers.add(container);
    }
    out.put("restarts", restarts);
    out.put("containers", containers);
    String reason = status.path("reason").asText(""); // Evicted, NodeLost…
    if (reason.isEmpty()) {
      reason = waiting != null ? waiting : terminated != null ? terminated : unscheduled(status);
    }
    if (reason != null && !reason.isEmpty()) {
      out.put("reason", reason);
    }
    Map<String, String> labels = new LinkedHashMap<>();
    meta.path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
    out.put("labels", labels);
    if (usage != null) {
      long cpu = 0;
      long memory = 0;
      for (JsonNode c : usage.path("containers")) {
        Long m = Quantities.milliCores(c.at("/usage/cpu").asText(null));
        Long b = Quantities.bytes(c.at("/usage/memory").asText(null));
        cpu += m == null ? 0 : m;
        memory += b == null ? 0 : b;
      }
      out.put("usage", Map.of("cpuMilliCores", cpu, "memoryBytes", memory));
    }
    return out;
  }

  static Map<String, Object> deployment(JsonNode d) {
    JsonNode meta = d.path("metadata");
    JsonNode status = d.path("status");
    Map<String, Object> out = namespaced(meta);
    putText(out, "createdAt", meta.path("creationTimestamp"));
    out.put("desiredReplicas", d.at("/spec/replicas").isMissingNode() ? 1 : d.at("/spec/replicas").asInt(0));
    out.put("updatedReplicas", status.path("updatedReplicas").asInt(0));
    out.put("readyReplicas", status.path("readyReplicas").asInt(0));
    out.put("availableReplicas", status.path("availableReplicas").asInt(0));
    out.put("unavailableReplicas", status.path("unavailableReplicas").asInt(0));
    out.put("observedGeneration", status.path("observedGeneration").asLong(0));
    for (JsonNode c : status.path("conditions")) {
      if ("False".equals(c.path("status").asText()) && !c.path("reason").asText("").isEmpty()) {
        out.put("problem", c.path("reason").asText());
        break;
      }
    }
    return out;
  }

  /** Whether a reported pod needs a look: not running or done, a reason given, or a container not ready. */
  static boolean unwell(Map<String, Object> pod) {
    String phase = String.valueOf(pod.get("phase"));
    if (pod.containsKey("reason") || Boolean.TRUE.equals(pod.get("terminating"))) {
      return true;
    }
    if (phase.equals("Succeeded")) {
      return false;
    }
    if (!phase.equals("Running")) {
      return true;
    }
    Object containers = pod.get("containers");
    return containers instanceof List<?> list && list.stream().anyMatch(c -> c instanceof Map<?, ?> m && !Boolean.TRUE.equals(m.get("ready")));
  }

  /** The uid, name and namespace every namespaced object starts with. */
  private static Map<String, Object> namespaced(JsonNode meta) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("uid", meta.path("uid").asText(""));
    out.put("name", meta.path("name").asText());
    out.put("namespace", meta.path("namespace").asText("default"));
    return out;
  }

  private static String unscheduled(JsonNode status) {
    for (JsonNode c : status.path("conditions")) {
      if ("PodScheduled".equals(c.path("type").asText()) && "False".equals(c.path("status").asText())) {
        return c.path("reason").asText("Unschedulable");
      }
    }
    return null;
  }

  private static Map<String, Object> resources(JsonNode r) {
    Map<String, Object> out = new LinkedHashMap<>();
    Long millis = Quantities.milliCores(r.path("cpu").asText(null));
    if (millis != null) {
      out.put("cpuCores", millis / 1000);
      out.put("cpuMillis", millis);
    }
    Long memory = Quantities.bytes(r.path("memory").asText(null));
    if (memory != null) {
      out.put("memoryBytes", memory);
    }
    Long pods = Quantities.bytes(r.path("pods").asText(null));
    if (pods != null) {
      out.put("pods", pods);
    }
    return out;
  }

  private static Map<String, Object> usage(JsonNode u) {
    Map<String, Object> out = new LinkedHashMap<>();
    Long cpu = Quantities.milliCores(u.path("cpu").asText(null));
    Long memory = Quantities.bytes(u.path("memory").asText(null));
    if (cpu != null) {
      out.put("cpuMilliCores", cpu);
    }
    if (memory != null) {
      out.put("memoryBytes", memory);
    }
    return out;
  }

  private static void putText(Map<String, Object> out, String key, JsonNode value) {
    if (value.isTextual() && !value.asText().isEmpty()) {
      out.put(key, value.asText());
    }
  }
}
