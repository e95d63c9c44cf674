package dev.pulse.bench;

import dev.pulse.adapters.agents.HostReportDecoder;
import dev.pulse.engine.PulseEngine;
import dev.pulse.http.AccessPolicy;
import dev.pulse.http.PulseHttpServer;
import dev.pulse.simulators.agent.ReportSamples;
import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Host-report ingest over loopback HTTP with gzip: a fleet of agents (default 200) posting the full
 * host report to a running Pulse (decode, map, registry, delta), beside the same bytes posted to a
 * Javalin endpoint that only reads them and answers, measured in the same run. The ratio of the
 * two, in reports per second, says what Pulse's ingest costs on top of HTTP itself. Four client
 * threads share the machine with both servers.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 6, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@Threads(4)
public class IngestBenchmark {

  private static final String TOKEN = "bench-token-0123456789";

  @Param({"200"})
  public int agents;

  private PulseEngine engine;
  private PulseHttpServer pulse;
  private Javalin noop;
  private HttpClient client;
  private byte[][] reports;
  private URI ingestUri;
  private URI noopUri;
  private final AtomicInteger next = new AtomicInteger();

  @Setup(Level.Trial)
  public void start() throws IOException {
    engine = PulseEngine.builder().build().start();
    pulse = PulseHttpServer.builder().engine(engine).host("127.0.0.1").version("bench")
        .access(AccessPolicy.adminToken(TOKEN::equals, false, Clock.systemUTC()))
        // one address posting thousands of reports a second: the limits would measure themselves
        .rateLimits(new dev.pulse.http.RateLimits(10, 30, Integer.MAX_VALUE, 500))
        .agentDecoder(new HostReportDecoder()).build().start(0);
    noop = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.jetty.host = "127.0.0.1";
      config.routes.post("/api/agents/agent/report", ctx -> {
        ctx.bodyInputStream().readAllBytes();
        ctx.contentType("application/json").result("{\"success\":true}");
      });
    }).start(0);
    String sample = ReportSamples.host();
    reports = new byte[agents][];
    for (int i = 0; i < agents; i++) {
      // each agent its own id, hostname and machine-id, so that the registry holds a fleet
      reports[i] = gzip(sample.replace("agent-7f3c", "agent-" + i).replace("\"pve1\"", "\"host" + i + "\"")
          .replace("4c4c45440032", String.format("%012x", i)).getBytes(StandardCharsets.UTF_8));
    }
    client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    ingestUri = URI.create("http://127.0.0.1:" + pulse.port() + "/api/agents/agent/report");
    noopUri = URI.create("http://127.0.0.1:" + noop.port() + "/api/agents/agent/report");
  }

  @TearDown(Level.Trial)
  public void stop() {
    pulse.close();
    noop.stop();
    engine.close();
  }

  @Benchmark
  public int ingest() throws Exception {
    return post(ingestUri);
  }

  @Benchmark
  public int noopEndpoint() throws Exception {
    return post(noopUri);
  }

  private int post(URI uri) throws Exception {
    try {
      return postOnce(uri);
    } catch (IOException e) { // a kept-alive connection the server closed: retry once, as an agent would
      return postOnce(uri);
    }
  }

  private int postOnce(URI uri) throws Exception {
    byte[] body = reports[Math.floorMod(next.getAndIncrement(), reports.length)];
    HttpResponse<Void> r = client.send(HttpRequest.newBuilder(uri)
        .header("Authorization", "Bearer " + TOKEN)
        .header("Content-Type", "application/json")
        .header("Content-Encoding", "gzip")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("HTTP " + r.statusCode());
    }
    return r.statusCode();
  }

  private static byte[] gzip(byte[] plain) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(plain);
    }
    return out.toByteArray();
  }
}
