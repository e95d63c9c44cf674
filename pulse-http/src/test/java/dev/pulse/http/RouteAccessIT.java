package dev.pulse.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.domain.security.Scope;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Walks the whole route table: every route that is not public answers 401 without credentials and
 * 403 to a token that lacks its scope. Also the WebSocket's Origin check and the rate limits.
 */
class RouteAccessIT {

  private final HttpFixture fx = new HttpFixture(false);

  @AfterEach
  void close() {
    fx.close();
  }

  private HttpResponse<String> call(PulseHttpServer.Route route, String token) throws Exception {
    String path = route.path().replaceAll("\\{[^}]+}", "x");
    HttpRequest.Builder b = HttpRequest.newBuilder(fx.uri(path)).method(route.method(), HttpRequest.BodyPublishers.ofString("{}"))
        .header("Content-Type", "application/json");
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return fx.client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private final java.util.Map<Scope, String> tokens = new java.util.EnumMap<>(Scope.class);

  /** A token whose only scope is far from what the route needs, issued over the API. */
  private String unrelatedToken(Scope needed) throws Exception {
    Scope other = needed == Scope.AGENT_REPORT ? Scope.DOCKER_REPORT : Scope.AGENT_REPORT;
    if (!tokens.containsKey(other)) {
      HttpResponse<String> issued = fx.send("POST", "/api/security/tokens", "{\"name\":\"walk\",\"scopes\":[\""
          + other.wireName() + "\"]}", HttpFixture.TOKEN);
      tokens.put(other, new com.fasterxml.jackson.databind.ObjectMapper().readTree(issued.body()).get("token").asText());
    }
    return tokens.get(other);
  }

  @Test
  void everyRouteThatIsNotPublicRefusesNoCredentialsAndAMissingScope() throws Exception {
    List<PulseHttpServer.Route> routes = fx.server.routes().stream()
        .filter(r -> Set.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(r.method())).toList();
    assertTrue(routes.size() > 40, "the walk sees the route table: " + routes.size());
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (PulseHttpServer.Route route : routes) {
      assertFalse(route.access() == null && route.path().startsWith("/api"), route + " declares no access");
      if (route.access() == null || route.access().equals("PUBLIC") || route.access().equals("CROSS_SITE")) {
        continue;
      }
      checked++;
      int anonymous = call(route, null).statusCode();
      if (anonymous != 401) {
        wrong.add(route + " without credentials: " + anonymous);
      }
      Scope needed = Scope.valueOf(route.access().equals("SIGNED_IN") ? "MONITORING_READ" : route.access());
      if (!route.access().equals("SIGNED_IN")) {
        HttpResponse<String> lacking = call(route, unrelatedToken(needed));
        if (lacking.statusCode() != 403 || !lacking.body().contains(needed.wireName())) {
          wrong.add(route + " with a token lacking " + needed.wireName() + ": " + lacking.statusCode());
        }
      }
    }
    assertEquals(List.of(), wrong);
    assertTrue(checked > 35, "routes checked: " + checked);
  }

  @Test
  void aWebSocketFromAnotherSiteIsRefused() {
    CompletionException refused = assertThrows(CompletionException.class, () -> fx.client.newWebSocketBuilder()
        .header("Authorization", "Bearer " + HttpFixture.TOKEN).header("Origin", "https://evil.example")
        .buildAsync(fx.uri("/ws").resolve("ws://127.0.0.1:" + fx.server.port() + "/ws"), new WebSocket.Listener() {}).join());
    assertEquals(403, ((java.net.http.WebSocketHandshakeException) refused.getCause()).getResponse().statusCode());
  }

  @Test
  void aWebSocketFromPulsesOwnPageIsAcceptedAndGetsTheInitialState() throws Exception {
    java.util.concurrent.CompletableFuture<String> first = new java.util.concurrent.CompletableFuture<>();
    StringBuilder text = new StringBuilder();
    WebSocket ws = fx.client.newWebSocketBuilder().header("Authorization", "Bearer " + HttpFixture.TOKEN)
        .header("Origin", "http://127.0.0.1:" + fx.server.port())
        .buildAsync(java.net.URI.create("ws://127.0.0.1:" + fx.server.port() + "/ws"), new WebSocket.Listener() {
          @Override
          public java.util.concurrent.CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
              first.complete(text.toString());
            }
            socket.request(1);
            return null;
          }
        }).join();
    String message = first.get(10, java.util.concurrent.TimeUnit.SECONDS);
    assertEquals("initialState", new com.fasterxml.jackson.databind.ObjectMapper().readTree(message).get("type").asText(), message);
    ws.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
  }

  @Test
  void pastTheLimitAClientGets429WithRetryAfter() throws Exception {
    try (HttpFixture limited = new HttpFixture(AccessPolicy.adminToken(HttpFixture.TOKEN::equals, false,
        java.time.Clock.systemUTC()), new RateLimits(10, 3, 100, 500))) {
      List<Integer> statuses = new ArrayList<>();
      HttpResponse<String> last = null;
      for (int i = 0; i < 4; i++) {
        last = limited.send("POST", "/api/security/tokens", "{\"name\":\"t" + i + "\",\"scopes\":[\"monitoring:read\"]}",
            HttpFixture.TOKEN);
        statuses.add(last.statusCode());
      }
      assertEquals(List.of(201, 201, 201, 429), statuses);
      assertTrue(Integer.parseInt(last.headers().firstValue("Retry-After").orElseThrow()) >= 1);
      assertEquals(200, limited.get("/api/resources", HttpFixture.TOKEN).statusCode(), "reads have their own, larger budget");
    }
  }
}
