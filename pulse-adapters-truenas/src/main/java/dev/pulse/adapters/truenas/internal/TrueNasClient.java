package dev.pulse.adapters.truenas.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.adapters.truenas.TrueNasEndpoint;
import dev.pulse.domain.connection.tls.TlsTrust;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

/**
 * Calls a TrueNAS system's API over the best transport it has: JSON-RPC over a WebSocket, or REST
 * where there is none (found once, then kept). Refuses, before anything is sent, to carry the API
 * key over plain {@code http}/{@code ws} unless the operator allowed it: TrueNAS revokes a key it
 * receives in clear text. Internal: not API.
 */
public final class TrueNasClient implements AutoCloseable {

  private final TrueNasEndpoint endpoint;
  private final HttpClient http;
  private final Duration timeout;
  private TrueNasTransport transport;

  /** The endpoint is plain {@code http} and the operator did not allow it. */
  public static final class InsecureTransport extends IOException {
    private static final long serialVersionUID = 1L;

    InsecureTransport(String message) {
      super(message);
    }
  }

  public TrueNasClient(TrueNasEndpoint endpoint, Duration timeout) {
    this.endpoint = endpoint;
    this.timeout = timeout;
    HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout);
    if (!endpoint.plaintext()) {
      builder.sslContext(TlsTrust.context(endpoint.fingerprints(), endpoint.verifyTls()));
    }
    this.http = builder.build();
  }

  public synchronized JsonNode call(String method, List<Object> params) throws IOException, InterruptedException {
    if (endpoint.plaintext() && !endpoint.allowInsecureTransport()) {
      throw new InsecureTransport("refusing to send the API key over plain " + endpoint.url().getScheme()
          + ": TrueNAS revokes keys it receives unencrypted; use https, or allow insecure transport explicitly");
    }
    if (transport == null) {
      transport = new RpcTransport(http, endpoint.url(), endpoint.apiKey().reveal(), timeout);
    }
    try {
      return transport.call(method, params);
    } catch (RpcTransport.NotSupported e) {
      transport = new RestTransport(http, endpoint.url(), endpoint.apiKey().reveal(), timeout); // CORE, or SCALE before 25.04
      return transport.call(method, params);
    }
  }

  /** {@code websocket}, {@code rest}, or {@code none} before the first call. */
  public synchronized String transport() {
    return transport == null ? "none" : transport.name();
  }

  @Override
  public synchronized void close() {
    if (transport != null) {
      transport.close();
    }
  }
}
