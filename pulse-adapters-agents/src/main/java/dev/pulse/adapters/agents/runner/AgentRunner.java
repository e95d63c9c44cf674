package dev.pulse.adapters.agents.runner;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.adapters.agents.host.HostReports;
import dev.pulse.adapters.agents.host.HostSample;
import dev.pulse.adapters.agents.host.ProcHostReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Pulse agent's loop: every interval it reads the host, posts a gzip host report to {@code
 * <url>/api/agents/agent/report}, and on a failure waits 1 s, doubling up to the interval, before it
 * tries again. It never stops for a missing source or a refused report. Owns one thread ({@code
 * pulse-agent}); {@link #close()} stops it.
 */
public final class AgentRunner implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AgentRunner.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI reportUri;
  private final String token;
  private final Duration interval;
  private final String hostname;
  private final String version;
  private final ProcHostReader reader;
  private final Clock clock;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "pulse-agent");
    t.setDaemon(true);
    return t;
  });
  private final AtomicInteger sent = new AtomicInteger();
  private HostSample previous;
  private java.time.Instant previousAt;
  private Duration backoff = Duration.ofSeconds(1);

  public AgentRunner(AgentOptions options, String version, ProcHostReader reader, Clock clock) {
    this.reportUri = URI.create(options.url().toString().replaceAll("/+$", "") + "/api/agents/agent/report");
    this.token = options.token();
    this.interval = options.interval();
    this.hostname = options.hostname();
    this.version = version;
    this.reader = reader;
    this.clock = clock;
  }

  public AgentRunner start() {
    thread.schedule(this::cycle, 0, TimeUnit.MILLISECONDS);
    return this;
  }

  /** How many reports the server accepted. */
  public int reportsAccepted() {
    return sent.get();
  }

  private void cycle() {
    Duration next = interval;
    try {
      HostSample now = reader.read();
      if (hostname != null) {
        now = now.withHostname(hostname);
      }
      String agentId = now.machineId() != null ? now.machineId() : now.hostname() != null ? now.hostname() : "unknown";
      java.time.Instant at = clock.instant();
      byte[] body = gzip(JSON.writeValueAsBytes(
          HostReports.build(agentId, version, (int) interval.toSeconds(), previous, previousAt, now, at)));
      previous = now;
      previousAt = at;
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(reportUri)
          .timeout(Duration.ofSeconds(30))
          .header("Authorization", "Bearer " + token)
          .header("Content-Type", "application/json")
          .header("Content-Encoding", "gzip")
          .POST(HttpRequest.BodyPublishers.ofByteArray(body))
          .build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 200) {
        sent.incrementAndGet();
        backoff = Duration.ofSeconds(1);
      } else {
        LOG.warn("the server refused the report: HTTP {} {}", response.statusCode(), response.body());
        next = backOff();
      }
    } catch (IOException e) {
      LOG.warn("could not reach {}: {}", reportUri, e.toString());
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

  private Duration backOff() {
    Duration wait = backoff;
    backoff = backoff.multipliedBy(2).compareTo(interval) > 0 ? interval : backoff.multipliedBy(2);
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
  }
}
