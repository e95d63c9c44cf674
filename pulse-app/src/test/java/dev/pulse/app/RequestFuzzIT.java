package dev.pulse.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pulse.http.LogCapture;
import dev.pulse.http.PulseHttpServer;
import dev.pulse.http.RateLimits;
import dev.pulse.http.RawHttp;
import dev.pulse.simulators.agent.ReportSamples;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded fuzz of the whole API, as a hostile client would send it: over 5,000 malformed requests
 * across every route with a body or an id (bad escapes and odd characters in ids, bad JSON, odd
 * characters and wrong types in every string field of each agent report), from the admin token,
 * from nobody, and from a made-up token. Nothing answers 500 or more, the rate limits still apply,
 * nothing is logged with a stack trace, and what was stored before is still there.
 */
class RequestFuzzIT {

  private static final long SEED = 20_261_208L;
  private static final int REQUESTS = 5_200;
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final List<String> ODD = List.of("", " ", "é", "名前", "😀", "%s", "%n", "%u002e", "../../etc/passwd", "a/b",
      "a b", "<script>alert(1)</script>", "' OR 1=1 --", "\u0000", "\t\r\n", "null", "-1", "1e309", "x".repeat(5_000),
      "\\", "\"", "{}", "[]", "https://127.0.0.1:9/x", "file:///etc/passwd", "*", "admin", "users:write");
  private static final List<String> IDS = List.of("%u002e", "%zz", "%", "%%", "%2e%2e", "..%2F..%2Fetc", "%C3%A9",
      "%F0%9F%98%80", "a%20b", "%00", "x".repeat(3_000), "null", "-1", "%27%20OR%201%3D1", "%3Cscript%3E", ".", "é", "a b");
  private static final List<String> FIELDS = List.of("name", "type", "url", "endpoints", "tokenId", "tokenSecret", "username",
      "password", "apiKey", "fingerprint", "verifyTls", "roles", "scopes", "allow", "deny", "settings", "secrets", "targetId",
      "ids", "expiresInDays", "groupRoles", "defaultRole", "enabled", "disabled", "bootstrapToken", "currentPassword",
      "newPassword", "rules", "overrides", "remember", "token", "intervals");

  @TempDir Path data;

  private final Random random = new Random(SEED);

  private String pick(List<String> from) {
    return from.get(random.nextInt(from.size()));
  }

  private String id() {
    return random.nextInt(4) == 0 ? Integer.toHexString(random.nextInt()) : pick(IDS);
  }

  private JsonNode value(int depth) {
    return switch (random.nextInt(depth > 2 ? 5 : 8)) {
      case 0 -> JSON.getNodeFactory().textNode(pick(ODD));
      case 1 -> JSON.getNodeFactory().numberNode(random.nextBoolean() ? Long.MAX_VALUE : -random.nextInt(1_000_000));
      case 2 -> JSON.getNodeFactory().booleanNode(random.nextBoolean());
      case 3 -> JSON.getNodeFactory().nullNode();
      case 4 -> JSON.getNodeFactory().numberNode(random.nextDouble() * 1e12);
      case 5 -> {
        ArrayNode a = JSON.createArrayNode();
        for (int i = random.nextInt(4); i > 0; i--) {
          a.add(value(depth + 1));
        }
        yield a;
      }
      default -> object(depth + 1);
    };
  }

  private ObjectNode object(int depth) {
    ObjectNode o = JSON.createObjectNode();
    for (int i = random.nextInt(6); i > 0; i--) {
      o.set(random.nextInt(5) == 0 ? pick(ODD) : pick(FIELDS), value(depth));
    }
    return o;
  }

  /** A report with odd values in some of its string fields, wrong types in some others, and fields taken out. */
  private String mutated(String report) throws Exception {
    JsonNode tree = JSON.readTree(report);
    mutate(tree, random.nextBoolean());
    return JSON.writeValueAsString(tree);
  }

  /** @param stringsOnly change only string values, so the report stays well-typed and reaches the registry */
  private void mutate(JsonNode node, boolean stringsOnly) {
    if (node instanceof ObjectNode o) {
      List<String> names = new ArrayList<>();
      o.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        JsonNode child = o.get(name);
        int roll = random.nextInt(stringsOnly ? 4 : 12);
        if (child.isTextual() && roll < 4) {
          o.put(name, pick(ODD));
        } else if (stringsOnly) {
          mutate(child, true);
        } else if (roll == 4) {
          o.set(name, value(3));
        } else if (roll == 5) {
          o.remove(name);
        } else {
          mutate(child, false);
        }
      }
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        if (a.get(i).isTextual() && random.nextInt(3) == 0) {
          a.set(i, JSON.getNodeFactory().textNode(pick(ODD)));
        } else {
          mutate(a.get(i), stringsOnly);
        }
      }
    }
  }

  private byte[] body(PulseHttpServer.Route route) throws Exception {
    if (route.path().startsWith("/api/agents/")) {
      String sample = route.path().contains("docker") ? ReportSamples.docker()
          : route.path().contains("kubernetes") ? ReportSamples.kubernetes() : ReportSamples.host();
      return mutated(sample).getBytes(StandardCharsets.UTF_8);
    }
    return switch (random.nextInt(10)) {
      case 0 -> new byte[] {'{'};
      case 1 -> "[]".getBytes(StandardCharsets.UTF_8);
      case 2 -> "null".getBytes(StandardCharsets.UTF_8);
      case 3 -> "[".repeat(3_000).getBytes(StandardCharsets.UTF_8);
      case 4 -> new byte[] {'{', '"', 'n', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}; // not UTF-8
      case 5 -> ("{\"name\":\"" + "y".repeat(20_000) + "\"}").getBytes(StandardCharsets.UTF_8); // over the limit
      default -> JSON.writeValueAsBytes(object(0));
    };
  }

  private Map<String, String> headers() {
    Map<String, String> h = new LinkedHashMap<>();
    switch (random.nextInt(10)) {
      case 0, 1 -> { } // nobody
      case 2 -> h.put("Authorization", "Bearer pulse_" + Integer.toHexString(random.nextInt())); // made up
      default -> h.put("Authorization", "Bearer " + AppFixture.TOKEN);
    }
    h.put("Content-Type", random.nextInt(8) == 0 ? pick(List.of("text/plain", "application/x-www-form-urlencoded", "é"))
        : "application/json");
    return h;
  }

  @Test
  void fiveThousandMalformedRequestsGetNoServerErrorAndTheLimitsStillHold() throws Exception {
    LogCapture logged = LogCapture.start();
    PulseConfig base = AppFixture.config(data, AppFixture.TOKEN);
    SecurityConfig security = new SecurityConfig(null, null, List.of(), new RateLimits(10, 100_000, 100_000, 100_000), null, false,
        365, null, null, null);
    PulseConfig config = new PulseConfig(base.port(), base.bindAddress(), data, AppFixture.TOKEN, base.pollInterval(),
        base.pollTimeout(), base.retention(), null, security);
    List<String> serverErrors = new ArrayList<>();
    TreeMap<Integer, Integer> statuses = new TreeMap<>();
    try (PulseServer server = PulseServer.start(config, false, Clock.systemUTC(), "it")) {
      assertEquals(201, AppFixture.post(server, "/api/connections", "{\"type\":\"pve\",\"name\":\"kept\",\"url\":\"https://127.0.0.1:9\","
          + "\"tokenId\":\"monitor@pve!pulse\",\"tokenSecret\":\"kept-secret-1\",\"verifyTls\":false}", AppFixture.TOKEN).statusCode());
      List<PulseHttpServer.Route> routes = server.routes().stream()
          .filter(r -> Set.of("POST", "PUT", "DELETE", "PATCH").contains(r.method()) || r.path().contains("{")).toList();
      assertTrue(routes.size() > 30, "the fuzz sees the route table: " + routes.size());
      for (int i = 0; i < REQUESTS; i++) {
        PulseHttpServer.Route route = routes.get(i < routes.size() ? i : random.nextInt(routes.size()));
        StringBuilder path = new StringBuilder();
        for (String part : route.path().split("(?=\\{)|(?<=})")) {
          path.append(part.startsWith("{") ? id() : part);
        }
        boolean hasBody = !route.method().equals("GET") && !route.method().equals("DELETE");
        RawHttp.Answer a = RawHttp.sendBytes(server.port(), route.method(), path.toString(), headers(), hasBody ? body(route) : null);
        statuses.merge(a.status(), 1, Integer::sum);
        if (a.status() >= 500) {
          serverErrors.add(route.method() + " " + path.toString().substring(0, Math.min(120, path.length())) + " → " + a.status()
              + " " + a.text().substring(0, Math.min(300, a.text().length())));
        }
      }
      assertEquals("ok", JSON.readTree(AppFixture.get(server, "/api/health", null).body()).get("status").asText());
      assertTrue(AppFixture.get(server, "/api/connections", AppFixture.TOKEN).body().contains("\"kept\""), "nothing stored is lost");
    } finally {
      logged.close();
    }
    assertEquals(List.of(), serverErrors, "statuses: " + statuses);
    assertTrue(statuses.getOrDefault(429, 0) > 0, "the rate limits still apply under the fuzz: " + statuses);
    List<String> traces = logged.events().stream().filter(e -> e.getThrowableProxy() != null)
        .map(e -> e.getLoggerName() + ": " + e.getFormattedMessage()).distinct().toList();
    assertEquals(List.of(), traces, "no stack trace is logged");
  }
}
