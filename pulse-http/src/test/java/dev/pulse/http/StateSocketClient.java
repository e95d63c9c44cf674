package dev.pulse.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A test client of the {@code /ws} state stream: collects each JSON message in arrival order. */
public final class StateSocketClient implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
  private final WebSocket socket;

  private StateSocketClient(URI uri, String bearer) throws Exception {
    WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
    if (bearer != null) {
      builder.header("Authorization", "Bearer " + bearer);
    }
    this.socket = builder.buildAsync(uri, new WebSocket.Listener() {
      private final StringBuilder text = new StringBuilder();

      @Override
      public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
          try {
            inbox.add(JSON.readTree(text.toString()));
          } catch (Exception e) {
            throw new IllegalStateException("the server sent a message that is not JSON", e);
          }
          text.setLength(0);
        }
        ws.request(1);
        return null;
      }
    }).get(10, TimeUnit.SECONDS);
  }

  /** Connects to {@code uri}, sending {@code bearer} as the Authorization header unless null. */
  public static StateSocketClient connect(URI uri, String bearer) throws Exception {
    return new StateSocketClient(uri, bearer);
  }

  /** The next message, or {@code null} when none arrives within the time. */
  public JsonNode next(int seconds) throws InterruptedException {
    return inbox.poll(seconds, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    socket.abort();
  }
}
