package dev.pulse.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.domain.security.AccountStore;
import dev.pulse.domain.security.ApiTokenStore;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A trusted reverse proxy signs people in with a header, only from its networks and with the shared secret. */
class ProxyAuthIT {

  private static final String SECRET = "proxy-shared-secret-0123";

  private static HttpFixture fixture(String network) {
    AccessTokens tokens = new AccessTokens(HttpFixture.TOKEN::equals, ApiTokenStore.inMemory(), Clock.systemUTC());
    Accounts accounts = new Accounts(AccountStore.inMemory(), new Argon2Passwords(1024, 1), Clock.systemUTC(),
        Accounts.Bootstrap.NONE);
    ProxyAuth proxy = new ProxyAuth("X-Remote-User", SECRET, List.of(network), "X-Remote-Groups", Map.of("ops", "operator"),
        "viewer");
    return new HttpFixture(new AccessPolicy(tokens, accounts, false, List.of(), proxy), HttpFixture.GENEROUS);
  }

  private static HttpResponse<String> send(HttpFixture fx, String method, String path, String secret, String groups) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(fx.uri(path)).method(method, method.equals("GET")
        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{\"ids\":[\"x\"]}"))
        .header("Content-Type", "application/json").header("X-Remote-User", "Carol");
    if (secret != null) {
      b.header(ProxyAuth.SECRET_HEADER, secret);
    }
    if (groups != null) {
      b.header("X-Remote-Groups", groups);
    }
    return fx.client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void thePersonTheProxyNamesGetsTheRolesOfTheirGroups() throws Exception {
    try (HttpFixture fx = fixture("127.0.0.0/8")) {
      assertEquals(200, send(fx, "GET", "/api/resources", SECRET, null).statusCode(), "a viewer by default");
      assertEquals(403, send(fx, "POST", "/api/alerts/bulk/acknowledge", SECRET, null).statusCode());
      HttpResponse<String> operator = send(fx, "POST", "/api/alerts/bulk/acknowledge", SECRET, "staff, ops");
      assertTrue(operator.statusCode() != 401 && operator.statusCode() != 403, operator.statusCode() + " " + operator.body());
      String status = send(fx, "GET", "/api/security/status", SECRET, "ops").body();
      assertTrue(status.contains("\"name\":\"carol\"") && status.contains("monitoring:write"), status);
      String audit = fx.get("/api/audit", HttpFixture.TOKEN).body();
      assertTrue(audit.contains("\"actor\":\"carol\""), audit);
    }
  }

  @Test
  void withoutTheSecretOrFromAnotherNetworkTheHeaderMeansNothing() throws Exception {
    try (HttpFixture fx = fixture("127.0.0.0/8")) {
      assertEquals(401, send(fx, "GET", "/api/resources", null, null).statusCode());
      assertEquals(401, send(fx, "GET", "/api/resources", "wrong-secret-000000000", null).statusCode());
    }
    try (HttpFixture fx = fixture("10.0.0.0/8")) {
      assertEquals(401, send(fx, "GET", "/api/resources", SECRET, null).statusCode(), "loopback is not the proxy's network");
    }
  }

  @Test
  void aNetworkThatIsNotOneIsRefusedAtStart() {
    assertThrows(IllegalArgumentException.class, () -> new ProxyAuth("X-Remote-User", SECRET, List.of("pulse.example"), null,
        Map.of(), null));
    assertTrue(new ProxyAuth("X-Remote-User", SECRET, List.of("fd00::/8"), null, Map.of(), null).trusts("fd12::1"));
  }
}
