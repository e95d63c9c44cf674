package dev.pulse.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StateSocketIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static WebSocket connect(HttpFixture fx, String query, String header, BlockingQueue<JsonNode> inbox) throws Exception {
    WebSocket.Builder b = fx.client.newWebSocketBuilder();
    if (header != null) {
      b.header("Authorization", "Bearer " + header);
    }
    URI uri = URI.create("ws://127.0.0.1:" + fx.server.port() + "/ws" + (query == null ? "" : "?" + query));
    return b.buildAsync(uri, new WebSocket.Listener() {
      private final StringBuilder text = new StringBuilder();

      @Override
      public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
          try {
            inbox.add(JSON.readTree(text.toString()));
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          text.setLength(0);
        }
        ws.request(1);
        return null;
      }
    }).get(10, TimeUnit.SECONDS);
  }

  @Test
  void aClientGetsTheInitialStateThenDeltasWithGrowingVersions() throws Exception {
    try (HttpFixture fx = new HttpFixture(false)) {
      BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
      WebSocket ws = connect(fx, null, HttpFixture.TOKEN, inbox);

      JsonNode first = inbox.poll(10, TimeUnit.SECONDS);
      assertEquals("initialState", first.get("type").asText());
      long version = first.at("/data/version").asLong();
      assertTrue(first.at("/data/resources").isArray());

      JsonNode delta = inbox.poll(10, TimeUnit.SECONDS);
      while (delta != null && delta.at("/data/upserts").size() == 0 && delta.at("/data/removed").size() == 0) {
        delta = inbox.poll(10, TimeUnit.SECONDS);
      }
      assertEquals("delta", delta.get("type").asText());
      assertTrue(delta.at("/data/version").asLong() > version);
      assertTrue(delta.at("/data/upserts").size() >= 1);
      ws.abort();
    }
  }

  @Test
  void theTokenMayComeAsAQueryParameterForBrowsers() throws Exception {
    try (HttpFixture fx = new HttpFixture(false)) {
      BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
      WebSocket ws = connect(fx, "token=" + HttpFixture.TOKEN, null, inbox);
      assertEquals("initialState", inbox.poll(10, TimeUnit.SECONDS).get("type").asText());
      ws.abort();
    }
  }

  @Test
  void aSocketWithoutTheTokenIsRefused() throws Exception {
    try (HttpFixture fx = new HttpFixture(false)) {
      ExecutionException e = assertThrows(ExecutionException.class,
          () -> connect(fx, "token=wrong", null, new LinkedBlockingQueue<>()));
      assertTrue(String.valueOf(e.getCause()).contains("401") || e.getCause() instanceof java.net.http.WebSocketHandshakeException,
          String.valueOf(e.getCause()));
    }
  }
}
