package dev.pulse.adapters.truenas.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.domain.connection.FailureWords;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON-RPC 2.0 over {@code wss://host/api/current}, as TrueNAS 25.04+ speaks it: one socket, logged
 * in once with {@code auth.login_ex}, calls matched to answers by id, each with its own timeout.
 * After logging in it subscribes to the event sources it was given (such as {@code
 * reporting.realtime}, pushed every 2 s) and keeps the newest {@code collection_update} of each.
 * A dropped socket fails the calls in flight; the next call opens a new one and subscribes again.
 * Internal: not API.
 */
public final class RpcTransport implements TrueNasTransport {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Logger LOG = LoggerFactory.getLogger(RpcTransport.class);

  private final HttpClient http;
  private final URI uri;
  private final String apiKey;
  private final Duration timeout;
  private final List<String> subscriptions;
  private final Clock clock;
  private final Map<String, LiveEvent> events = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private WebSocket socket;

  /** Thrown when the server has no JSON-RPC WebSocket (TrueNAS CORE, or a REST-only release). */
  public static final class NotSupported extends IOException {
    private static final long serialVersionUID = 1L;

    NotSupported(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The newest event of one subscribed source, and when it arrived. */
  private record LiveEvent(JsonNode fields, Instant receivedAt) {}

  /** @param subscriptions event sources to subscribe to after each login, such as {@code app.stats} */
  public RpcTransport(HttpClient http, URI base, String apiKey, Duration timeout, List<String> subscriptions, Clock clock) {
    this.subscriptions = List.copyOf(subscriptions);
    this.clock = clock;
    this.http = http;
    String scheme = "https".equalsIgnoreCase(base.getScheme()) ? "wss" : "ws";
    this.uri = URI.create(scheme + "://" + base.getRawAuthority() + "/api/current");
    this.apiKey = apiKey;
    this.timeout = timeout;
  }

  @Override
  public String name() {
    return "websocket";
  }

  @Override
  public synchronized JsonNode call(String method, List<Object> params) throws IOException, InterruptedException {
    if (socket == null || socket.isOutputClosed() || socket.isInputClosed()) {
      open();
    }
    return send(method, params);
  }

  private void open() throws IOException, InterruptedException {
    try {
      socket = http.newWebSocketBuilder().connectTimeout(timeout).buildAsync(uri, new Listener())
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof WebSocketHandshakeException h) {
        throw new NotSupported(uri + " answered HTTP " + h.getResponse().statusCode() + " instead of a WebSocket", h);
      }
      throw new IOException("cannot open " + uri.getPath() + ": " + FailureWords.of(e.getCause(), uri.getAuthority(), null),
          e.getCause());
    } catch (TimeoutException e) {
      throw new IOException("no WebSocket from " + uri + " within " + timeout.toMillis() + " ms");
    }
    JsonNode login = send("auth.login_ex", List.of(Map.of("mechanism", "API_KEY_PLAIN", "username", "root", "api_key", apiKey)));
    String outcome = login.path("response_type").asText("");
    if (!outcome.equals("SUCCESS")) {
      // login_ex wants the key's owner as the username; the older call needs only the key
      JsonNode legacy = send("auth.login_with_api_key", List.of(apiKey));
      if (!legacy.asBoolean(false)) {
        socket.abort();
        socket = null;
        throw new AuthenticationFailed("TrueNAS refused the API key (" + (outcome.isEmpty() ? login : outcome) + ")");
      }
    }
    for (String source : subscriptions) {
      try {
        send("core.subscribe", List.of(source));
      } catch (IOException e) { // a release without this source: its figures stay unknown
        LOG.debug("TrueNAS at {} has no event source {}: {}", uri, source, e.getMessage());
      }
    }
  }

  @Override
  public Optional<JsonNode> latest(String source, Duration maxAge) {
    LiveEvent event = events.get(source);
    if (event == null || event.receivedAt().isBefore(clock.instant().minus(maxAge))) {
      return Optional.empty();
    }
    return Optional.of(event.fields());
  }

  private JsonNode send(String method, List<Object> params) throws IOException, InterruptedException {
    long id = ids.incrementAndGet();
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("jsonrpc", "2.0");
    request.put("id", id);
    request.put("method", method);
    request.put("params", params);
    try {
      socket.sendText(JSON.writeValueAsString(request), true).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      JsonNode reply = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (reply.has("error")) {
        JsonNode error = reply.path("error");
        String reason = error.at("/data/reason").asText(error.path("message").asText("error"));
        throw new IOException(method + " failed: " + reason + " (" + error.path("code").asInt() + ")");
      }
      return reply.path("result");
    } catch (ExecutionException e) {
      throw new IOException(method + ": " + FailureWords.of(e.getCause(), uri.getAuthority(), null), e.getCause());
    } catch (TimeoutException e) {
      throw new IOException(method + " got no answer within " + timeout.toMillis() + " ms");
    } finally {
      pending.remove(id);
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        try {
          JsonNode message = JSON.readTree(text);
          CompletableFuture<JsonNode> waiting = message.has("id") ? pending.get(message.path("id").asLong()) : null;
          if (waiting != null) {
            waiting.complete(message);
          } else if ("collection_update".equals(message.path("method").asText())) {
            JsonNode params = message.path("params");
            String source = params.path("collection").asText("");
            if (subscriptions.contains(source) && params.has("fields")) {
              events.put(source, new LiveEvent(params.path("fields"), clock.instant()));
            }
          } // answers to calls that timed out are dropped
        } catch (IOException e) {
          ws.abort(); // first, so that no new call goes out on this socket
          IOException junk = new IOException("TrueNAS sent a frame that is not JSON");
          List.copyOf(pending.values()).forEach(f -> f.completeExceptionally(junk));
          return null;
        }
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
      IOException closed = new IOException("TrueNAS closed the WebSocket (" + status + (reason.isEmpty() ? "" : " " + reason) + ")");
      List.copyOf(pending.values()).forEach(f -> f.completeExceptionally(closed));
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      IOException failed = new IOException("the WebSocket failed: " + FailureWords.of(error, uri.getAuthority(), null), error);
      List.copyOf(pending.values()).forEach(f -> f.completeExceptionally(failed));
    }
  }

  @Override
  public synchronized void close() {
    if (socket != null) {
      socket.abort();
      socket = null;
    }
  }
}
