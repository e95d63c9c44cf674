package dev.pulse.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PulseHttpServerIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String VALID = """
      {"type":"pve","name":"homelab","url":"https://pve1:8006","tokenId":"monitor@pve!pulse",
       "tokenSecret":"11112222-3333-4444-5555-666677778888","fingerprint":null,"verifyTls":true}""";

  private static HttpFixture fx;

  @BeforeAll
  static void start() throws Exception {
    fx = new HttpFixture(false);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (fx.engine.registry().get("s1:qemu-100").isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  private static JsonNode body(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body());
  }

  private static void assertProblem(HttpResponse<String> r, int status, String field) throws Exception {
    assertEquals(status, r.statusCode(), r.body());
    assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
    JsonNode p = body(r);
    assertEquals(status, p.get("status").asInt());
    assertFalse(p.get("title").asText().isEmpty());
    assertFalse(p.get("detail").asText().isEmpty());
    if (field != null) {
      assertEquals(field, p.path("field").asText(), r.body());
    }
  }

  @Test
  void healthAndVersionArePublic() throws Exception {
    assertEquals("ok", body(fx.get("/api/health", null)).get("status").asText());
    assertEquals("1.2.3-test", body(fx.get("/api/version", null)).get("version").asText());
  }

  @Test
  void resourcesNeedATokenByHeaderOrXApiToken() throws Exception {
    assertProblem(fx.get("/api/resources", null), 401, null);
    assertProblem(fx.get("/api/resources", "wrong"), 401, null);
    assertEquals(200, fx.get("/api/resources", HttpFixture.TOKEN).statusCode());
    assertEquals(200, fx.send("GET", "/api/resources", null, HttpFixture.TOKEN).statusCode());
  }

  @Test
  void resourcesFilterByTypeAndPageWithoutChangingTheTotal() throws Exception {
    JsonNode all = body(fx.get("/api/resources?type=vm", HttpFixture.TOKEN));
    assertEquals(2, all.get("total").asInt());
    assertEquals(2, all.get("resources").size());

    JsonNode page = body(fx.get("/api/resources?type=vm&limit=1&offset=1", HttpFixture.TOKEN));
    assertEquals(2, page.get("total").asInt());
    assertEquals(1, page.get("resources").size());

    JsonNode offline = body(fx.get("/api/resources?status=offline&q=DB", HttpFixture.TOKEN));
    assertEquals("db01", offline.at("/resources/0/name").asText());
    assertEquals(3, body(fx.get("/api/resources", HttpFixture.TOKEN)).get("total").asInt(), "no limit means every match");
    assertEquals(2, body(fx.get("/api/resources?parent=s1:node-pve1", HttpFixture.TOKEN)).get("total").asInt());
  }

  @Test
  void unknownMetricsAreNullAndKnownOnesCarryTheirSource() throws Exception {
    JsonNode vm = body(fx.get("/api/resources/s1:qemu-100", HttpFixture.TOKEN));
    assertTrue(vm.get("metrics").get("cpu").isNull());
    assertTrue(vm.get("metrics").get("disk").isNull());
    assertEquals("vm", vm.get("type").asText());
    assertEquals("s1:node-pve1", vm.get("parentId").asText());

    JsonNode node = body(fx.get("/api/resources/s1:node-pve1", HttpFixture.TOKEN));
    assertEquals("test", node.at("/metrics/cpu/source").asText());
    assertEquals("agent", node.get("type").asText());
  }

  @Test
  void badQueryParametersAreNamed() throws Exception {
    assertProblem(fx.get("/api/resources?type=vmx", HttpFixture.TOKEN), 400, "type");
    assertProblem(fx.get("/api/resources?status=sleepy", HttpFixture.TOKEN), 400, "status");
    assertProblem(fx.get("/api/resources?limit=-1", HttpFixture.TOKEN), 400, "limit");
    assertProblem(fx.get("/api/resources?offset=x", HttpFixture.TOKEN), 400, "offset");
    assertProblem(fx.get("/api/resources/nope", HttpFixture.TOKEN), 404, "id");
  }

  @Test
  void badJsonOnCreateIsRejectedAndNothingIsStored() throws Exception {
    int before = fx.store.loadAll().size();

    assertProblem(fx.send("POST", "/api/connections", "{\"type\":\"pve\",", HttpFixture.TOKEN), 400, null);
    assertProblem(fx.send("POST", "/api/connections", "[1,2]", HttpFixture.TOKEN), 400, null);
    assertProblem(fx.send("POST", "/api/connections", "", HttpFixture.TOKEN), 400, null);
    assertProblem(fx.send("POST", "/api/connections", VALID.replace("\"verifyTls\":true", "\"verifyTls\":[]"), HttpFixture.TOKEN), 400, "verifyTls");
    assertProblem(fx.send("POST", "/api/connections", VALID.replace("tokenSecret", "tokenSecert"), HttpFixture.TOKEN), 400, "tokenSecert");
    assertProblem(fx.send("POST", "/api/connections", VALID.replace("monitor@pve!pulse", "monitor"), HttpFixture.TOKEN), 400, "tokenId");
    assertProblem(fx.send("POST", "/api/connections", VALID.replace("https://pve1:8006", "ftp://x"), HttpFixture.TOKEN), 400, "url");
    assertProblem(fx.send("POST", "/api/connections", VALID.replace("\"verifyTls\":true", "\"intervals\":{\"slow\":1}"),
        HttpFixture.TOKEN), 400, "intervals.slow");

    assertEquals(before, fx.store.loadAll().size());
  }

  @Test
  void anOversizedBodyGets413AndNothingIsStored() throws Exception {
    int before = fx.store.loadAll().size();
    String huge = VALID.replace("homelab", "x".repeat(10_000));

    assertProblem(fx.send("POST", "/api/connections", huge, HttpFixture.TOKEN), 413, null);
    assertEquals(before, fx.store.loadAll().size());
  }

  @Test
  void aCreatedConnectionIsStoredListedNeverEchoesItsSecretAndCanBeDeleted() throws Exception {
    HttpResponse<String> created = fx.send("POST", "/api/connections", VALID.replace("homelab", "lab-create"), HttpFixture.TOKEN);
    assertEquals(201, created.statusCode(), created.body());
    assertFalse(created.body().contains("11112222"), "the secret is never sent back");
    JsonNode c = body(created);
    assertTrue(c.get("secretSet").asBoolean());
    assertEquals("token", c.get("authType").asText());
    assertEquals("https://pve1:8006", c.at("/endpoints/0").asText());
    String id = c.get("id").asText();
    assertTrue(fx.store.loadAll().stream().anyMatch(s -> s.id().equals(id)));

    HttpResponse<String> list = fx.get("/api/connections", HttpFixture.TOKEN);
    assertTrue(list.body().contains(id));
    assertFalse(list.body().contains("11112222"));

    assertProblem(fx.send("POST", "/api/connections", VALID.replace("homelab", "lab-create"), HttpFixture.TOKEN), 400, "name");

    assertEquals(204, fx.send("DELETE", "/api/connections/" + id, null, HttpFixture.TOKEN).statusCode());
    assertTrue(fx.store.loadAll().stream().noneMatch(s -> s.id().equals(id)));
    assertProblem(fx.send("DELETE", "/api/connections/" + id, null, HttpFixture.TOKEN), 404, "id");
  }

  @Test
  void testingADraftReportsWhatTheAdapterFoundAndStoresNothing() throws Exception {
    int before = fx.store.loadAll().size();
    HttpResponse<String> tested = fx.send("POST", "/api/connections/test", VALID, HttpFixture.TOKEN);

    assertEquals(200, tested.statusCode(), tested.body());
    assertTrue(body(tested).get("ok").asBoolean());
    assertEquals("AB:CD", body(tested).at("/endpoints/0/fingerprint").asText());
    assertEquals(before, fx.store.loadAll().size());
    assertProblem(fx.send("POST", "/api/connections/test", VALID.replace("monitor@pve!pulse", "x"), HttpFixture.TOKEN), 400, "tokenId");
  }

  @Test
  void changesNeedATokenEvenForAWellFormedBody() throws Exception {
    assertProblem(fx.send("POST", "/api/connections", VALID, null), 401, null);
  }

  @Test
  void unknownApiPathsAnswerProblemJson() throws Exception {
    assertProblem(fx.get("/api/nothing-here", HttpFixture.TOKEN), 404, null);
  }
}
