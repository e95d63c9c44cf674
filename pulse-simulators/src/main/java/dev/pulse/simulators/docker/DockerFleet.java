package dev.pulse.simulators.docker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The simulated Docker host's containers and their counters, which grow with the clock so that
 * two stats samples give exact rates: a container busy {@code cores} CPUs adds that many
 * nanoseconds per nanosecond to {@code total_usage}, while {@code system_cpu_usage} adds {@code
 * NCPU}. Thread-safe.
 */
final class DockerFleet {

  static final int NCPU = 8;
  static final long MEM_TOTAL = 32L << 30;
  static final long MIB = 1L << 20;

  /** One container; {@code health} is null without a health check. */
  record SimContainer(String id, String name, String image, String state, String health, int restartCount, int exitCode,
      boolean oomKilled, double cores, long memUsage, long inactiveFile, long memLimit, long netRxPerSecond,
      long blkReadPerSecond, String composeProject, String composeService, int publicPort, int privatePort) {}

  /** A Swarm service with its replicas. */
  record SimService(String id, String name, String image, int desired, int running, String failedTaskError) {}

  private final Clock clock;
  private final Instant start;
  private final List<SimContainer> containers = new CopyOnWriteArrayList<>();
  final List<SimService> services = List.of(
      new SimService("9mnpq1", "web_nginx", "nginx:1.27", 3, 2, "task: non-zero exit (1)"),
      new SimService("7kd8w2", "web_api", "ghcr.io/acme/api:2.4.1", 2, 2, null));

  DockerFleet(Clock clock) {
    this.clock = clock;
    this.start = clock.instant();
    containers.addAll(List.of(
        new SimContainer(id('a'), "nginx", "nginx:1.27", "running", "healthy", 0, 0, false, 0.25, 64 * MIB, 16 * MIB, 0,
            50_000, 4_096, "web", "nginx", 8080, 80),
        new SimContainer(id('b'), "postgres", "postgres:16", "running", "healthy", 0, 0, false, 0.5, 512 * MIB, 128 * MIB,
            2048 * MIB, 10_000, 1_048_576, "web", "db", 0, 5432),
        new SimContainer(id('c'), "worker", "ghcr.io/acme/worker:1.9", "running", "unhealthy", 1, 0, false, 1.5, 256 * MIB,
            0, 0, 2_000, 0, "web", "worker", 0, 0),
        new SimContainer(id('d'), "flaky", "ghcr.io/acme/flaky:0.3", "restarting", null, 14, 1, false, 0, 0, 0, 0, 0, 0, null,
            null, 0, 0),
        new SimContainer(id('e'), "batch", "ghcr.io/acme/batch:5", "exited", null, 0, 137, true, 0, 0, 0, 256 * MIB, 0, 0,
            null, null, 0, 0),
        new SimContainer(id('f'), "redis", "redis:7", "paused", null, 0, 0, false, 0, 32 * MIB, 4 * MIB, 0, 0, 0, null, null, 0,
            6379),
        new SimContainer(id('0'), "init-db", "busybox:1.36", "created", null, 0, 0, false, 0, 0, 0, 0, 0, 0, null, null, 0, 0)));
  }

  private static String id(char c) {
    return String.valueOf(c).repeat(12) + "0123456789abcdef0123456789abcdef0123456789abcdef0123";
  }

  List<SimContainer> containers() {
    return List.copyOf(containers);
  }

  SimContainer find(String idOrName) {
    for (SimContainer c : containers) {
      if (c.id().equals(idOrName) || c.id().startsWith(idOrName) && idOrName.length() >= 12 || c.name().equals(idOrName)) {
        return c;
      }
    }
    return null;
  }

  long elapsedNanos() {
    return Duration.between(start, clock.instant()).toNanos() + 1_000_000_000L * 3600; // up an hour at start
  }

  Instant now() {
    return clock.instant();
  }

  Instant started() {
    return start.minus(Duration.ofHours(1));
  }

  /** The containers as {@code /containers/json?all=1} lists them. */
  List<Map<String, Object>> list(boolean all) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (SimContainer c : containers) {
      if (!all && !c.state().equals("running")) {
        continue;
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("Id", c.id());
      m.put("Names", List.of("/" + c.name()));
      m.put("Image", c.image());
      m.put("Created", started().getEpochSecond());
      List<Object> ports = new ArrayList<>();
      if (c.privatePort() > 0) {
        if (c.publicPort() > 0) {
          ports.add(Map.of("IP", "0.0.0.0", "PrivatePort", c.privatePort(), "PublicPort", c.publicPort(), "Type", "tcp"));
          ports.add(Map.of("IP", "::", "PrivatePort", c.privatePort(), "PublicPort", c.publicPort(), "Type", "tcp"));
        } else {
          ports.add(Map.of("PrivatePort", c.privatePort(), "Type", "tcp"));
        }
      }
      m.put("Ports", ports);
      Map<String, String> labels = new LinkedHashMap<>();
      if (c.composeProject() != null) {
        labels.put("com.docker.compose.project", c.composeProject());
        labels.put("com.docker.compose.service", c.composeService());
      }
      m.put("Labels", labels);
      m.put("State", c.state());
      m.put("Status", statusText(c));
      m.put("HostConfig", Map.of("NetworkMode", "bridge"));
      out.add(m);
    }
    return out;
  }

  private static String statusText(SimContainer c) {
    return switch (c.state()) {
      case "running" -> "Up 1 hour" + (c.health() == null ? "" : c.health().equals("starting") ? " (health: starting)"
          : " (" + c.health() + ")");
      case "exited" -> "Exited (" + c.exitCode() + ") 20 minutes ago";
      case "restarting" -> "Restarting (" + c.exitCode() + ") 5 seconds ago";
      case "paused" -> "Up 1 hour (Paused)";
      default -> "Created";
    };
  }
}
