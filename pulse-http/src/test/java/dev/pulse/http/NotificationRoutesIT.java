package dev.pulse.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /api/notifications} over real HTTP: channels with write-only secrets, tests, the queue. */
class NotificationRoutesIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  private HttpFixture fx;

  @BeforeEach
  void setUp() {
    fx = new HttpFixture(false);
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    return fx.send(method, path, body, HttpFixture.TOKEN);
  }

  private void refused(HttpResponse<String> r, String field) throws Exception {
    assertEquals(400, r.statusCode(), r.body());
    assertEquals(field, JSON.readTree(r.body()).path("field").asText(), r.body());
  }

  @Test
  void aChannelsSecretsAreWriteOnlyAndKeptWhenTheChannelChanges() throws Exception {
    HttpResponse<String> created = send("POST", "/api/notifications/channels",
        "{\"name\":\"ops\",\"type\":\"slack\",\"settings\":{\"url\":\"https://hooks.example.com/T/B/x\"},\"secrets\":{\"hmacSecret\":\"hunter2\"}}");
    assertEquals(201, created.statusCode(), created.body());
    assertFalse(created.body().contains("hunter2"));
    String id = JSON.readTree(created.body()).get("id").asText();
    assertEquals("set", JSON.readTree(created.body()).at("/secrets/hmacSecret").asText());

    HttpResponse<String> renamed = send("PUT", "/api/notifications/channels/" + id,
        "{\"name\":\"ops chat\",\"type\":\"slack\",\"settings\":{\"url\":\"https://hooks.example.com/T/B/y\"}}");
    assertEquals(200, renamed.statusCode(), renamed.body());
    assertEquals("set", JSON.readTree(renamed.body()).at("/secrets/hmacSecret").asText(), "left out: kept");
    String listed = fx.get("/api/notifications/channels", HttpFixture.TOKEN).body();
    assertTrue(listed.contains("ops chat") && !listed.contains("hunter2"), listed);
    assertEquals(204, send("DELETE", "/api/notifications/channels/" + id, null).statusCode());
    assertEquals(404, send("DELETE", "/api/notifications/channels/" + id, null).statusCode());
  }

  @Test
  void badChannelsAreRefusedNamingTheField() throws Exception {
    refused(send("POST", "/api/notifications/channels", "{\"name\":\"x\",\"type\":\"carrier-pigeon\"}"), "type");
    refused(send("POST", "/api/notifications/channels", "{\"name\":\"x\",\"type\":\"email\",\"settings\":{\"from\":\"a@b\",\"to\":\"c@d\"}}"),
        "settings.host");
    refused(send("POST", "/api/notifications/channels", "{\"name\":\"x\",\"type\":\"discord\",\"settings\":{\"url\":\"file:///etc/passwd\"}}"),
        "settings.url");
    refused(send("POST", "/api/notifications/channels", "{\"type\":\"discord\",\"settings\":{\"url\":\"https://a.example\"}}"), "name");
    refused(fx.send("GET", "/api/notifications/queue?state=lost", null, HttpFixture.TOKEN), "state");
    refused(send("POST", "/api/notifications/channels", "{\"name\":\"x\",\"type\":\"discord\",\"settings\":{\"url\":\"https://a.example\"},"
        + "\"quietHours\":{\"start\":\"22:00\",\"end\":\"08:00\",\"zone\":\"Mars/Olympus\"}}"), "quietHours.zone");
    refused(send("POST", "/api/notifications/channels", "{\"name\":\"x\",\"type\":\"discord\",\"settings\":{\"url\":\"https://a.example\"},"
        + "\"maxPerHour\":-1}"), "maxPerHour");
  }

  @Test
  void quietHoursAndTheHourlyLimitAreKept() throws Exception {
    HttpResponse<String> created = send("POST", "/api/notifications/channels", "{\"name\":\"night\",\"type\":\"ntfy\","
        + "\"settings\":{\"url\":\"https://ntfy.example/pulse\"},\"maxPerHour\":12,"
        + "\"quietHours\":{\"start\":\"22:00\",\"end\":\"07:30\",\"zone\":\"Europe/Berlin\"}}");
    assertEquals(201, created.statusCode(), created.body());
    JsonNode c = JSON.readTree(created.body());
    assertEquals(12, c.get("maxPerHour").asInt());
    assertEquals("07:30", c.at("/quietHours/end").asText());
    assertEquals("[\"performance\",\"storage\"]", c.at("/quietHours/categories").toString(), "the default categories");
  }

  @Test
  void aTestSendSaysWhyItFailed() throws Exception {
    HttpResponse<String> created = send("POST", "/api/notifications/channels",
        "{\"name\":\"local\",\"type\":\"webhook\",\"settings\":{\"url\":\"http://127.0.0.1:9/hook\"}}");
    String id = JSON.readTree(created.body()).get("id").asText();
    JsonNode result = JSON.readTree(send("POST", "/api/notifications/channels/" + id + "/test", null).body());
    assertFalse(result.get("ok").asBoolean());
    assertEquals("Pulse cannot send to webhook channels", result.get("error").asText(), "this server has no webhook sender");
  }
}
