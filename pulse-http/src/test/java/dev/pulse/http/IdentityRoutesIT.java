package dev.pulse.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.domain.resource.AgentFacet;
import dev.pulse.domain.resource.Facets;
import dev.pulse.domain.resource.Identity;
import dev.pulse.domain.resource.Metrics;
import dev.pulse.domain.resource.ResourceStatus;
import dev.pulse.domain.resource.ResourceType;
import dev.pulse.domain.source.ObservedResource;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /api/resources/{id}/link} and {@code /unlink} over real HTTP. */
class IdentityRoutesIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String AGENT = "host-a1:host";

  private HttpFixture fx;

  @BeforeEach
  void setUp() throws Exception {
    fx = new HttpFixture(false);
    fx.awaitResource("s1:node-pve1");
    AgentFacet facet = new AgentFacet("a1", "1.0", 30, null, null, null, Map.of("cpu", 51.0), Map.of(), List.of(), List.of(), List.of(), List.of());
    fx.engine.ingest("host-a1", "agent", Duration.ofSeconds(30), List.of(new ObservedResource("host", ResourceType.AGENT,
        "hypervisor-one", ResourceStatus.ONLINE, null, Identity.ofHostname("hypervisor-one"), Metrics.UNKNOWN, List.of(),
        Facets.NONE.withAgent(facet))));
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return fx.send("POST", path, body, HttpFixture.TOKEN);
  }

  @Test
  void linkingAnAgentToANodeShowsOneResourceAndUnlinkingSplitsItAgain() throws Exception {
    HttpResponse<String> linked = post("/api/resources/" + AGENT + "/link", "{\"targetId\":\"s1:node-pve1\"}");

    assertEquals(200, linked.statusCode(), linked.body());
    JsonNode merged = JSON.readTree(linked.body());
    assertEquals("s1:node-pve1", merged.get("id").asText());
    assertEquals(2, merged.get("sources").size());
    assertEquals(51.0, merged.at("/agent/temperaturesCelsius/cpu").asDouble());
    assertEquals(1, JSON.readTree(fx.get("/api/resources?type=agent", HttpFixture.TOKEN).body()).get("total").asInt(),
        "only the node is listed");

    HttpResponse<String> split = post("/api/resources/s1:node-pve1/unlink", null);

    assertEquals(200, split.statusCode(), split.body());
    assertEquals(2, JSON.readTree(split.body()).get("resources").size());
    assertEquals(2, JSON.readTree(fx.get("/api/resources?type=agent", HttpFixture.TOKEN).body()).get("total").asInt());
  }

  @Test
  void badLinkRequestsGetProblemsNamingTheFieldAndChangeNothing() throws Exception {
    HttpResponse<String> missing = post("/api/resources/" + AGENT + "/link", "{}");
    HttpResponse<String> unknown = post("/api/resources/nope/link", "{\"targetId\":\"s1:node-pve1\"}");
    HttpResponse<String> twoGuests = post("/api/resources/s1:qemu-100/link", "{\"targetId\":\"s1:qemu-101\"}");
    HttpResponse<String> notLinked = post("/api/resources/s1:qemu-100/unlink", null);
    HttpResponse<String> noToken = fx.send("POST", "/api/resources/" + AGENT + "/link", "{\"targetId\":\"s1:node-pve1\"}", null);

    assertEquals(400, missing.statusCode());
    assertEquals("targetId", JSON.readTree(missing.body()).get("field").asText());
    assertTrue(missing.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    assertEquals(404, unknown.statusCode());
    assertEquals(400, twoGuests.statusCode());
    assertEquals("targetId", JSON.readTree(twoGuests.body()).get("field").asText());
    assertEquals(400, notLinked.statusCode());
    assertEquals(401, noToken.statusCode());
    assertEquals(2, JSON.readTree(fx.get("/api/resources?type=agent", HttpFixture.TOKEN).body()).get("total").asInt(),
        "nothing was merged");
  }
}
