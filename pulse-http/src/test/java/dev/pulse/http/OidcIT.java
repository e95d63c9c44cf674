package dev.pulse.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.domain.security.AccountStore;
import dev.pulse.domain.security.ApiTokenStore;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** OpenID Connect sign-in against a real provider (mock-oauth2-server), followed redirect by redirect. */
class OidcIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final MockOAuth2Server idp = new MockOAuth2Server();
  private HttpFixture fx;

  @BeforeEach
  void start() throws Exception {
    idp.start(0);
    Accounts accounts = new Accounts(AccountStore.inMemory(), new Argon2Passwords(1024, 1), Clock.systemUTC(), Accounts.Bootstrap.NONE);
    fx = new HttpFixture(new AccessPolicy(new AccessTokens(HttpFixture.TOKEN::equals, ApiTokenStore.inMemory(), Clock.systemUTC()),
        accounts, false, List.of()), HttpFixture.GENEROUS);
    HttpResponse<String> saved = fx.send("PUT", "/api/security/sso/corp", """
        {"name":"Corp SSO","type":"oidc","settings":{"discoveryUrl":"%s","clientId":"pulse"},
         "secrets":{"clientSecret":"client-secret-value"},"groupRoles":{"pulse-admins":"admin","staff":"viewer"}}"""
        .formatted(idp.wellKnownUrl("corp")), HttpFixture.TOKEN);
    assertEquals(200, saved.statusCode(), saved.body());
    assertTrue(saved.body().contains("\"clientSecret\":\"set\"") && !saved.body().contains("client-secret-value"), saved.body());
  }

  @AfterEach
  void stop() {
    fx.close();
    idp.shutdown();
  }

  private void nextUser(String name, List<String> groups) {
    idp.enqueueCallback(new DefaultOAuth2TokenCallback("corp", name, "JWT", List.of("pulse"),
        Map.of("preferred_username", name, "groups", groups), 3600));
  }

  /** Follows the redirects from the sign-in link the way a browser does; returns every answer. */
  private List<HttpResponse<String>> signIn(HttpClient browser) throws Exception {
    List<HttpResponse<String>> chain = new ArrayList<>();
    URI next = fx.uri("/api/security/sso/corp/login");
    for (int i = 0; i < 10 && next != null; i++) {
      HttpResponse<String> r = browser.send(HttpRequest.newBuilder(next).build(), HttpResponse.BodyHandlers.ofString());
      chain.add(r);
      next = r.headers().firstValue("Location").map(next::resolve).orElse(null);
      if (next != null && next.getPath().equals("/")) {
        break;
      }
    }
    return chain;
  }

  private static HttpClient browser() {
    return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  @Test
  void signingInThroughTheProviderOpensASessionWithTheRoleOfTheirGroup() throws Exception {
    nextUser("dana", List.of("pulse-admins"));
    HttpClient browser = browser();
    List<HttpResponse<String>> chain = signIn(browser);
    String authorize = chain.get(0).headers().firstValue("Location").orElseThrow();
    assertTrue(authorize.startsWith(idp.authorizationEndpointUrl("corp").toString()), authorize);
    assertTrue(authorize.contains("code_challenge_method=S256") && authorize.contains("state=") && authorize.contains("nonce="), authorize);
    HttpResponse<String> last = chain.get(chain.size() - 1);
    assertEquals("/", last.headers().firstValue("Location").orElseThrow(), "ends at Pulse's home");
    assertTrue(last.headers().firstValue("Set-Cookie").orElseThrow().startsWith("pulse_session="));
    JsonNode status = JSON.readTree(browser.send(HttpRequest.newBuilder(fx.uri("/api/security/status")).build(),
        HttpResponse.BodyHandlers.ofString()).body());
    assertEquals("dana", status.get("user").get("name").asText());
    assertEquals("session", status.get("user").get("kind").asText());
    assertTrue(status.get("user").get("roles").toString().contains("admin"));
    String users = fx.get("/api/security/users", HttpFixture.TOKEN).body();
    assertTrue(users.contains("\"source\":\"oidc:corp\""), users);
    String audit = fx.get("/api/audit?actor=dana", HttpFixture.TOKEN).body();
    assertTrue(audit.contains("oidc:corp"), audit);
  }

  @Test
  void someoneWhoseGroupsHaveNoRoleEndsOnAPageThatSaysSo() throws Exception {
    nextUser("erin", List.of("contractors"));
    List<HttpResponse<String>> chain = signIn(browser());
    HttpResponse<String> last = chain.get(chain.size() - 1);
    assertEquals(403, last.statusCode());
    assertTrue(last.body().contains("none of their groups") && last.body().contains("contractors"), last.body());
  }

  @Test
  void aForgedCallbackIsRefusedWithAnErrorPage() throws Exception {
    HttpResponse<String> r = browser().send(HttpRequest.newBuilder(fx.uri("/api/security/sso/callback?client_name=corp&code=x&state=forged"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(401, r.statusCode(), r.body());
    assertTrue(r.body().contains("Sign-in failed"));
  }

  @Test
  void anUnknownProviderEndsOnTheErrorPageNotAProblem() throws Exception {
    HttpResponse<String> r = browser().send(HttpRequest.newBuilder(fx.uri("/api/security/sso/nobody/login")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(404, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), r.headers().toString());
    assertTrue(r.body().contains("There is no single sign-on provider nobody"), r.body());
  }

  @Test
  void theTestReadsTheProvidersDiscoveryDocument() throws Exception {
    JsonNode ok = JSON.readTree(fx.send("POST", "/api/security/sso/corp/test", "", HttpFixture.TOKEN).body());
    assertTrue(ok.get("ok").asBoolean(), ok.toString());
    assertEquals(idp.issuerUrl("corp").toString(), ok.get("issuer").asText());
    JsonNode bad = JSON.readTree(fx.send("PUT", "/api/security/sso/corp", "{\"name\":\"x\",\"type\":\"oidc\",\"settings\":{"
        + "\"discoveryUrl\":\"ftp://nowhere\",\"clientId\":\"pulse\"}}", HttpFixture.TOKEN).body());
    assertEquals("settings.discoveryUrl", bad.get("field").asText());
  }
}
