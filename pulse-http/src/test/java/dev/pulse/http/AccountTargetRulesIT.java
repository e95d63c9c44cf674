package dev.pulse.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.domain.security.AccountStore;
import dev.pulse.domain.security.ApiTokenStore;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A change to an account, a role, a token or a single sign-on provider is judged by its target:
 * a caller holding fewer scopes than the target gets 403 and the target stays as it was. Tokens
 * never set passwords. Over real HTTP, with sessions and tokens.
 */
class AccountTargetRulesIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BOOTSTRAP = "bootstrap-0123456789";
  private static final String PASSWORD = "correct horse battery";

  private final Accounts accounts = new Accounts(AccountStore.inMemory(), new Argon2Passwords(1024, 1), Clock.systemUTC(),
      new Accounts.Bootstrap() {
        @Override
        public boolean accepts(String token) {
          return BOOTSTRAP.equals(token);
        }

        @Override
        public void used() {}
      });
  private final HttpFixture fx = new HttpFixture(new AccessPolicy(new AccessTokens(HttpFixture.TOKEN::equals,
      ApiTokenStore.inMemory(), Clock.systemUTC()), accounts, false, List.of()), HttpFixture.GENEROUS);

  /** A signed-in browser: its cookie and CSRF token. */
  private record Browser(String cookie, String csrf) {}

  private Browser admin;
  private Browser helpdesk;
  private String helpdeskToken;
  private final Map<String, String> ids = new java.util.HashMap<>();

  @AfterEach
  void close() {
    fx.close();
  }

  @BeforeEach
  void people() throws Exception {
    admin = browser(fx.send("POST", "/api/security/setup", "{\"bootstrapToken\":\"" + BOOTSTRAP
        + "\",\"username\":\"alice\",\"password\":\"" + PASSWORD + "\"}", null));
    assertEquals(200, fx.send("PUT", "/api/security/roles/helpdesk", "{\"allow\":[\"users:write\",\"monitoring:read\"]}",
        HttpFixture.TOKEN).statusCode());
    assertEquals(200, fx.send("PUT", "/api/security/roles/ops", "{\"allow\":[\"settings:write\",\"monitoring:read\"]}",
        HttpFixture.TOKEN).statusCode());
    for (String[] p : new String[][] {{"hd", "helpdesk"}, {"olga", "operator"}, {"val", "viewer"}}) {
      HttpResponse<String> made = as(admin, "POST", "/api/security/users", "{\"username\":\"" + p[0] + "\",\"password\":\""
          + PASSWORD + "\",\"roles\":[\"" + p[1] + "\"]}");
      assertEquals(201, made.statusCode(), made.body());
      ids.put(p[0], JSON.readTree(made.body()).get("id").asText());
    }
    ids.put("alice", users().get("alice").get("id").asText());
    helpdesk = signIn("hd");
    HttpResponse<String> issued = fx.send("POST", "/api/security/tokens",
        "{\"name\":\"helpdesk\",\"scopes\":[\"users:write\",\"monitoring:read\"]}", HttpFixture.TOKEN);
    helpdeskToken = JSON.readTree(issued.body()).get("token").asText();
  }

  private static Browser browser(HttpResponse<String> in) throws Exception {
    assertEquals(200, in.statusCode(), in.body());
    String set = in.headers().firstValue("Set-Cookie").orElseThrow();
    return new Browser(set.substring(0, set.indexOf(';')), JSON.readTree(in.body()).get("csrfToken").asText());
  }

  private Browser signIn(String user) throws Exception {
    return browser(fx.send("POST", "/api/security/login", "{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}",
        null));
  }

  private HttpResponse<String> as(Browser b, String method, String path, String body) throws Exception {
    return fx.client.send(HttpRequest.newBuilder(fx.uri(path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json").header("Cookie", b.cookie()).header("X-CSRF-Token", b.csrf()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private Map<String, JsonNode> users() throws Exception {
    Map<String, JsonNode> out = new java.util.HashMap<>();
    JSON.readTree(fx.get("/api/security/users", HttpFixture.TOKEN).body()).get("users")
        .forEach(u -> out.put(u.get("username").asText(), u));
    return out;
  }

  /** Every change to an account, with the account's id in {@code %s}. */
  private static final List<String[]> ACCOUNT_CHANGES = List.of(
      new String[] {"PUT", "/api/security/users/%s", "{\"password\":\"taken over at last\"}"},
      new String[] {"PUT", "/api/security/users/%s", "{\"roles\":[\"viewer\"]}"},
      new String[] {"PUT", "/api/security/users/%s", "{\"disabled\":true}"},
      new String[] {"DELETE", "/api/security/users/%s", null});

  @Test
  void aCallerHoldingFewerScopesThanTheAccountCannotChangeItInAnyWay() throws Exception {
    Browser olga = signIn("olga");
    Map<String, JsonNode> before = users();
    List<String> wrong = new ArrayList<>();
    for (String target : List.of("alice", "olga")) {
      for (String[] change : ACCOUNT_CHANGES) {
        String path = change[1].formatted(ids.get(target));
        HttpResponse<String> bySession = as(helpdesk, change[0], path, change[2]);
        HttpResponse<String> byToken = fx.send(change[0], path, change[2], helpdeskToken);
        for (HttpResponse<String> r : List.of(bySession, byToken)) {
          if (r.statusCode() != 403 || !r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            wrong.add(change[0] + " " + target + " " + change[2] + ": " + r.statusCode() + " " + r.body());
          }
        }
      }
    }
    assertEquals(List.of(), wrong);
    assertEquals(before, users(), "no account changed");
    signIn("alice");
    assertEquals(200, fx.client.send(HttpRequest.newBuilder(fx.uri("/api/alerts/config")).header("Cookie", olga.cookie()).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode(), "olga's session lives on");
  }

  @Test
  void aUsersWriteTokenCannotTakeOverTheAdminAccount() throws Exception {
    HttpResponse<String> r = fx.send("PUT", "/api/security/users/" + ids.get("alice"), "{\"password\":\"taken over at last\"}",
        helpdeskToken);
    assertEquals(403, r.statusCode(), r.body());
    assertEquals(401, fx.send("POST", "/api/security/login", "{\"username\":\"alice\",\"password\":\"taken over at last\"}", null)
        .statusCode());
    signIn("alice");
  }

  @Test
  void noTokenSetsAPasswordNotEvenTheAdminToken() throws Exception {
    for (String token : List.of(HttpFixture.TOKEN, helpdeskToken)) {
      HttpResponse<String> reset = fx.send("PUT", "/api/security/users/" + ids.get("val"), "{\"password\":\"set by a token now\"}",
          token);
      assertEquals(403, reset.statusCode(), reset.body());
      assertEquals("password", JSON.readTree(reset.body()).get("field").asText());
      HttpResponse<String> create = fx.send("POST", "/api/security/users",
          "{\"username\":\"tom\",\"password\":\"set by a token now\",\"roles\":[\"viewer\"]}", token);
      assertEquals(403, create.statusCode(), create.body());
    }
    signIn("val");
    assertEquals(200, fx.send("PUT", "/api/security/users/" + ids.get("val"), "{\"roles\":[\"auditor\"]}", HttpFixture.TOKEN)
        .statusCode(), "a token may still change roles it could grant");
  }

  @Test
  void oneOwnPasswordIsChangedOnlyWithTheCurrentOne() throws Exception {
    HttpResponse<String> own = as(helpdesk, "PUT", "/api/security/users/" + ids.get("hd"), "{\"password\":\"without the old one\"}");
    assertEquals(403, own.statusCode(), own.body());
    assertEquals("password", JSON.readTree(own.body()).get("field").asText());
    assertEquals(204, as(helpdesk, "POST", "/api/security/password", "{\"currentPassword\":\"" + PASSWORD
        + "\",\"newPassword\":\"with the old one\"}").statusCode());
  }

  @Test
  void aResetOfAnotherPersonsPasswordEndsTheirSessionsAndIsAuditedWithBothNames() throws Exception {
    Browser val = signIn("val");
    HttpResponse<String> reset = as(helpdesk, "PUT", "/api/security/users/" + ids.get("val"), "{\"password\":\"a new password 1\"}");
    assertEquals(200, reset.statusCode(), reset.body());
    assertEquals(401, fx.client.send(HttpRequest.newBuilder(fx.uri("/api/resources")).header("Cookie", val.cookie()).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode(), "val's session ended");
    JsonNode newest = JSON.readTree(fx.get("/api/audit?action=users", HttpFixture.TOKEN).body()).get("entries").get(0);
    assertEquals("hd", newest.get("actor").asText());
    assertTrue(newest.get("detail").asText().contains("val"), newest.toString());
    assertTrue(newest.get("detail").asText().contains("password"), newest.toString());
  }

  @Test
  void rolesTokensAndProvidersBeyondTheCallerCannotBeChangedOrRemoved() throws Exception {
    HttpResponse<String> wide = fx.send("POST", "/api/security/tokens", "{\"name\":\"wide\",\"scopes\":[\"*\"]}", HttpFixture.TOKEN);
    String wideId = JSON.readTree(wide.body()).get("id").asText();
    String oidc = "{\"name\":\"Corp\",\"type\":\"oidc\",\"settings\":{\"discoveryUrl\":\"https://idp.example/.well-known/"
        + "openid-configuration\",\"clientId\":\"pulse\"},\"groupRoles\":{\"%s\":\"%s\"}}";
    assertEquals(200, fx.send("PUT", "/api/security/sso/corp", oidc.formatted("admins", "admin"), HttpFixture.TOKEN).statusCode());
    List<HttpResponse<String>> refused = List.of(
        as(helpdesk, "PUT", "/api/security/roles/ops", "{\"allow\":[\"monitoring:read\"]}"),
        as(helpdesk, "DELETE", "/api/security/roles/ops", null),
        as(helpdesk, "DELETE", "/api/security/tokens/" + wideId, null),
        as(helpdesk, "PUT", "/api/security/sso/corp", oidc.formatted("admins", "viewer")),
        as(helpdesk, "DELETE", "/api/security/sso/corp", null),
        as(helpdesk, "PUT", "/api/security/sso/mine", oidc.formatted("me", "admin")));
    for (HttpResponse<String> r : refused) {
      assertEquals(403, r.statusCode(), r.body());
    }
    assertEquals("groupRoles.me", JSON.readTree(refused.get(5).body()).get("field").asText());
    JsonNode roles = JSON.readTree(fx.get("/api/security/roles", HttpFixture.TOKEN).body()).get("roles");
    assertTrue(roles.toString().contains("settings:write"), "ops is unchanged: " + roles);
    assertEquals(200, fx.get("/api/resources", JSON.readTree(wide.body()).get("token").asText()).statusCode(), "still valid");
    String providers = fx.get("/api/security/sso", HttpFixture.TOKEN).body();
    assertTrue(providers.contains("\"admins\":\"admin\"") && !providers.contains("\"mine\""), providers);
  }
}
