package dev.pulse.adapters.truenas.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.adapters.truenas.TrueNasEndpoint;
import dev.pulse.domain.connection.tls.TlsTrust;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Calls a TrueNAS system's API over the best transport it has: JSON-RPC over a WebSocket, or REST
 * where there is none (found once, then kept). Refuses, before anything is sent, to carry the API
 * key over plain {@code http}/{@code ws} unless the operator allowed it: TrueNAS revokes a key it
 * receives in clear text. When TrueNAS cannot be reached it waits 5 s, doubling up to 5 min, before
 * connecting again, failing calls in between at once. Internal: not API.
 */
public final class TrueNasClient implements AutoCloseable {

  private static final Duration FIRST_WAIT = Duration.ofSeconds(5);
  private static final Duration LONGEST_WAIT = Duration.ofMinutes(5);

  private final TrueNasEndpoint endpoint;
  private final HttpClient http;
  private final Duration timeout;
  private final Clock clock;
  private final List<String> subscriptions;
  private TrueNasTransport transport;
  private Instant retryAt;
  private Duration wait = FIRST_WAIT;

  /** The endpoint is plain {@code http} and the operator did not allow it. */
  public static final class InsecureTransport extends IOException {
    private static final long serialVersionUID = 1L;

    InsecureTransport(String message) {
      super(message);
    }
  }

  /** A client that subscribes to no events: for one-off calls such as a connection test. */
  public TrueNasClient(TrueNasEndpoint endpoint, Duration timeout, Clock clock) {
    this(endpoint, timeout, clock, List.of());
  }

  /** @param subscriptions event sources to keep the newest event of, such as {@code reporting.realtime} */
  public TrueNasClient(TrueNasEndpoint endpoint, Duration timeout, Clock clock, List<String> subscriptions) {
    this.subscriptions = List.copyOf(subscriptions);
    this.endpoint = endpoint;
    this.timeout = timeout;
    this.clock = clock;
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
    Instant now = clock.instant();
    if (retryAt != null && now.isBefore(retryAt)) { // back off instead of hammering a system that is down
      throw new IOException("TrueNAS could not be reached; trying again in " + Duration.between(now, retryAt).toSeconds() + " s");
    }
    if (transport == null) {
      transport = new RpcTransport(http, endpoint.url(), endpoint.apiKey().reveal(), timeout, subscriptions, clock);
    }
    try {
      JsonNode result;
      try {
        result = transport.call(method, params);
      } catch (RpcTransport.NotSupported e) {
        transport = new RestTransport(http, endpoint.url(), endpoint.apiKey().reveal(), timeout); // CORE, or SCALE before 25.04
        result = transport.call(method, params);
      }
      retryAt = null;
      wait = FIRST_WAIT;
      return result;
    } catch (java.net.ConnectException | java.net.http.HttpConnectTimeoutException e) {
      backOff(now);
      throw e;
    } catch (IOException e) {
      if (e.getCause() instanceof java.net.ConnectException || e.getCause() instanceof java.net.http.HttpConnectTimeoutException) {
        backOff(now); // the WebSocket wraps a refused connection
      }
      throw e;
    }
  }

  /** After a failed connection: wait 5 s, doubling to 5 min, before the next attempt. */
  private void backOff(Instant now) {
    retryAt = now.plus(wait);
    wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
  }

  /** The newest event of a subscribed source no older than {@code maxAge}; empty over REST. */
  public synchronized Optional<JsonNode> latest(String source, Duration maxAge) {
    return transport == null ? Optional.empty() : transport.latest(source, maxAge);
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
