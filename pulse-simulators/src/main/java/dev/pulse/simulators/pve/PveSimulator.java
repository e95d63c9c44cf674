package dev.pulse.simulators.pve;

import static dev.pulse.simulators.pve.PveResponses.map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.pulse.simulators.internal.JsonExchange;
import dev.pulse.simulators.internal.SimulatorTls;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTPS server that speaks the Proxmox VE API ({@code /api2/json}) for a simulated cluster.
 * It demands the exact API-token header {@code PVEAPIToken=USER@REALM!TOKENID=SECRET} and answers
 * 401 otherwise. Faults can be switched on to test clients: latency, HTTP errors, junk bodies.
 *
 * <p>Thread-safe. Owns its threads ({@code pve-sim-N}) and stops them in {@link #close()}.
 */
public final class PveSimulator implements AutoCloseable {

  /** A fault the simulator injects into every API answer. */
  public enum Fault { NONE, HTTP_500, JUNK_BODY }

  private static final Logger LOG = LoggerFactory.getLogger(PveSimulator.class);
  private static final Pattern NODE_STATUS = Pattern.compile("/nodes/([^/]+)/status");

  private final HttpsServer server;
  private final ExecutorService executor;
  private final String expectedAuthorization;
  private final PveFleet fleet;
  private final PveResponses responses;
  private final String fingerprint;
  private final AtomicInteger requests = new AtomicInteger();
  private volatile Duration latency = Duration.ZERO;
  private volatile Fault fault = Fault.NONE;

  private PveSimulator(Builder b) throws IOException {
    SimulatorTls tls = SimulatorTls.load();
    this.fingerprint = tls.fingerprint();
    this.fleet = PveFleet.homelab(b.clock);
    this.responses = new PveResponses(fleet);
    this.expectedAuthorization = "PVEAPIToken=" + b.tokenId + "=" + b.tokenSecret;
    AtomicInteger threads = new AtomicInteger();
    this.executor = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "pve-sim-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.server = HttpsServer.create(new InetSocketAddress(b.bindAddress, b.port), 64);
    server.setHttpsConfigurator(new HttpsConfigurator(tls.context()));
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
    LOG.info("PVE simulator listening on {} (certificate SHA-256 {})", baseUrl(), fingerprint);
  }

  public static Builder builder() {
    return new Builder();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** The address a client connects to, for example {@code https://127.0.0.1:8006}. */
  public URI baseUrl() {
    String host = server.getAddress().getAddress().isAnyLocalAddress() ? "127.0.0.1"
        : server.getAddress().getAddress().getHostAddress();
    return URI.create("https://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port());
  }

  /** The certificate's SHA-256 fingerprint, uppercase and colon-separated. */
  public String fingerprint() {
    return fingerprint;
  }

  /** How many API requests have been answered, authorised or not. */
  public int requestCount() {
    return requests.get();
  }

  /** Delays every answer by this much, to simulate a slow or hanging API. */
  public void setLatency(Duration latency) {
    this.latency = Objects.requireNonNull(latency);
  }

  public void setFault(Fault fault) {
    this.fault = Objects.requireNonNull(fault);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      requests.incrementAndGet();
      sleep(latency);
      String path = exchange.getRequestURI().getPath();
      if (!path.startsWith("/api2/json/")) {
        JsonExchange.sendText(exchange, 404, "not found");
        return;
      }
      if (!expectedAuthorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        JsonExchange.send(exchange, 401, map("data", null)); // PVE: "401 No ticket"
        return;
      }
      if (!exchange.getRequestMethod().equals("GET")) {
        JsonExchange.send(exchange, 501, map("data", null));
        return;
      }
      switch (fault) {
        case HTTP_500 -> JsonExchange.send(exchange, 500, map("data", null));
        case JUNK_BODY -> JsonExchange.sendRaw(exchange, 200,
            "<html><body>502 Bad Gateway</body></html>".getBytes(StandardCharsets.UTF_8), "text/html");
        case NONE -> route(exchange, path.substring("/api2/json".length()));
      }
    }
  }

  private void route(HttpExchange exchange, String path) throws IOException {
    String query = exchange.getRequestURI().getQuery();
    Object data;
    Matcher nodeStatus = NODE_STATUS.matcher(path);
    if (path.equals("/version")) {
      data = responses.version();
    } else if (path.equals("/cluster/status")) {
      data = responses.clusterStatus();
    } else if (path.equals("/cluster/resources")) {
      data = responses.clusterResources(query != null && query.startsWith("type=") ? query.substring(5) : null);
    } else if (path.equals("/nodes")) {
      data = responses.nodes();
    } else if (nodeStatus.matches()) {
      PveFleet.SimNode node = fleet.node(nodeStatus.group(1));
      if (node == null) {
        JsonExchange.send(exchange, 500, map("data", null)); // "hostname lookup failed"
        return;
      }
      if (!node.online()) {
        JsonExchange.send(exchange, 595, map("data", null)); // pveproxy: no route to host
        return;
      }
      data = responses.nodeStatus(node);
    } else {
      JsonExchange.send(exchange, 501, map("data", null)); // "Method 'GET /…' not implemented"
      return;
    }
    JsonExchange.send(exchange, 200, map("data", data));
  }

  private static void sleep(Duration d) {
    if (d.isZero()) {
      return;
    }
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Configures a {@link PveSimulator}. */
  public static final class Builder {
    private int port;
    private InetAddress bindAddress = InetAddress.getLoopbackAddress();
    private String tokenId = "pulse@pve!monitor";
    private String tokenSecret = "00000000-0000-0000-0000-000000000000";
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The port, 0 (the default) for any free one. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** The address to listen on, loopback by default. */
    public Builder bindAddress(InetAddress address) {
      this.bindAddress = Objects.requireNonNull(address);
      return this;
    }

    public Builder token(String tokenId, String tokenSecret) {
      this.tokenId = Objects.requireNonNull(tokenId);
      this.tokenSecret = Objects.requireNonNull(tokenSecret);
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    public PveSimulator start() {
      try {
        return new PveSimulator(this);
      } catch (IOException e) {
        throw new IllegalStateException("cannot start the PVE simulator: " + e.getMessage(), e);
      }
    }
  }
}
