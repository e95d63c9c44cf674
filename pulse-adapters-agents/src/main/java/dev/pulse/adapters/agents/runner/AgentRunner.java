package dev.pulse.adapters.agents.runner;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.adapters.agents.docker.DockerCollector;
import dev.pulse.adapters.agents.host.HostReports;
import dev.pulse.adapters.agents.host.HostSample;
import dev.pulse.adapters.agents.host.ProcHostReader;
import dev.pulse.adapters.agents.host.SmartReader;
import dev.pulse.adapters.agents.kubernetes.KubernetesAccess;
import dev.pulse.adapters.agents.kubernetes.KubernetesCollector;
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
import java.util.List;
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
 * Docker report to {@code /api/agents/docker/report}, and when it runs in a Kubernetes cluster (or
 * was given a kubeconfig) a Kubernetes report to {@code /api/agents/kubernetes/report}. After a
 * failed host report it waits 1 s, doubling up to the interval, before it tries again. A missing or
 * failing Docker or cluster never stops the host reports, and nothing stops the loop. Owns one thread ({@code pulse-agent}); {@link #close()}
 * stops it.
 */
public final class AgentRunner implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AgentRunner.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration SMART_EVERY = Duration.ofMinutes(5);
  /** The most pods one Kubernetes report carries, unwell ones first. */
  private static final int MAX_PODS = 2000;

  private final URI server;
  private final AgentOptions options;
  private final String version;
  private final ProcHostReader reader;
  private final Clock clock;
  private final Supplier<Optional<Path>> dockerSocket;
  private final AgentSources.KubernetesFinder kubernetesFinder;
  private final SmartReader smartReader;
  private List<SmartReader.SmartDisk> smart = List.of();
  private Instant smartAt;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "pulse-agent");
    t.setDaemon(true);
    return t;
  });
  private final AtomicInteger sent = new AtomicInteger();
  private HostSample previous;
  private Instant previousAt;
  private Duration backoff = Duration.ofSeconds(1);
  private DockerCollector docker;
  private KubernetesCollector kubernetes;
  private final Map<String, String> problems = new java.util.HashMap<>();

  /** @param sources where Docker and Kubernetes are; ignored for those turned off */
  public AgentRunner(AgentOptions options, String version, ProcHostReader reader, Clock clock, AgentSources sources) {
    this.server = URI.create(options.url().toString().replaceAll("/+$", ""));
    this.options = options;
    this.version = version;
    this.reader = reader;
    this.clock = clock;
    this.dockerSocket = options.dockerSocket() != null ? () -> Optional.of(options.dockerSocket()) : sources.dockerSocket();
    this.kubernetesFinder = sources.kubernetes();
    this.smartReader = sources.smart();
  }

  public AgentRunner start() {
    thread.schedule(this::cycle, 0, TimeUnit.MILLISECONDS);
    return this;
  }

  /** How many host reports the server accepted. */
  public int reportsAccepted() {
    return sent.get();
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
      if (smartAt == null || Duration.between(smartAt, at).compareTo(SMART_EVERY) >= 0) {
        smart = smartReader.read(); // disks change slowly, and smartctl is not free
        smartAt = at;
      }
      if (!smart.isEmpty()) {
        report.put("smart", HostReports.smart(smart));
      }
      if (post("/api/agents/agent/report", report)) {
        sent.incrementAndGet();
        backoff = Duration.ofSeconds(1);
      } else {
        next = backOff();
      }
      reportDocker(agentId, now, hostCpu(report));
      reportKubernetes(agentId);
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

  /** The host's CPU % the host report just measured, or {@code null} on the first report. */
  private static Double hostCpu(Map<String, Object> hostReport) {
    return hostReport.get("metrics") instanceof Map<?, ?> m && m.get("cpuUsagePercent") instanceof Double cpu ? cpu : null;
  }

  /** @param hostCpu the host's CPU % from its own report, which the Docker report carries too */
  private void reportDocker(String agentId, HostSample host, Double hostCpu) throws IOException, InterruptedException {
    if (options.docker() == AgentOptions.Mode.OFF) {
      return;
    }
    Optional<Path> socket = dockerSocket.get();
    if (socket.isEmpty()) {
      trouble("docker", options.docker() == AgentOptions.Mode.ON ? "no Docker or Podman socket found" : null);
      return;
    }
    if (docker == null) {
      docker = new DockerCollector(socket.get(), Duration.ofSeconds(10), clock);
    }
    sideReport("docker", "/api/agents/docker/report", "Docker at " + socket.get() + " cannot be read: ",
        "the Docker report does not fit in the agent's heap; give it more (-Xmx)",
        () -> withHostCpu(docker.collect(agentId, version, (int) options.interval().toSeconds(), host.hostname(), host.machineId()),
            hostCpu));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> withHostCpu(Map<String, Object> dockerReport, Double hostCpu) {
    if (hostCpu != null && dockerReport.get("host") instanceof Map<?, ?> host) {
      ((Map<String, Object>) host).put("cpuUsagePercent", hostCpu);
    }
    return dockerReport;
  }

  private void reportKubernetes(String agentId) throws IOException, InterruptedException {
    if (options.kubernetes() == AgentOptions.Mode.OFF) {
      return;
    }
    if (kubernetes == null) {
      Optional<KubernetesAccess> access;
      try {
        access = kubernetesFinder.find();
      } catch (IOException | RuntimeException e) {
        trouble("kubernetes", "the cluster's credentials cannot be read: " + e.getMessage());
        return;
      }
      if (access.isEmpty()) {
        trouble("kubernetes", options.kubernetes() == AgentOptions.Mode.ON ? "not in a Kubernetes cluster and no --kubeconfig" : null);
        return;
      }
      kubernetes = new KubernetesCollector(access.get(), Duration.ofSeconds(15), MAX_PODS, clock);
    }
    sideReport("kubernetes", "/api/agents/kubernetes/report", "the Kubernetes API cannot be read: ",
        "the cluster's lists do not fit in the agent's heap; give it more (-Xmx32m or more for large clusters)",
        () -> kubernetes.collect(agentId, version, (int) options.interval().toSeconds()));
  }

  /** Reads a report beside the host's. */
  @FunctionalInterface
  private interface SideRead {
    Map<String, Object> read() throws IOException, InterruptedException;
  }

  /**
   * Reads a Docker or Kubernetes report and posts it; a failure, or a report too big for the heap
   * (what it held is garbage by then), is reported once and the host reports go on.
   */
  private void sideReport(String what, String path, String cannotRead, String tooBig, SideRead read)
      throws IOException, InterruptedException {
    Map<String, Object> report;
    try {
      report = read.read();
    } catch (IOException | RuntimeException e) {
      trouble(what, cannotRead + e.getMessage());
      return;
    } catch (OutOfMemoryError e) {
      trouble(what, tooBig);
      return;
    }
    trouble(what, null);
    post(path, report);
  }

  /** Logs a Docker or Kubernetes problem once when it starts and once when it ends, not every cycle. */
  private void trouble(String what, String problem) {
    String before = problem == null ? problems.remove(what) : problems.put(what, problem);
    if (problem != null && !problem.equals(before)) {
      LOG.warn("{}; host reports go on", problem);
    } else if (problem == null && before != null) {
      LOG.info("{} can be read again", what);
    }
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
