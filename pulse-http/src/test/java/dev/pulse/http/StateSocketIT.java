package dev.pulse.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class StateSocketIT {

  private static URI ws(HttpFixture fx, String query) {
    return URI.create("ws://127.0.0.1:" + fx.server.port() + "/ws" + (query == null ? "" : "?" + query));
  }

  @Test
  void aClientGetsTheInitialStateThenDeltasWithGrowingVersions() throws Exception {
    try (HttpFixture fx = new HttpFixture(false);
        StateSocketClient client = StateSocketClient.connect(ws(fx, null), HttpFixture.TOKEN)) {
      JsonNode first = client.next(10);
      assertEquals("initialState", first.get("type").asText());
      assertEquals("type", first.fieldNames().next(), "type comes first, before a large data");
      long version = first.at("/data/version").asLong();
      assertTrue(first.at("/data/resources").isArray());

      JsonNode delta = client.next(10);
      assertEquals("delta", delta.get("type").asText());
      assertEquals("type", delta.fieldNames().next());
      assertTrue(delta.at("/data/version").asLong() > version);
      assertTrue(delta.at("/data/upserts").size() >= 1);
    }
  }

  @Test
  void theTokenMayComeAsAQueryParameterForBrowsers() throws Exception {
    try (HttpFixture fx = new HttpFixture(false);
        StateSocketClient client = StateSocketClient.connect(ws(fx, "token=" + HttpFixture.TOKEN), null)) {
      assertEquals("initialState", client.next(10).get("type").asText());
    }
  }

  @Test
  void aSocketWithoutTheTokenIsRefused() throws Exception {
    try (HttpFixture fx = new HttpFixture(false)) {
      ExecutionException e = assertThrows(ExecutionException.class, () -> StateSocketClient.connect(ws(fx, "token=wrong"), null));
      assertTrue(e.getCause() instanceof java.net.http.WebSocketHandshakeException, String.valueOf(e.getCause()));
      assertEquals(401, ((java.net.http.WebSocketHandshakeException) e.getCause()).getResponse().statusCode());
    }
  }
}
