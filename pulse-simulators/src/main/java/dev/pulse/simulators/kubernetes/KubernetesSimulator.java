package dev.pulse.simulators.kubernetes;

import static dev.pulse.simulators.internal.JsonExchange.map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsServer;
import dev.pulse.simulators.internal.JsonExchange;
import dev.pulse.simulators.internal.SimulatorRuntime;
import dev.pulse.simulators.internal.SimulatorServers;
import dev.pulse.simulators.internal.SimulatorTls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kubernetes API server over HTTPS with a bearer token: {@code /version}, nodes, pods and
 * deployments as paged lists ({@code limit} and {@code continue}, at most {@code pageSize} items a
 * page, an expired continue token answered with 410), and {@code metrics.k8s.io} unless
 * metrics-server is left out (404, as a cluster without it answers). Errors are {@code Status}
 * objects. Its certificate is the simulators' self-signed one ({@link #caPem()}).
 */
public final class KubernetesSimulator implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(KubernetesSimulator.class);

  private final SimulatorTls tls = SimulatorTls.load();
  private final ExecutorService executor = SimulatorRuntime.threads("k8s-sim", 4);
  private final KubernetesFleet fleet;
  private final String token;
  private final boolean metricsServer;
  private final int pageSize;
  private final HttpsServer server;
  private final AtomicInteger expireContinues = new AtomicInteger();
  private final AtomicInteger requests = new AtomicInteger();

  private KubernetesSimulator(Builder b) {
    this.fleet = new KubernetesFleet(b.clock);
    this.token = b.token;
    this.metricsServer = b.metricsServer;
    this.pageSize = b.pageSize;
    try {
      this.server = SimulatorServers.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), b.port), tls.context(), executor,
          this::handle);
    } catch (IOException e) {
      executor.shutdownNow();
      throw new UncheckedIOException(e);
    }
    LOG.info("Kubernetes API simulator listening on {}", baseUrl());
  }

  public static Builder builder() {
    return new Builder();
  }

  public URI baseUrl() {
    return URI.create("https://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The server certificate as PEM: what a pod finds in its service account's {@code ca.crt}. */
  public String caPem() {
    return tls.pem();
  }

  public int requestCount() {
    return requests.get();
  }

  /** The next {@code count} requests that carry a continue token get 410 Expired. */
  public void expireNextContinues(int count) {
    expireContinues.set(count);
  }

  private void handle(HttpExchange ex) throws IOException {
    requests.incrementAndGet();
    try (ex) {
      String auth = ex.getRequestHeaders().getFirst("Authorization");
      if (auth == null || !auth.equals("Bearer " + token)) {
        status(ex, 401, "Unauthorized", "Unauthorized");
        return;
      }
      String path = ex.getRequestURI().getPath();
      Map<String, String> query = SimulatorRuntime.form(ex.getRequestURI().getRawQuery());
      switch (path) {
        case "/version" -> JsonExchange.send(ex, 200, map("major", "1", "minor", "31", "gitVersion", "v1.31.2",
            "platform", "linux/amd64"));
        case "/api/v1/nodes" -> page(ex, "NodeList", fleet.nodes(), query);
        case "/api/v1/pods" -> page(ex, "PodList", fleet.pods(), query);
        case "/apis/apps/v1/deployments" -> page(ex, "DeploymentList", fleet.deployments(), query);
        case "/apis/metrics.k8s.io/v1beta1/nodes" -> metrics(ex, "NodeMetricsList", fleet.nodeMetrics());
        case "/apis/metrics.k8s.io/v1beta1/pods" -> metrics(ex, "PodMetricsList", fleet.podMetrics());
        default -> status(ex, 404, "NotFound", "the server could not find the requested resource");
      }
    }
  }

  private void metrics(HttpExchange ex, String kind, List<Map<String, Object>> items) throws IOException {
    if (!metricsServer) {
      status(ex, 404, "NotFound", "the server could not find the requested resource");
      return;
    }
    JsonExchange.send(ex, 200, map("kind", kind, "apiVersion", "metrics.k8s.io/v1beta1", "metadata", map(), "items", items));
  }

  private void page(HttpExchange ex, String kind, List<Map<String, Object>> items, Map<String, String> query) throws IOException {
    int offset = 0;
    String cont = query.get("continue");
    if (cont != null) {
      if (expireContinues.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        status(ex, 410, "Expired", "The provided continue parameter is too old to display a consistent list result.");
        return;
      }
      try {
        offset = Integer.parseInt(new String(Base64.getUrlDecoder().decode(cont), StandardCharsets.US_ASCII).replace("offset:", ""));
      } catch (IllegalArgumentException e) {
        status(ex, 400, "BadRequest", "invalid continue token");
        return;
      }
    }
    int limit = pageSize;
    if (query.containsKey("limit")) {
      limit = Math.min(limit, Integer.parseInt(query.get("limit")));
    }
    int end = Math.min(items.size(), offset + limit);
    Map<String, Object> meta = map("resourceVersion", "123456");
    if (end < items.size()) {
      meta.put("continue", Base64.getUrlEncoder().withoutPadding().encodeToString(("offset:" + end).getBytes(StandardCharsets.US_ASCII)));
    }
    JsonExchange.send(ex, 200, map("kind", kind, "apiVersion", "v1", "metadata", meta, "items", items.subList(offset, end)));
  }

  private static void status(HttpExchange ex, int code, String reason, String message) throws IOException {
    JsonExchange.send(ex, code, map("kind", "Status", "apiVersion", "v1", "metadata", map(), "status", "Failure",
        "message", message, "reason", reason, "code", code));
  }

  @Override
  public void close() {
    server.stop(0);
    SimulatorRuntime.stop(executor);
  }

  /** Configures a {@link KubernetesSimulator}. */
  public static final class Builder {
    private String token = "k8s-sim-token";
    private Clock clock = Clock.systemUTC();
    private boolean metricsServer = true;
    private int pageSize = 4;
    private int port;

    private Builder() {}

    /** The service account token it accepts. */
    public Builder token(String token) {
      this.token = token;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** Whether metrics-server is installed (default); without it the metrics API answers 404. */
    public Builder metricsServer(boolean installed) {
      this.metricsServer = installed;
      return this;
    }

    /** The most items one page holds, whatever the client's limit (default 4, to make clients page). */
    public Builder pageSize(int size) {
      this.pageSize = size;
      return this;
    }

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public KubernetesSimulator start() {
      return new KubernetesSimulator(this);
    }
  }
}
