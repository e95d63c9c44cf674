package dev.pulse.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** {@code /api/alerts} and the WebSocket's alert messages over real HTTP. */
class AlertRoutesIT extends RunningServer {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** The fake node's CPU is always at least 0: with a trigger of 0 and no delay it fires at once. */
  private static final String ALWAYS = "{\"rules\":{\"cpu\":{\"warning\":{\"trigger\":0,\"clear\":0},\"delaySeconds\":0}}}";

  private JsonNode ok(HttpResponse<String> r) throws Exception {
    assertEquals(200, r.statusCode(), r.body());
    return JSON.readTree(r.body());
  }

  private void refused(HttpResponse<String> r, int status, String field) throws Exception {
    assertEquals(status, r.statusCode(), r.body());
    assertEquals(field, JSON.readTree(r.body()).path("field").asText(null), r.body());
  }

  @Test
  void tuningARuleFiresAnAlertThatIsListedToldOverTheSocketAndAcknowledged() throws Exception {
    try (StateSocketClient socket = StateSocketClient.connect(URI.create("ws://127.0.0.1:" + fx.server.port() + "/ws"),
        HttpFixture.TOKEN)) {
      assertEquals("initialState", socket.next(10).get("type").asText());
      JsonNode config = ok(fx.send("PUT", "/api/alerts/config", ALWAYS, HttpFixture.TOKEN));
      assertEquals(0.0, config.at("/rules/cpu/warning/trigger").asDouble());

      JsonNode message = socket.next(10);
      while (!message.get("type").asText().equals("alert")) {
        message = socket.next(10);
      }
      assertEquals("fired", message.at("/data/event").asText());
      assertEquals("cpu@s1:node-pve1", message.at("/data/alert/id").asText());
    }
    JsonNode active = ok(fx.get("/api/alerts/active", HttpFixture.TOKEN)).get("alerts");
    assertEquals(1, active.size());
    assertEquals("firing", active.get(0).get("state").asText());
    assertEquals("warning", active.get(0).get("level").asText());
    assertTrue(active.get(0).get("message").asText().startsWith("CPU "));

    JsonNode acked = ok(fx.send("POST", "/api/alerts/cpu@s1:node-pve1/acknowledge", null, HttpFixture.TOKEN));
    assertEquals("admin", acked.at("/acknowledged/by").asText());
    JsonNode history = ok(fx.get("/api/alerts/history", HttpFixture.TOKEN)).get("entries");
    assertEquals("acknowledged", history.get(0).get("type").asText());
    assertEquals("admin", history.get(0).get("actor").asText());
    refused(fx.send("POST", "/api/alerts/nope/acknowledge", null, HttpFixture.TOKEN), 404, "id");
  }

  @Test
  void badTuningIsRefusedNamingTheFieldAndNothingStoredIsLost() throws Exception {
    ok(fx.send("PUT", "/api/alerts/config", ALWAYS, HttpFixture.TOKEN));
    refused(fx.send("PUT", "/api/alerts/config", "{\"rules\":{\"cpu\":{\"warning\":{\"trigger\":80,\"clear\":90}}}}",
        HttpFixture.TOKEN), 400, "rules.cpu.warning.clear");
    refused(fx.send("PUT", "/api/alerts/config", "{\"rules\":{\"bogus\":{\"enabled\":false}}}", HttpFixture.TOKEN), 400,
        "rules.bogus");
    refused(fx.send("PUT", "/api/alerts/config", "{\"resources\":{\"x\":{\"thresholds\":{\"offline\":{\"warning\":{\"trigger\":1}}}}}}",
        HttpFixture.TOKEN), 400, "resources.x.thresholds.offline");
    refused(fx.send("PUT", "/api/alerts/config", "{\"flapping\":{\"changes\":1}}", HttpFixture.TOKEN), 400, "flapping.changes");

    assertEquals(0.0, ok(fx.get("/api/alerts/config", HttpFixture.TOKEN)).at("/rules/cpu/warning/trigger").asDouble(),
        "the tuning before the bad requests is kept");
  }

  @Test
  void changingAlertsNeedsATokenAllowedToWrite() throws Exception {
    assertEquals(401, fx.send("POST", "/api/alerts/bulk/clear", "{\"ids\":[\"x\"]}", null).statusCode());
    String reader = issue("monitoring:read");
    assertEquals(403, fx.send("POST", "/api/alerts/bulk/clear", "{\"ids\":[\"x\"]}", reader).statusCode());
    assertEquals(403, fx.send("PUT", "/api/alerts/config", ALWAYS, reader).statusCode());
    assertEquals(200, fx.get("/api/alerts/active", reader).statusCode());
    assertEquals(200, fx.get("/api/alerts/rules", reader).statusCode());
  }

  private String issue(String scope) throws Exception {
    HttpResponse<String> r = fx.send("POST", "/api/security/tokens", "{\"name\":\"reader\",\"scopes\":[\"" + scope + "\"]}",
        HttpFixture.TOKEN);
    assertEquals(201, r.statusCode(), r.body());
    return JSON.readTree(r.body()).get("token").asText();
  }
}
