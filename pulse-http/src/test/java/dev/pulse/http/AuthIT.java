package dev.pulse.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.domain.security.AccountStore;
import dev.pulse.domain.security.ApiTokenStore;
import dev.pulse.simulators.ManualClock;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** First-run setup, signing in and out, the lockout, CSRF and Origin checks, over real HTTP. */
class AuthIT {

  private static final String BOOTSTRAP = "bootstrap-0123456789";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ManualClock clock = new ManualClock(Instant.parse("2026-11-29T10:00:00Z"));
  private final boolean[] bootstrapUsed = {false};
  private final Accounts accounts = new Accounts(AccountStore.inMemory(), new Argon2Passwords(1024, 1), clock,
      new Accounts.Bootstrap() {
        @Override
        public boolean accepts(String token) {
          return !bootstrapUsed[0] && BOOTSTRAP.equals(token);
        }

        @Override
        public void used() {
          bootstrapUsed[0] = true;
        }
      });
  private final HttpFixture fx = new HttpFixture(new AccessPolicy(new AccessTokens(HttpFixture.TOKEN::equals,
      ApiTokenStore.inMemory(), clock), accounts, false, List.of()), HttpFixture.GENEROUS);

  @AfterEach
  void close() {
    fx.close();
  }

  private HttpResponse<String> post(String path, String body, String cookie, String csrf, String origin) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(fx.uri(path)).POST(HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    if (csrf != null) {
      b.header("X-CSRF-Token", csrf);
    }
    if (origin != null) {
      b.header("Origin", origin);
    }
    return fx.client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, String cookie) throws Exception {
    return fx.client.send(HttpRequest.newBuilder(fx.uri(path)).header("Cookie", cookie).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String cookie(HttpResponse<String> r) {
    String set = r.headers().firstValue("Set-Cookie").orElseThrow();
    return set.substring(0, set.indexOf(';'));
  }

  private String setUp() throws Exception {
    HttpResponse<String> r = post("/api/security/setup",
        "{\"bootstrapToken\":\"" + BOOTSTRAP + "\",\"username\":\"Alice\",\"password\":\"correct horse battery\"}", null, null, null);
    assertEquals(200, r.statusCode(), r.body());
    return cookie(r);
  }

  @Test
  void theFirstAdminNeedsTheBootstrapTokenAndSetupWorksOnce() throws Exception {
    assertTrue(JSON.readTree(fx.get("/api/security/status", null).body()).get("setupRequired").asBoolean());
    HttpResponse<String> wrong = post("/api/security/setup",
        "{\"bootstrapToken\":\"guess\",\"username\":\"mallory\",\"password\":\"correct horse battery\"}", null, null, null);
    assertEquals(403, wrong.statusCode());
    assertEquals("bootstrapToken", JSON.readTree(wrong.body()).get("field").asText());
    String cookie = setUp();
    HttpResponse<String> set = post("/api/security/setup",
        "{\"bootstrapToken\":\"" + BOOTSTRAP + "\",\"username\":\"bob\",\"password\":\"correct horse battery\"}", null, null, null);
    assertEquals(403, set.statusCode(), "setup is done");
    JsonNode status = JSON.readTree(get("/api/security/status", cookie).body());
    assertEquals("alice", status.get("user").get("name").asText());
    assertTrue(status.get("user").get("scopes").toString().contains("users:write"));
    assertEquals(200, get("/api/resources", cookie).statusCode(), "the session reads like a token");
  }

  @Test
  void theSessionCookieIsHttpOnlyAndStrict() throws Exception {
    String setCookie = post("/api/security/setup", "{\"bootstrapToken\":\"" + BOOTSTRAP
        + "\",\"username\":\"alice\",\"password\":\"correct horse battery\"}", null, null, null).headers().firstValue("Set-Cookie")
        .orElseThrow();
    assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"), setCookie);
  }

  @Test
  void afterFiveFailuresEvenTheRightPasswordIsRefusedUntilTheLockoutEnds() throws Exception {
    setUp();
    for (int i = 0; i < 5; i++) {
      assertEquals(401, post("/api/security/login", "{\"username\":\"alice\",\"password\":\"wrong password " + i + "\"}", null, null,
          null).statusCode());
    }
    HttpResponse<String> locked = post("/api/security/login", "{\"username\":\"alice\",\"password\":\"correct horse battery\"}", null,
        null, null);
    assertEquals(429, locked.statusCode(), locked.body());
    assertTrue(locked.headers().firstValue("Retry-After").isPresent());
    clock.advance(Duration.ofMinutes(14));
    assertEquals(429, post("/api/security/login", "{\"username\":\"alice\",\"password\":\"correct horse battery\"}", null, null,
        null).statusCode(), "still locked after 14 minutes");
    clock.advance(Duration.ofMinutes(1));
    assertEquals(200, post("/api/security/login", "{\"username\":\"alice\",\"password\":\"correct horse battery\"}", null, null,
        null).statusCode());
  }

  @Test
  void aChangeFromASignedInBrowserNeedsTheCsrfTokenAndOurOrigin() throws Exception {
    String cookie = setUp();
    String csrf = JSON.readTree(get("/api/security/status", cookie).body()).get("csrfToken").asText();
    String body = "{\"name\":\"ci\",\"scopes\":[\"monitoring:read\"]}";
    assertEquals(403, post("/api/security/tokens", body, cookie, null, null).statusCode(), "no CSRF token");
    assertEquals(403, post("/api/security/tokens", body, cookie, "forged", null).statusCode(), "a wrong CSRF token");
    HttpResponse<String> crossSite = fx.client.send(HttpRequest.newBuilder(fx.uri("/api/security/tokens"))
        .POST(HttpRequest.BodyPublishers.ofString("name=ci&scopes=*")).header("Content-Type", "application/x-www-form-urlencoded")
        .header("Cookie", cookie).header("Origin", "https://evil.example").build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(403, crossSite.statusCode(), "a cross-site form post: " + crossSite.body());
    String own = "http://127.0.0.1:" + fx.server.port();
    assertEquals(201, post("/api/security/tokens", body, cookie, csrf, own).statusCode());
  }

  @Test
  void signingOutEndsTheSession() throws Exception {
    String cookie = setUp();
    HttpResponse<String> out = post("/api/security/logout", "", cookie, null, null);
    assertEquals(204, out.statusCode());
    assertTrue(out.headers().firstValue("Set-Cookie").orElseThrow().contains("Max-Age=0"));
    assertEquals(401, get("/api/resources", cookie).statusCode());
  }

  @Test
  void aViewerReadsButCannotChangeAnything() throws Exception {
    String admin = setUp();
    String csrf = JSON.readTree(get("/api/security/status", admin).body()).get("csrfToken").asText();
    assertEquals(201, post("/api/security/users", "{\"username\":\"val\",\"password\":\"viewer password 1\",\"roles\":[\"viewer\"]}",
        admin, csrf, null).statusCode());
    HttpResponse<String> in = post("/api/security/login", "{\"username\":\"val\",\"password\":\"viewer password 1\"}", null, null, null);
    String viewer = cookie(in);
    String viewerCsrf = JSON.readTree(in.body()).get("csrfToken").asText();
    assertEquals(200, get("/api/resources", viewer).statusCode());
    HttpResponse<String> refused = post("/api/alerts/bulk/acknowledge", "{\"ids\":[\"x\"]}", viewer, viewerCsrf, null);
    assertEquals(403, refused.statusCode());
    assertTrue(refused.body().contains("monitoring:write"), refused.body());
    assertEquals(403, get("/api/security/users", viewer).statusCode());
  }

  @Test
  void nobodyCanGrantARoleThatAllowsMoreThanTheyHave() throws Exception {
    String admin = setUp();
    String csrf = JSON.readTree(get("/api/security/status", admin).body()).get("csrfToken").asText();
    assertEquals(200, fx.send("PUT", "/api/security/roles/helpdesk", "{\"allow\":[\"users:write\",\"monitoring:read\"]}",
        HttpFixture.TOKEN).statusCode());
    post("/api/security/users", "{\"username\":\"hd\",\"password\":\"helpdesk password\",\"roles\":[\"helpdesk\"]}", admin, csrf,
        null);
    HttpResponse<String> in = post("/api/security/login", "{\"username\":\"hd\",\"password\":\"helpdesk password\"}", null, null, null);
    HttpResponse<String> grab = post("/api/security/users", "{\"username\":\"hd2\",\"password\":\"helpdesk password\",\"roles\":[\"admin\"]}",
        cookie(in), JSON.readTree(in.body()).get("csrfToken").asText(), null);
    assertEquals(403, grab.statusCode(), grab.body());
    assertEquals("roles[0]", JSON.readTree(grab.body()).get("field").asText());
  }
}
