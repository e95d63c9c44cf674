package dev.pulse.simulators.internal;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsServer;
import dev.pulse.simulators.Fault;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;

/**
 * One HTTPS listener of a simulated Proxmox product (a PVE node's pveproxy, a PBS or PMG server)
 * with faults of its own. {@link Fault#REFUSED} closes the listening socket, so clients get
 * "connection refused"; clearing the fault opens it again on the same port. Thread-safe.
 * Internal: not API.
 */
public final class ProxmoxEndpoint {

  private final InetSocketAddress address;
  private final SSLContext tls;
  private final Executor executor;
  private final HttpHandler handler;
  private HttpsServer server;
  private volatile Duration latency = Duration.ZERO;
  private volatile Fault fault = Fault.NONE;
  private final Map<String, Integer> pathStatus = new ConcurrentHashMap<>();
  private final Map<String, Object> pathData = new ConcurrentHashMap<>();

  public ProxmoxEndpoint(InetSocketAddress bind, SSLContext tls, Executor executor, HttpHandler handler) {
    this.tls = tls;
    this.executor = executor;
    this.handler = handler;
    this.server = open(bind);
    this.address = server.getAddress();
  }

  private HttpsServer open(InetSocketAddress bind) {
    try {
      return SimulatorServers.open(bind, tls, executor, handler);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + bind, e);
    }
  }

  /** The address a client connects to, for example {@code https://127.0.0.1:8006}. */
  public URI baseUrl() {
    String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getAddress().getHostAddress();
    return URI.create("https://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort());
  }

  public int port() {
    return address.getPort();
  }

  /** Delays every answer of this endpoint, to simulate a slow or hanging node. */
  public void setLatency(Duration latency) {
    this.latency = Objects.requireNonNull(latency);
  }

  public synchronized void setFault(Fault fault) {
    Objects.requireNonNull(fault);
    if (fault == Fault.REFUSED && server != null) {
      server.stop(0);
      server = null;
    } else if (fault != Fault.REFUSED && server == null) {
      server = open(address);
    }
    this.fault = fault;
  }

  public Duration latency() {
    return latency;
  }

  /**
   * Answers one API path ({@code /access/permissions}) with this HTTP status and no data from now
   * on, as a release without it (404, 501), a proxy or a refusal (403) would; 0 serves it again.
   */
  public void setPathStatus(String apiPath, int status) {
    if (status == 0) {
      pathStatus.remove(apiPath);
    } else {
      pathStatus.put(apiPath, status);
    }
  }

  /**
   * Answers one API path with 200 and this {@code data} from now on, as another release might (an
   * empty namespace list); {@code null} serves it again.
   */
  public void setPathData(String apiPath, Object data) {
    if (data == null) {
      pathData.remove(apiPath);
    } else {
      pathData.put(apiPath, data);
    }
  }

  /** The data set for an API path, or {@code null}. */
  public Object pathData(String apiPath) {
    return pathData.get(apiPath);
  }

  /** The status set for an API path, or {@code null}. */
  public Integer pathStatus(String apiPath) {
    return pathStatus.get(apiPath);
  }

  public Fault fault() {
    return fault;
  }

  public synchronized void close() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
  }
}
