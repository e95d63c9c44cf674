package dev.pulse.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Changes, refusals and sign-ins land in the audit trail, which can be read, exported and verified. */
class AuditIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpFixture fx = new HttpFixture(false);

  @AfterEach
  void close() {
    fx.close();
  }

  private JsonNode entries(String query) throws Exception {
    HttpResponse<String> r = fx.get("/api/audit" + query, HttpFixture.TOKEN);
    assertEquals(200, r.statusCode(), r.body());
    return JSON.readTree(r.body()).get("entries");
  }

  @Test
  void aChangeIsRecordedWithWhoWhatAndTheResult() throws Exception {
    fx.send("POST", "/api/security/tokens", "{\"name\":\"ci\",\"scopes\":[\"monitoring:read\"]}", HttpFixture.TOKEN);
    JsonNode newest = entries("").get(0);
    assertEquals("admin", newest.get("actor").asText());
    assertEquals("POST /api/security/tokens", newest.get("action").asText());
    assertEquals("success 201", newest.get("outcome").asText());
    assertEquals("127.0.0.1", newest.get("address").asText());
  }

  @Test
  void refusalsAndFailedSignInsAreRecordedButReadsAreNot() throws Exception {
    fx.get("/api/resources", HttpFixture.TOKEN);
    fx.get("/api/resources", null);
    fx.send("POST", "/api/security/login", "{\"username\":\"mallory\",\"password\":\"guess guess guess\"}", null);
    JsonNode all = entries("");
    assertEquals(2, all.size(), all.toString());
    assertEquals("mallory", all.get(0).get("actor").asText());
    assertEquals("denied 401", all.get(0).get("outcome").asText());
    assertEquals("wrong username or password", all.get(0).get("detail").asText());
    assertEquals("GET /api/resources", all.get(1).get("action").asText());
    assertEquals("anonymous", all.get(1).get("actor").asText());
    assertEquals(1, entries("?outcome=denied&action=login").size());
  }

  @Test
  void theTrailVerifiesAndExportsAsCsv() throws Exception {
    for (int i = 0; i < 3; i++) {
      fx.send("POST", "/api/security/tokens", "{\"name\":\"t" + i + "\",\"scopes\":[\"monitoring:read\"]}", HttpFixture.TOKEN);
    }
    JsonNode v = JSON.readTree(fx.get("/api/audit/verify", HttpFixture.TOKEN).body());
    assertTrue(v.get("ok").asBoolean(), v.toString());
    assertEquals(3, v.get("checked").asInt());
    HttpResponse<String> csv = fx.get("/api/audit/export?format=csv", HttpFixture.TOKEN);
    assertTrue(csv.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
    String[] lines = csv.body().split("\n");
    assertEquals("seq,at,actor,action,target,address,outcome,detail,mac", lines[0]);
    assertEquals(4, lines.length, "a header and the three changes (reads are not recorded): " + csv.body());
  }

  @Test
  void badFiltersAreA400NamingThem() throws Exception {
    HttpResponse<String> r = fx.get("/api/audit?since=yesterday", HttpFixture.TOKEN);
    assertEquals(400, r.statusCode());
    assertEquals("since", JSON.readTree(r.body()).get("field").asText());
    assertEquals("limit", JSON.readTree(fx.get("/api/audit?limit=0", HttpFixture.TOKEN).body()).get("field").asText());
  }
}
