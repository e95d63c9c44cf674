package dev.pulse.simulators;

import com.sun.net.httpserver.HttpExchange;
import dev.pulse.simulators.internal.ProxmoxAccess;
import dev.pulse.simulators.internal.ProxmoxEndpoint;
import dev.pulse.simulators.internal.SimulatorRuntime;
import dev.pulse.simulators.internal.SimulatorTls;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;

/**
 * A simulated Proxmox product served on one HTTPS endpoint (PBS, PMG): its listener, its threads
 * ({@code <name>-sim-N}), its faults and its logins. Subclasses answer the requests and call {@link
 * #listen} once they are ready to. {@link #close()} stops everything.
 */
public abstract class SingleEndpointSimulator implements AutoCloseable {

  private final SimulatorTls tls = SimulatorTls.load();
  private final ExecutorService executor;
  private final ProxmoxAccess access;
  private ProxmoxEndpoint endpoint;

  protected SingleEndpointSimulator(String threadPrefix, ProxmoxAccess access) {
    this.executor = SimulatorRuntime.threads(threadPrefix, 4);
    this.access = access;
  }

  /** Opens the listener; call it last in the subclass's constructor. */
  protected final void listen(InetSocketAddress address) {
    endpoint = new ProxmoxEndpoint(address, tls.context(), executor, this::handle);
  }

  /** Answers one request; the endpoint's latency and faults have not been applied yet. */
  protected abstract void handle(HttpExchange exchange) throws IOException;

  protected final ProxmoxAccess access() {
    return access;
  }

  protected final ProxmoxEndpoint endpoint() {
    return endpoint;
  }

  public URI baseUrl() {
    return endpoint.baseUrl();
  }

  /** The certificate's SHA-256 fingerprint, uppercase and colon-separated. */
  public String fingerprint() {
    return tls.fingerprint();
  }

  public void setFault(Fault fault) {
    endpoint.setFault(fault);
  }

  /** Answers one API path with this HTTP status and no data; 0 serves it again. */
  public void setPathStatus(String apiPath, int status) {
    endpoint.setPathStatus(apiPath, status);
  }

  /** Answers one API path with 200 and this data, as another release might; {@code null} serves it again. */
  public void setPathData(String apiPath, Object data) {
    endpoint.setPathData(apiPath, data);
  }

  public void setLatency(Duration latency) {
    endpoint.setLatency(latency);
  }

  /** Invalidates every ticket issued so far; clients must log in again. */
  public void expireTickets() {
    access.expireTickets();
  }

  @Override
  public void close() {
    endpoint.close();
    SimulatorRuntime.stop(executor);
  }
}
