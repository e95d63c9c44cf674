package dev.pulse.http;

import dev.pulse.domain.connection.CollectorFactory;
import dev.pulse.domain.connection.ConnectionConfig;
import dev.pulse.domain.connection.ConnectionStore;
import dev.pulse.domain.connection.ConnectionTestResult;
import dev.pulse.domain.connection.ConnectionType;
import dev.pulse.domain.resource.CpuMetric;
import dev.pulse.domain.resource.Facets;
import dev.pulse.domain.resource.Identity;
import dev.pulse.domain.resource.Metrics;
import dev.pulse.domain.resource.ResourceStatus;
import dev.pulse.domain.resource.ResourceType;
import dev.pulse.domain.source.CollectionResult;
import dev.pulse.domain.source.ObservedResource;
import dev.pulse.domain.source.ResourceCollector;
import dev.pulse.engine.PulseEngine;
import dev.pulse.engine.SourceSpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A running engine with a fake source plus the HTTP server, and a client for it. */
final class HttpFixture implements AutoCloseable {

  static final String TOKEN = "test-token-0123456789";

  final ConnectionStore store = ConnectionStore.inMemory();
  final AtomicInteger polls = new AtomicInteger();
  final PulseEngine engine;
  final PulseHttpServer server;
  final HttpClient client = HttpClient.newHttpClient();

  HttpFixture(boolean publicReads) {
    this(publicReads, null);
  }

  HttpFixture(boolean publicReads, java.nio.file.Path agentJar) {
    this(publicReads, agentJar, null);
  }

  /** @param history where the engine records history, or {@code null} for none */
  HttpFixture(boolean publicReads, java.nio.file.Path agentJar, dev.pulse.domain.history.MetricsHistoryStore history) {
    this(AccessPolicy.adminToken(TOKEN::equals, publicReads, java.time.Clock.systemUTC()), GENEROUS, agentJar, history);
  }

  /** With this access policy and these rate limits: for the tests of signing in and of limits. */
  HttpFixture(AccessPolicy access, RateLimits limits) {
    this(access, limits, null, null);
  }

  /** With a larger body limit than the 4 KiB of the others (a SAML answer is some 8 KiB). */
  HttpFixture(AccessPolicy access, RateLimits limits, long maxBodyBytes) {
    this(access, limits, null, null, maxBodyBytes);
  }

  private HttpFixture(AccessPolicy access, RateLimits limits, java.nio.file.Path agentJar,
      dev.pulse.domain.history.MetricsHistoryStore history) {
    this(access, limits, agentJar, history, 4096);
  }

  private HttpFixture(AccessPolicy access, RateLimits limits, java.nio.file.Path agentJar,
      dev.pulse.domain.history.MetricsHistoryStore history, long maxBodyBytes) {
    ResourceCollector ticking = new ResourceCollector() {
      @Override
      public String platform() {
        return "test";
      }

      @Override
      public CollectionResult collect() {
        int n = polls.incrementAndGet();
        return CollectionResult.success(List.of(
            new ObservedResource("node-pve1", ResourceType.AGENT, "pve1", ResourceStatus.ONLINE, null, Identity.EMPTY,
                Metrics.of(new CpuMetric(n % 100, 8, "test"), null, null), List.of(), Facets.NONE),
            new ObservedResource("qemu-100", ResourceType.VM, "web01", ResourceStatus.ONLINE, "node-pve1", Identity.EMPTY,
                Metrics.UNKNOWN, List.of("prod"), Facets.NONE),
            new ObservedResource("qemu-101", ResourceType.VM, "db01", ResourceStatus.OFFLINE, "node-pve1", Identity.EMPTY,
                Metrics.UNKNOWN, List.of(), Facets.NONE)));
      }
    };
    CollectorFactory idle = new CollectorFactory() {
      @Override
      public boolean supports(ConnectionType type) {
        return true;
      }

      @Override
      public ConnectionTestResult test(ConnectionConfig connection) {
        return new ConnectionTestResult(true, "8.2.4",
            List.of(new ConnectionTestResult.EndpointCheck(connection.url().toString(), true, "AB:CD", true, null)),
            List.of(), null);
      }

      @Override
      public ResourceCollector create(ConnectionConfig connection) {
        return new ResourceCollector() {
          @Override
          public String platform() {
            return "proxmox";
          }

          @Override
          public CollectionResult collect() {
            return CollectionResult.failure("not reachable in this test");
          }
        };
      }
    };
    var builder = PulseEngine.builder()
        .addSource(new SourceSpec("s1", "fake", ticking, Duration.ofMillis(200), Duration.ofSeconds(5)))
        .addCollectorFactory(idle)
        .connectionStore(store);
    if (history != null) {
      builder.history(history);
    }
    engine = builder.build().start();
    server = PulseHttpServer.builder()
        .engine(engine)
        .host("127.0.0.1")
        .version("1.2.3-test")
        .maxBodyBytes(maxBodyBytes)
        .agentJar(agentJar)
        .access(access)
        .rateLimits(limits)
        .build()
        .start(0);
  }

  /** Limits no test of something else reaches: the rate limits have a test of their own. */
  static final RateLimits GENEROUS = new RateLimits(1_000, 100_000, 100_000, 100_000);

  /** Waits until the fake source's first poll has registered the resource. */
  void awaitResource(String id) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (engine.registry().get(id).isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(id + " did not appear within 10 s");
      }
      Thread.sleep(20);
    }
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
    if (token != null) {
      b.header("X-API-Token", token);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() {
    server.close();
    engine.close();
  }
}
