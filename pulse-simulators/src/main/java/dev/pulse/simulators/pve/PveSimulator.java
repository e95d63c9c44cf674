package dev.pulse.simulators.pve;

import static dev.pulse.simulators.internal.JsonExchange.map;

import com.sun.net.httpserver.HttpExchange;
import dev.pulse.simulators.Fault;
import dev.pulse.simulators.ProxmoxSimulatorBuilder;
import dev.pulse.simulators.internal.JsonExchange;
import dev.pulse.simulators.internal.ProxmoxAccess;
import dev.pulse.simulators.internal.ProxmoxEndpoint;
import dev.pulse.simulators.internal.SimulatorRuntime;
import dev.pulse.simulators.internal.SimulatorTls;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTPS servers that speak the Proxmox VE API ({@code /api2/json}) for one simulated cluster: one
 * endpoint per node's pveproxy, all serving the same state. Callers authenticate with the exact
 * API-token header {@code PVEAPIToken=USER@REALM!TOKENID=SECRET} or a ticket cookie from {@code POST
 * /access/ticket}; anything else gets 401. Faults can be set per endpoint to test clients.
 *
 * <p>Thread-safe. Owns its threads ({@code pve-sim-N}) and stops them in {@link #close()}.
 */
public final class PveSimulator implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PveSimulator.class);

  private final ExecutorService executor;
  private final ProxmoxAccess access;
  private final PveRouter router;
  private final String fingerprint;
  private final List<ProxmoxEndpoint> endpoints = new ArrayList<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final Map<String, AtomicInteger> requestsByPath = new ConcurrentHashMap<>();
  private final Map<String, Duration> nodeLatency = new ConcurrentHashMap<>();

  private PveSimulator(Builder b) {
    SimulatorTls tls = SimulatorTls.load();
    this.fingerprint = tls.fingerprint();
    this.access = b.access();
    this.router = new PveRouter(PveFleet.homelabWith(b.clockForScenario(), b.extraGuests).withNodeAddresses(b.nodeAddresses));
    this.executor = SimulatorRuntime.threads("pve-sim", 4 * b.endpoints);
    for (int i = 0; i < b.endpoints; i++) {
      ProxmoxEndpoint[] self = new ProxmoxEndpoint[1];
      InetSocketAddress bind = i == 0 ? b.address() : new InetSocketAddress(b.address().getAddress(), 0);
      self[0] = new ProxmoxEndpoint(bind, tls.context(), executor,
          exchange -> handle(exchange, self[0]));
      endpoints.add(self[0]);
    }
    LOG.info("PVE simulator listening on {} (certificate SHA-256 {})", baseUrls(), fingerprint);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The first endpoint's address, for example {@code https://127.0.0.1:8006}. */
  public URI baseUrl() {
    return endpoints.get(0).baseUrl();
  }

  public List<URI> baseUrls() {
    return endpoints.stream().map(ProxmoxEndpoint::baseUrl).toList();
  }

  /** Sets the fault of one endpoint (0 is the first). */
  public void setEndpointFault(int index, Fault fault) {
    endpoints.get(index).setFault(fault);
  }

  /** Delays every answer of one endpoint. */
  public void setEndpointLatency(int index, Duration latency) {
    endpoints.get(index).setLatency(latency);
  }

  public int port() {
    return endpoints.get(0).port();
  }

  /** The certificate's SHA-256 fingerprint, uppercase and colon-separated. */
  public String fingerprint() {
    return fingerprint;
  }

  /** How many API requests all endpoints have answered, authorised or not. */
  public int requestCount() {
    return requests.get();
  }

  /** How many requests have been made to paths starting with the prefix, for example {@code /nodes/}. */
  public int requestCount(String pathPrefix) {
    return requestsByPath.entrySet().stream().filter(e -> e.getKey().startsWith(pathPrefix))
        .mapToInt(e -> e.getValue().get()).sum();
  }

  /**
   * Answers one API path ({@code /access/permissions}) with this HTTP status and no data on every
   * endpoint, as a release without it (404, 501), a proxy or a refusal (403) would; 0 serves it again.
   */
  public void setPathStatus(String apiPath, int status) {
    endpoints.forEach(e -> e.setPathStatus(apiPath, status));
  }

  /** Delays every answer of every endpoint. */
  public void setLatency(Duration latency) {
    endpoints.forEach(e -> e.setLatency(latency));
  }

  /** Sets the fault of every endpoint. */
  public void setFault(Fault fault) {
    endpoints.forEach(e -> e.setFault(fault));
  }

  /** Delays every answer about one node ({@code /nodes/{node}/…}), as a node busy with I/O would. */
  public void setNodeLatency(String node, Duration latency) {
    nodeLatency.put(node, Objects.requireNonNull(latency));
  }

  /** Takes a node offline (its figures vanish, its guests turn unknown) or brings it back. */
  public void setNodeOnline(String node, boolean online) {
    router.fleet().setOnline(node, online);
  }

  /** Fills a storage (for example {@code nas-backup}) to this fraction, 0–1, on every node. */
  public void setStorageUsage(String storage, double fraction) {
    router.fleet().setStorageUsage(storage, fraction);
  }

  /** Invalidates every ticket issued so far; clients must log in again. */
  public void expireTickets() {
    access.expireTickets();
  }

  private void handle(HttpExchange exchange, ProxmoxEndpoint endpoint) throws IOException {
    try (exchange) {
      requests.incrementAndGet();
      String path = exchange.getRequestURI().getPath();
      String apiPath = path.startsWith("/api2/json") ? path.substring("/api2/json".length()) : path;
      requestsByPath.computeIfAbsent(apiPath, k -> new AtomicInteger()).incrementAndGet();
      if (SimulatorRuntime.delayAndAnswerFault(exchange, endpoint)) {
        return;
      }
      if (!path.startsWith("/api2/json/")) {
        JsonExchange.sendText(exchange, 404, "not found");
        return;
      }
      nodeLatency.forEach((node, delay) -> {
        if (apiPath.startsWith("/nodes/" + node + "/")) {
          pause(delay);
        }
      });
      ProxmoxAccess.Principal principal = access.admit(exchange, apiPath);
      if (principal == null) {
        return;
      }
      if (!exchange.getRequestMethod().equals("GET")) {
        JsonExchange.notServed(exchange, "PVE", exchange.getRequestMethod(), apiPath);
        return;
      }
      PveRouter.Answer answer = router.get(apiPath, exchange.getRequestURI().getQuery(), principal.privileged());
      if (answer.status() == 501) {
        JsonExchange.notServed(exchange, "PVE", "GET", apiPath);
      } else {
        JsonExchange.send(exchange, answer.status(), map("data", answer.data()));
      }
    }
  }

  private static void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    endpoints.forEach(ProxmoxEndpoint::close);
    SimulatorRuntime.stop(executor);
  }

  /** Configures a {@link PveSimulator}. */
  public static final class Builder extends ProxmoxSimulatorBuilder<Builder> {
    private int endpoints = 1;
    private int extraGuests;
    private final java.util.Map<String, String> nodeAddresses = new java.util.HashMap<>();

    private Builder() {}

    /**
     * Gives a node (pve1, pve2 or pve3) another cluster address, for example this machine's own, so
     * that an agent running here is recognised as that node.
     */
    public Builder nodeAddress(String node, String ip) {
      nodeAddresses.put(node, ip);
      return this;
    }

    private ProxmoxAccess access() {
      return access("PVE", '=', "pulse@pve!monitor");
    }

    private InetSocketAddress address() {
      return listenAddress();
    }

    private Clock clockForScenario() {
      return scenarioClock();
    }

    /** How many endpoints (one per node's pveproxy) to open; default 1. The first uses {@link #port}. */
    public Builder endpoints(int count) {
      if (count < 1) {
        throw new IllegalArgumentException("at least one endpoint");
      }
      this.endpoints = count;
      return this;
    }

    /** Adds this many running guests to the demo cluster, to see how clients cope with a large one. */
    public Builder extraGuests(int count) {
      if (count < 0) {
        throw new IllegalArgumentException("extraGuests must not be negative");
      }
      this.extraGuests = count;
      return this;
    }

    public PveSimulator start() {
      return new PveSimulator(this);
    }
  }
}
