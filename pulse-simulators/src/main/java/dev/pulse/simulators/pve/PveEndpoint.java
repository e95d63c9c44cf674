package dev.pulse.simulators.pve;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsServer;
import dev.pulse.simulators.internal.SimulatorServers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;

/**
 * One node's pveproxy: an HTTPS listener of the simulated cluster with faults of its own. {@link
 * PveSimulator.Fault#REFUSED} closes the listening socket, so clients get "connection refused";
 * clearing the fault opens it again on the same port. Thread-safe.
 */
public final class PveEndpoint {

  private final InetSocketAddress address;
  private final SSLContext tls;
  private final Executor executor;
  private final HttpHandler handler;
  private HttpsServer server;
  private volatile Duration latency = Duration.ZERO;
  private volatile PveSimulator.Fault fault = PveSimulator.Fault.NONE;

  PveEndpoint(InetSocketAddress bind, SSLContext tls, Executor executor, HttpHandler handler) {
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

  public synchronized void setFault(PveSimulator.Fault fault) {
    Objects.requireNonNull(fault);
    if (fault == PveSimulator.Fault.REFUSED && server != null) {
      server.stop(0);
      server = null;
    } else if (fault != PveSimulator.Fault.REFUSED && server == null) {
      server = open(address);
    }
    this.fault = fault;
  }

  Duration latency() {
    return latency;
  }

  PveSimulator.Fault fault() {
    return fault;
  }

  synchronized void close() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
  }
}
