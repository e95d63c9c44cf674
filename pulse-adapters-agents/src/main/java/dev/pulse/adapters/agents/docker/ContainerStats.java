package dev.pulse.adapters.agents.docker;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arithmetic of Docker's stats: CPU % between two samples, memory without the reclaimable
 * page cache, summed network and block I/O. Pure.
 */
final class ContainerStats {

  /** cgroup v1's "no limit". */
  private static final long V1_NO_LIMIT = 9223372036854771712L;

  private ContainerStats() {}

  /** The counters of one stats answer, taken at {@code at}. */
  record Sample(Instant at, long cpuTotal, long systemTotal, int cpus, Long memUsed, Long memLimit, long netRx, long netTx,
      boolean hasNetworks, long blkRead, long blkWrite) {}

  static Sample sample(JsonNode s, Instant at) {
    JsonNode cpu = s.path("cpu_stats");
    int cpus = cpu.path("online_cpus").asInt(0);
    if (cpus == 0) {
      cpus = cpu.at("/cpu_usage/percpu_usage").size();
    }
    JsonNode mem = s.path("memory_stats");
    Long used = null;
    if (mem.has("usage")) {
      long usage = mem.path("usage").asLong();
      JsonNode stats = mem.path("stats");
      long cache = stats.has("inactive_file") ? stats.path("inactive_file").asLong() // cgroup v2
          : stats.has("total_inactive_file") ? stats.path("total_inactive_file").asLong() // cgroup v1
          : 0;
      used = Math.max(0, usage - cache);
    }
    Long limit = mem.has("limit") ? mem.path("limit").asLong() : null;
    long rx = 0;
    long tx = 0;
    for (JsonNode n : s.path("networks")) {
      rx += n.path("rx_bytes").asLong();
      tx += n.path("tx_bytes").asLong();
    }
    long read = 0;
    long write = 0;
    for (JsonNode op : s.at("/blkio_stats/io_service_bytes_recursive")) {
      String name = op.path("op").asText();
      if (name.equalsIgnoreCase("read")) {
        read += op.path("value").asLong();
      } else if (name.equalsIgnoreCase("write")) {
        write += op.path("value").asLong();
      }
    }
    return new Sample(at, cpu.at("/cpu_usage/total_usage").asLong(), cpu.path("system_cpu_usage").asLong(), cpus, used, limit,
        rx, tx, s.has("networks"), read, write);
  }

  /**
   * CPU as Docker counts it, percent of one CPU (up to 100 × CPUs): Δcontainer / Δsystem × CPUs ×
   * 100, only when both advanced.
   */
  static Double cpuPercent(Sample before, Sample now, int hostCpus) {
    if (before == null || now == null) {
      return null;
    }
    long container = now.cpuTotal() - before.cpuTotal();
    long system = now.systemTotal() - before.systemTotal();
    int cpus = now.cpus() > 0 ? now.cpus() : hostCpus;
    if (container < 0 || system <= 0 || cpus <= 0) {
      return null;
    }
    return container * 100.0 * cpus / system;
  }

  /** Builds one container of the report from its list entry, its inspection and its stats. */
  static Map<String, Object> container(JsonNode summary, JsonNode inspect, Sample now, Sample before, int hostCpus,
      long hostMemory) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("id", summary.path("Id").asText());
    String name = summary.path("Names").path(0).asText(inspect.path("Name").asText(""));
    c.put("name", name.startsWith("/") ? name.substring(1) : name);
    c.put("image", summary.path("Image").asText(inspect.at("/Config/Image").asText("")));
    c.put("createdAt", Instant.ofEpochSecond(summary.path("Created").asLong()).toString());
    JsonNode state = inspect.path("State");
    c.put("state", summary.path("State").asText(state.path("Status").asText("unknown")));
    c.put("status", summary.path("Status").asText(""));
    if (state.has("Health")) {
      c.put("health", state.at("/Health/Status").asText());
    }
    c.put("restartCount", inspect.path("RestartCount").asInt(0));
    c.put("exitCode", state.path("ExitCode").asInt(0));
    c.put("oomKilled", state.path("OOMKilled").asBoolean(false));
    putTime(c, "startedAt", state.path("StartedAt").asText(null));
    putTime(c, "finishedAt", state.path("FinishedAt").asText(null));
    Double cpu = cpuPercent(before, now, hostCpus);
    if (cpu != null) {
      c.put("cpuPercent", cpu);
    }
    if (now != null && now.memUsed() != null) {
      long limit = now.memLimit() == null || now.memLimit() <= 0 || now.memLimit() >= V1_NO_LIMIT
          || (hostMemory > 0 && now.memLimit() > hostMemory) ? hostMemory : now.memLimit();
      c.put("memoryUsageBytes", now.memUsed());
      c.put("memoryLimitBytes", limit);
      if (limit > 0) {
        c.put("memoryPercent", now.memUsed() * 100.0 / limit);
      }
      c.put("blockIo", Map.of("readBytes", now.blkRead(), "writeBytes", now.blkWrite()));
    }
    if (now != null && before != null) {
      double seconds = Duration.between(before.at(), now.at()).toMillis() / 1000.0;
      if (seconds > 0) {
        if (now.hasNetworks() && before.hasNetworks()) {
          putRate(c, "netInBytesPerSecond", before.netRx(), now.netRx(), seconds);
          putRate(c, "netOutBytesPerSecond", before.netTx(), now.netTx(), seconds);
        }
        putRate(c, "diskReadBytesPerSecond", before.blkRead(), now.blkRead(), seconds);
        putRate(c, "diskWriteBytesPerSecond", before.blkWrite(), now.blkWrite(), seconds);
      }
    }
    List<Object> ports = new ArrayList<>();
    for (JsonNode p : summary.path("Ports")) {
      Map<String, Object> port = new LinkedHashMap<>();
      port.put("privatePort", p.path("PrivatePort").asInt());
      if (p.has("PublicPort")) {
        port.put("publicPort", p.path("PublicPort").asInt());
      }
      port.put("protocol", p.path("Type").asText("tcp"));
      if (p.has("IP")) {
        port.put("ip", p.path("IP").asText());
      }
      ports.add(port);
    }
    c.put("ports", ports);
    Map<String, String> labels = new LinkedHashMap<>();
    summary.path("Labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
    c.put("labels", labels);
    return c;
  }

  private static void putRate(Map<String, Object> c, String key, long before, long now, double seconds) {
    if (now >= before) { // a counter that went back was reset: no rate rather than a made-up one
      c.put(key, (now - before) / seconds);
    }
  }

  private static void putTime(Map<String, Object> c, String key, String rfc3339) {
    if (rfc3339 != null && !rfc3339.startsWith("0001-01-01")) { // the zero time means "never"
      c.put(key, rfc3339);
    }
  }
}
