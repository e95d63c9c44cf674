package dev.pulse.simulators.docker;

import dev.pulse.simulators.docker.DockerFleet.SimContainer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Engine API's answers for the simulated host, shaped as dockerd (or Podman's compatible API)
 * answers: PascalCase fields, RFC 3339 times with the zero time for "never", cgroup v2 memory keys
 * (v1 ones with {@code cgroupV1}), one-shot stats with empty {@code precpu_stats}.
 */
final class DockerResponses {

  private static final String ZERO_TIME = "0001-01-01T00:00:00Z";

  private final DockerFleet fleet;
  private final boolean podman;
  private final boolean cgroupV1;

  DockerResponses(DockerFleet fleet, boolean podman, boolean cgroupV1) {
    this.fleet = fleet;
    this.podman = podman;
    this.cgroupV1 = cgroupV1;
  }

  Map<String, Object> version() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("Version", podman ? "5.2.2" : "27.3.1");
    v.put("ApiVersion", "1.47");
    v.put("MinAPIVersion", "1.24");
    v.put("Os", "linux");
    v.put("Arch", "amd64");
    v.put("KernelVersion", "6.8.0-48-generic");
    v.put("Components", List.of(Map.of("Name", podman ? "Podman Engine" : "Engine", "Version", podman ? "5.2.2" : "27.3.1")));
    return v;
  }

  Map<String, Object> info(boolean swarmManager) {
    List<SimContainer> all = fleet.containers();
    Map<String, Object> i = new LinkedHashMap<>();
    i.put("ID", "6c0d4a1e-3b9f-4f7e-9d2a-5b8c1e0f7a33");
    i.put("Containers", all.size());
    i.put("ContainersRunning", all.stream().filter(c -> c.state().equals("running")).count());
    i.put("ContainersPaused", all.stream().filter(c -> c.state().equals("paused")).count());
    i.put("ContainersStopped", all.stream().filter(c -> !c.state().equals("running") && !c.state().equals("paused")).count());
    i.put("Images", 9);
    i.put("NCPU", DockerFleet.NCPU);
    i.put("MemTotal", DockerFleet.MEM_TOTAL);
    i.put("Name", "docker1");
    i.put("ServerVersion", podman ? "5.2.2" : "27.3.1");
    i.put("OperatingSystem", "Debian GNU/Linux 12 (bookworm)");
    i.put("KernelVersion", "6.8.0-48-generic");
    i.put("Architecture", "x86_64");
    i.put("CgroupDriver", "systemd");
    i.put("CgroupVersion", cgroupV1 ? "1" : "2");
    i.put("Swarm", swarmManager && !podman
        ? Map.of("NodeID", "n0de1d", "LocalNodeState", "active", "ControlAvailable", true,
            "Cluster", Map.of("ID", "c1uster1d", "Spec", Map.of("Name", "default")))
        : Map.of("NodeID", "", "LocalNodeState", "inactive", "ControlAvailable", false));
    return i;
  }

  Map<String, Object> inspect(SimContainer c) {
    Map<String, Object> state = new LinkedHashMap<>();
    boolean running = c.state().equals("running") || c.state().equals("paused");
    state.put("Status", c.state());
    state.put("Running", running);
    state.put("Paused", c.state().equals("paused"));
    state.put("Restarting", c.state().equals("restarting"));
    state.put("OOMKilled", c.oomKilled());
    state.put("Dead", c.state().equals("dead"));
    state.put("ExitCode", c.exitCode());
    state.put("StartedAt", c.state().equals("created") ? ZERO_TIME : fleet.started().toString());
    state.put("FinishedAt", c.state().equals("exited") ? fleet.started().plusSeconds(2400).toString() : ZERO_TIME);
    if (c.health() != null) {
      state.put("Health", Map.of("Status", c.health(), "FailingStreak", c.health().equals("unhealthy") ? 5 : 0));
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("Id", c.id());
    m.put("Created", fleet.started().minusSeconds(60).toString());
    m.put("Name", "/" + c.name());
    m.put("RestartCount", c.restartCount());
    m.put("Image", "sha256:" + "9".repeat(64));
    m.put("State", state);
    m.put("Config", Map.of("Image", c.image(), "Hostname", c.id().substring(0, 12)));
    m.put("HostConfig", Map.of("Memory", c.memLimit(), "NanoCpus", 0, "RestartPolicy", Map.of("Name", "unless-stopped")));
    return m;
  }

  /** {@code stats?stream=false&one-shot=true}: counters now, {@code precpu_stats} empty. */
  Map<String, Object> stats(SimContainer c) {
    long t = fleet.elapsedNanos();
    boolean live = c.state().equals("running");
    Map<String, Object> cpu = new LinkedHashMap<>();
    cpu.put("cpu_usage", Map.of("total_usage", live ? (long) (t * c.cores()) : 0L, "usage_in_kernelmode", 0,
        "usage_in_usermode", 0));
    cpu.put("system_cpu_usage", t * DockerFleet.NCPU);
    cpu.put("online_cpus", DockerFleet.NCPU);
    Map<String, Object> memory = new LinkedHashMap<>();
    if (live || c.state().equals("paused")) {
      memory.put("usage", c.memUsage());
      memory.put("limit", c.memLimit() > 0 ? c.memLimit() : cgroupV1 ? 9223372036854771712L : DockerFleet.MEM_TOTAL);
      memory.put("stats", cgroupV1
          ? Map.of("total_inactive_file", c.inactiveFile(), "cache", c.inactiveFile() * 2, "rss", c.memUsage() - c.inactiveFile())
          : Map.of("inactive_file", c.inactiveFile(), "anon", c.memUsage() - c.inactiveFile(), "file", c.inactiveFile()));
    }
    long seconds = t / 1_000_000_000L;
    List<Object> blkio = new ArrayList<>();
    if (live) {
      String read = cgroupV1 ? "Read" : "read";
      String write = cgroupV1 ? "Write" : "write";
      blkio.add(Map.of("major", 8, "minor", 0, "op", read, "value", c.blkReadPerSecond() * seconds));
      blkio.add(Map.of("major", 8, "minor", 0, "op", write, "value", c.blkReadPerSecond() / 2 * seconds));
    }
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("read", fleet.now().toString());
    s.put("preread", ZERO_TIME);
    s.put("name", "/" + c.name());
    s.put("id", c.id());
    s.put("cpu_stats", cpu);
    s.put("precpu_stats", Map.of("cpu_usage", Map.of("total_usage", 0), "throttling_data", Map.of()));
    s.put("memory_stats", memory);
    s.put("blkio_stats", Map.of("io_service_bytes_recursive", live ? blkio : List.of()));
    if (live && !(podman && c.name().equals("worker"))) { // rootless Podman may have no networks
      s.put("networks", Map.of("eth0", Map.of("rx_bytes", c.netRxPerSecond() * seconds, "tx_bytes", c.netRxPerSecond() / 4 * seconds)));
    }
    return s;
  }

  List<Map<String, Object>> services() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (DockerFleet.SimService s : fleet.services) {
      out.add(Map.of("ID", s.id(),
          "Spec", Map.of("Name", s.name(), "Labels", Map.of("com.docker.stack.namespace", "web"),
              "TaskTemplate", Map.of("ContainerSpec", Map.of("Image", s.image())),
              "Mode", Map.of("Replicated", Map.of("Replicas", s.desired()))),
          "ServiceStatus", Map.of("RunningTasks", s.running(), "DesiredTasks", s.desired())));
    }
    return out;
  }

  List<Map<String, Object>> tasks() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (DockerFleet.SimService s : fleet.services) {
      for (int slot = 1; slot <= s.desired(); slot++) {
        boolean failed = slot > s.running();
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("State", failed ? "failed" : "running");
        if (failed) {
          status.put("Err", s.failedTaskError());
          status.put("ContainerStatus", Map.of("ExitCode", 1));
        }
        out.add(Map.of("ID", s.id() + "-task" + slot, "ServiceID", s.id(), "Slot", slot, "NodeID", "n0de1d", "Status", status,
            "DesiredState", failed ? "shutdown" : "running"));
      }
    }
    return out;
  }
}
