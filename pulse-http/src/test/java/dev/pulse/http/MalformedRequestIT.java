package dev.pulse.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests Jetty or Javalin cannot take apart: a malformed escape in a path id, a bad URI, headers
 * too large. Each is a 4xx problem+json in UTF-8 with the security headers, counted by the rate
 * limiter, never a 500, a stack trace or an audit row.
 */
class MalformedRequestIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpFixture fx = new HttpFixture(AccessPolicy.adminToken(HttpFixture.TOKEN::equals, false, Clock.systemUTC()),
      new RateLimits(1_000, 20, 100_000, 100_000));
  private LogCapture logged;

  @BeforeEach
  void listen() {
    logged = LogCapture.start();
  }

  @AfterEach
  void close() {
    logged.close();
    fx.close();
  }

  private static void assertProblem(RawHttp.Answer a, int status) throws Exception {
    assertEquals(status, a.status(), a.text());
    assertEquals("application/problem+json; charset=utf-8", a.header("Content-Type"));
    assertEquals("nosniff", a.header("X-Content-Type-Options"));
    assertEquals("DENY", a.header("X-Frame-Options"));
    assertTrue(a.header("Content-Security-Policy").contains("frame-ancestors 'none'"));
    assertEquals(status, JSON.readTree(a.body()).get("status").asInt());
  }

  @Test
  void aMalformedEscapeInAnyPathIdIsA400NamingThePath() throws Exception {
    List<String> wrong = new ArrayList<>();
    for (PulseHttpServer.Route route : fx.server.routes()) {
      if (!route.path().contains("{") || route.method().equals("WS")) {
        continue;
      }
      String path = route.path().replaceAll("\\{[^}]+}", "%u002e");
      RawHttp.Answer a = RawHttp.send(fx.server.port(), route.method(), path, Map.of("Authorization", "Bearer " + HttpFixture.TOKEN),
          route.method().equals("GET") ? null : "{}");
      if (a.status() != 400 || !"path".equals(JSON.readTree(a.body()).path("field").asText())) {
        wrong.add(route + ": " + a.status() + " " + a.text());
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void malformedPathsAreRateLimitedAndLeaveNoStackTraceAndNoAuditRow() throws Exception {
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      RawHttp.Answer a = RawHttp.send(fx.server.port(), "DELETE", "/api/connections/%u002e", Map.of(), null);
      assertProblem(a, a.status());
      statuses.add(a.status());
    }
    assertEquals(20, statuses.stream().filter(s -> s == 400).count(), statuses.toString());
    assertEquals(40, statuses.stream().filter(s -> s == 429).count(), statuses.toString());
    assertEquals(0, logged.events().stream().filter(e -> e.getThrowableProxy() != null).count(), "no stack trace");
    assertTrue(logged.events().stream().filter(e -> e.getFormattedMessage().contains("%u002e")).count() <= 60, "a line each at most");
    String audit = fx.get("/api/audit", HttpFixture.TOKEN).body();
    assertEquals(0, JSON.readTree(audit).get("entries").size(), audit);
  }

  @Test
  void jettysOwnErrorsAreProblemsWithTheSecurityHeaders() throws Exception {
    assertProblem(RawHttp.send(fx.server.port(), "GET", "/api/resources", Map.of("X-Big", "a".repeat(200_000)), null), 431);
    assertProblem(RawHttp.send(fx.server.port(), "GET", "/api/resources/%zz", Map.of(), null), 400);
    assertProblem(RawHttp.send(fx.server.port(), "GET", "/api/resources/é", Map.of(), null), 400);
  }

  @Test
  void aProblemIsUtf8AndSaysSo() throws Exception {
    RawHttp.Answer a = RawHttp.send(fx.server.port(), "GET", "/api/resources/%C3%A9%F0%9F%98%80",
        Map.of("Authorization", "Bearer " + HttpFixture.TOKEN), null);
    assertProblem(a, 404);
    assertTrue(JSON.readTree(a.body()).get("detail").asText().contains("é😀"), a.text());
    assertTrue(new String(a.body(), StandardCharsets.ISO_8859_1).contains("\u00c3\u00a9"), "é is two bytes, as UTF-8");
  }
}
