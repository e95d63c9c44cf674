package dev.pulse.adapters.agents.runner;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.adapters.agents.docker.DockerCollector;
import dev.pulse.adapters.agents.host.HostReports;
import dev.pulse.adapters.agents.host.HostSample;
import dev.pulse.adapters.agents.host.ProcHostReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Pulse agent's loop: every interval it reads the host and posts a gzip host report to {@code
 * <url>/api/agents/agent/report}, then, when Docker or Podman is there (or {@code --docker on}), a
 * Docker report to {@code /api/agents/docker/report}. After a failed host report it waits 1 s,
 * doubling up to the interval, before it tries again. A missing or failing Docker never stops the
 * host reports, and nothing stops the loop. Owns one thread ({@code pulse-agent}); {@link #close()}
 * stops it.
 */
public final class AgentRunner implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AgentRunner.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI server;
  private final AgentOptions options;
  private final String version;
  private final ProcHostReader reader;
  private final Clock clock;
  private final Supplier<Optional<Path>> dockerSocket;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "pulse-agent");
    t.setDaemon(true);
    return t;
  });
  private final AtomicInteger sent = new AtomicInteger();
  private final AtomicInteger dockerSent = new AtomicInteger();
  private HostSample previous;
  private Instant previousAt;
  private Duration backoff = Duration.ofSeconds(1);
  private DockerCollector docker;
  private String dockerProblem;

  /**
   * @param dockerSocket where the Engine API is now, looked up each cycle so that a Docker started
   *     later is picked up; ignored when {@code --docker off}
   */
  public AgentRunner(AgentOptions options, String version, ProcHostReader reader, Clock clock,
      Supplier<Optional<Path>> dockerSocket) {
    this.server = URI.create(options.url().toString().replaceAll("/+$", ""));
    this.options = options;
    this.version = version;
    this.reader = reader;
    this.clock = clock;
    this.dockerSocket = options.dockerSocket() != null ? () -> Optional.of(options.dockerSocket()) : dockerSocket;
  }

  public AgentRunner start() {
    thread.schedule(this::cycle, 0, TimeUnit.MILLISECONDS);
    return this;
  }

  /** How many host reports the server accepted. */
  public int reportsAccepted() {
    return sent.get();
  }

  /** How many Docker reports the server accepted. */
  public int dockerReportsAccepted() {
    return dockerSent.get();
  }

  private void cycle() {
    Duration next = options.interval();
    try {
      HostSample now = reader.read();
      if (options.hostname() != null) {
        now = now.withHostname(options.hostname());
      }
      String agentId = now.machineId() != null ? now.machineId() : now.hostname() != null ? now.hostname() : "unknown";
      Instant at = clock.instant();
      Map<String, Object> report = HostReports.build(agentId, version, (int) options.interval().toSeconds(), previous,
          previousAt, now, at);
      previous = now;
      previousAt = at;
      if (post("/api/agents/agent/report", report)) {
        sent.incrementAndGet();
        backoff = Duration.ofSeconds(1);
      } else {
        next = backOff();
      }
      reportDocker(agentId, now);
    } catch (IOException e) {
      LOG.warn("could not reach {}: {}", server, e.toString());
      next = backOff();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } catch (RuntimeException e) {
      LOG.warn("reading the host failed; trying again", e); // never let one bad reading stop the agent
      next = backOff();
    }
    if (!thread.isShutdown()) {
      thread.schedule(this::cycle, next.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void reportDocker(String agentId, HostSample host) throws IOException, InterruptedException {
    if (options.docker() == AgentOptions.Mode.OFF) {
      return;
    }
    Optional<Path> socket = dockerSocket.get();
    if (socket.isEmpty()) {
      dockerTrouble(options.docker() == AgentOptions.Mode.ON ? "no Docker or Podman socket found" : null);
      return;
    }
    if (docker == null) {
      docker = new DockerCollector(socket.get(), Duration.ofSeconds(10), clock);
    }
    Map<String, Object> report;
    try {
      report = docker.collect(agentId, version, (int) options.interval().toSeconds(), host.hostname(), host.machineId());
    } catch (IOException | RuntimeException e) {
      dockerTrouble("Docker at " + socket.get() + " cannot be read: " + e.getMessage());
      return;
    }
    dockerTrouble(null);
    if (post("/api/agents/docker/report", report)) {
      dockerSent.incrementAndGet();
    }
  }

  /** Logs a Docker problem once when it starts and once when it ends, not every cycle. */
  private void dockerTrouble(String problem) {
    if (problem != null && !problem.equals(dockerProblem)) {
      LOG.warn("{}; host reports go on", problem);
    } else if (problem == null && dockerProblem != null) {
      LOG.info("Docker can be read again");
    }
    dockerProblem = problem;
  }

  private boolean post(String path, Map<String, Object> report) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + options.token())
        .header("Content-Type", "application/json")
        .header("Content-Encoding", "gzip")
        .POST(HttpRequest.BodyPublishers.ofByteArray(gzip(JSON.writeValueAsBytes(report))))
        .build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      LOG.warn("the server refused the report to {}: HTTP {} {}", path, response.statusCode(), response.body());
      return false;
    }
    return true;
  }

  private Duration backOff() {
    Duration wait = backoff;
    backoff = backoff.multipliedBy(2).compareTo(options.interval()) > 0 ? options.interval() : backoff.multipliedBy(2);
    return wait;
  }

  private static byte[] gzip(byte[] plain) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(plain);
    }
    return out.toByteArray();
  }

  @Override
  public void close() {
    thread.shutdownNow();
    try {
      thread.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (docker != null) {
      docker.close();
    }
  }
}
