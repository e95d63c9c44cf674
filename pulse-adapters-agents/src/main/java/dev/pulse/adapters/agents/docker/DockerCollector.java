package dev.pulse.adapters.agents.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.adapters.agents.internal.UnixSocketHttp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Docker or Podman through the Engine API on a unix socket and builds Pulse's Docker report
 * ({@code /api/agents/docker/report}): the host, every container with state, health, restarts,
 * exit code, OOM kill, CPU, memory, network and block I/O, and on a Swarm manager the services and
 * tasks. CPU % and the rates come from this collector's own previous sample, since one-shot stats
 * carry no {@code precpu_stats}: the first report has none. Not thread-safe: one agent loop uses it.
 */
public final class DockerCollector implements AutoCloseable {

  /** The sockets tried when none is given: Docker's, rootful Podman's, rootless Podman's. */
  public static final List<Path> USUAL_SOCKETS = List.of(Path.of("/var/run/docker.sock"), Path.of("/run/podman/podman.sock"));

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_ANSWER_BYTES = 16 << 20;

  private final UnixSocketHttp http;
  private final Clock clock;
  private final Map<String, ContainerStats.Sample> previous = new HashMap<>();

  public DockerCollector(Path socket, Duration timeout, Clock clock) {
    this.http = new UnixSocketHttp(socket, timeout, MAX_ANSWER_BYTES);
    this.clock = clock;
  }

  /** The first usual socket that exists, with rootless Podman's under {@code XDG_RUNTIME_DIR}. */
  public static Optional<Path> findSocket(String xdgRuntimeDir) {
    List<Path> candidates = new ArrayList<>(USUAL_SOCKETS);
    if (xdgRuntimeDir != null && !xdgRuntimeDir.isBlank()) {
      candidates.add(Path.of(xdgRuntimeDir, "podman", "podman.sock"));
    }
    return candidates.stream().filter(Files::exists).findFirst();
  }

  /**
   * One report.
   *
   * @throws IOException when the Engine cannot be reached or answers an error
   */
  public Map<String, Object> collect(String agentId, String agentVersion, int intervalSeconds, String hostname,
      String machineId) throws IOException {
    JsonNode info = get("/info");
    JsonNode version = get("/version");
    boolean podman = false;
    for (JsonNode c : version.path("Components")) {
      podman |= c.path("Name").asText().toLowerCase(java.util.Locale.ROOT).contains("podman");
    }
    Instant now = clock.instant();
    List<Object> containers = new ArrayList<>();
    Map<String, ContainerStats.Sample> seen = new HashMap<>();
    for (JsonNode summary : get("/containers/json?all=1")) {
      String id = summary.path("Id").asText();
      JsonNode inspect;
      try {
        inspect = get("/containers/" + id + "/json");
      } catch (IOException e) {
        continue; // removed between the list and now
      }
      String state = summary.path("State").asText(inspect.at("/State/Status").asText("unknown"));
      JsonNode stats = null;
      if (state.equals("running")) {
        try {
          stats = get("/containers/" + id + "/stats?stream=false&one-shot=true");
        } catch (IOException e) {
          stats = null; // stats are best effort; the container is still reported
        }
      }
      ContainerStats.Sample sample = stats == null ? null : ContainerStats.sample(stats, now);
      if (sample != null) {
        seen.put(id, sample);
      }
      containers.add(ContainerStats.container(summary, inspect, sample, previous.get(id),
          info.path("NCPU").asInt(0), info.path("MemTotal").asLong(0)));
    }
    previous.clear();
    previous.putAll(seen);
    Map<String, Object> host = new LinkedHashMap<>();
    host.put("hostname", hostname != null ? hostname : info.path("Name").asText("unknown"));
    host.put("name", info.path("Name").asText(null));
    if (machineId != null) {
      host.put("machineId", machineId);
    }
    host.put("os", info.path("OperatingSystem").asText(null));
    host.put("runtime", podman ? "podman" : "docker");
    host.put("runtimeVersion", info.path("ServerVersion").asText(null));
    host.put("dockerVersion", version.path("Version").asText(null));
    host.put("kernelVersion", info.path("KernelVersion").asText(null));
    host.put("architecture", info.path("Architecture").asText(null));
    host.put("totalCpu", info.path("NCPU").asInt(0));
    host.put("totalMemoryBytes", info.path("MemTotal").asLong(0));
    JsonNode swarm = info.path("Swarm");
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("agent", Map.of("id", agentId, "version", agentVersion, "intervalSeconds", intervalSeconds));
    report.put("host", host);
    report.put("containers", containers);
    if (swarm.path("LocalNodeState").asText("inactive").equals("active")) {
      boolean manager = swarm.path("ControlAvailable").asBoolean(false);
      host.put("swarm", Map.of("nodeId", swarm.path("NodeID").asText(""), "nodeRole", manager ? "manager" : "worker",
          "localState", "active", "controlAvailable", manager));
      if (manager) {
        SwarmServices.addTo(report, get("/services?status=true"), get("/tasks"));
      }
    }
    report.put("timestamp", now.toString());
    return report;
  }

  private JsonNode get(String path) throws IOException {
    UnixSocketHttp.Answer answer = http.get(path);
    if (answer.status() != 200) {
      String message = answer.body().length == 0 ? "" : JSON.readTree(answer.body()).path("message").asText("");
      throw new IOException(path + " answered HTTP " + answer.status() + (message.isEmpty() ? "" : ": " + message));
    }
    return JSON.readTree(answer.body());
  }

  @Override
  public void close() {
    http.close();
  }
}
