package dev.pulse.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.domain.security.AccountStore;
import dev.pulse.domain.security.ApiTokenStore;
import dev.pulse.simulators.saml.SamlIdpSimulator;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SAML 2.0 sign-in and single logout against a local IdP that signs its answers, step by step like a browser. */
class SamlIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern FIELD = Pattern.compile("name=\"(SAMLResponse|RelayState)\" value=\"([^\"]*)\"");

  private final SamlIdpSimulator idp = SamlIdpSimulator.start(Clock.systemUTC());
  private HttpFixture fx;
  private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
      .followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeEach
  void start() throws Exception {
    Accounts accounts = new Accounts(AccountStore.inMemory(), new Argon2Passwords(1024, 1), Clock.systemUTC(), Accounts.Bootstrap.NONE);
    fx = new HttpFixture(new AccessPolicy(new AccessTokens(HttpFixture.TOKEN::equals, ApiTokenStore.inMemory(), Clock.systemUTC()),
        accounts, false, List.of()), HttpFixture.GENEROUS, 64 * 1024);
    String body = JSON.writeValueAsString(Map.of("name", "Corp SAML", "type", "saml", "settings", Map.of("idpEntityId",
        idp.entityId(), "idpSsoUrl", idp.ssoUrl(), "idpSloUrl", idp.sloUrl(), "idpCertificate", idp.certificatePem(),
        "groupsAttribute", "memberOf"), "groupRoles", Map.of("ops", "operator")));
    HttpResponse<String> saved = fx.send("PUT", "/api/security/sso/corp", body, HttpFixture.TOKEN);
    assertEquals(200, saved.statusCode(), saved.body());
    idp.afterLogout(fx.uri("/api/security/sso/saml/corp/sls").toString());
  }

  @AfterEach
  void stop() {
    fx.close();
    idp.close();
  }

  private HttpResponse<String> get(URI uri) throws Exception {
    return browser.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Pulse → IdP → (auto-submitted form) → Pulse's ACS; returns the ACS's answer. */
  private HttpResponse<String> signIn(String tamper) throws Exception {
    HttpResponse<String> toIdp = get(fx.uri("/api/security/sso/corp/login"));
    String location = toIdp.headers().firstValue("Location").orElseThrow();
    assertTrue(location.startsWith(idp.ssoUrl() + "?SAMLRequest="), location);
    HttpResponse<String> form = get(URI.create(location));
    Matcher m = FIELD.matcher(form.body());
    StringBuilder post = new StringBuilder();
    while (m.find()) {
      String value = m.group(1).equals("SAMLResponse") && tamper != null ? tamper(m.group(2), tamper) : m.group(2);
      post.append(post.length() == 0 ? "" : "&").append(m.group(1)).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
    return browser.send(HttpRequest.newBuilder(fx.uri("/api/security/sso/saml/corp/acs"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", "http://127.0.0.1:1")
        .POST(HttpRequest.BodyPublishers.ofString(post.toString())).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String tamper(String base64, String replacement) {
    String xml = new String(java.util.Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    String[] parts = replacement.split("→");
    return java.util.Base64.getEncoder().encodeToString(xml.replace(parts[0], parts[1]).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aSignedAssertionSignsSomeoneInWithTheRoleOfTheirGroupAndSingleLogoutEndsIt() throws Exception {
    idp.nextUser("frank", Map.of("memberOf", List.of("ops")));
    HttpResponse<String> acs = signIn(null);
    assertEquals(303, acs.statusCode(), acs.body());
    assertEquals("/", acs.headers().firstValue("Location").orElseThrow());
    String status = get(fx.uri("/api/security/status")).body();
    assertTrue(status.contains("\"name\":\"frank\"") && status.contains("monitoring:write"), status);
    assertTrue(fx.get("/api/security/users", HttpFixture.TOKEN).body().contains("\"source\":\"saml:corp\""));

    HttpResponse<String> out = get(fx.uri("/api/security/sso/saml/corp/logout"));
    String slo = out.headers().firstValue("Location").orElseThrow();
    assertTrue(slo.startsWith(idp.sloUrl() + "?SAMLRequest="), slo);
    HttpResponse<String> back = get(URI.create(slo));
    assertTrue(back.headers().firstValue("Location").orElseThrow().startsWith(fx.uri("/api/security/sso/saml/corp/sls").toString()));
    assertTrue(get(fx.uri("/api/security/status")).body().contains("\"user\":null"), "signed out of Pulse too");
  }

  @Test
  void whenTheIdpSignsSomeoneOutEverywhereTheirPulseSessionEnds() throws Exception {
    idp.nextUser("frank", Map.of("memberOf", List.of("ops")));
    assertEquals(303, signIn(null).statusCode());
    assertTrue(get(fx.uri("/api/security/status")).body().contains("\"name\":\"frank\""));
    HttpResponse<String> toPulse = get(URI.create(idp.ssoUrl().replace("/sso", "/logout-initiated?nameId=frank")));
    HttpResponse<String> sls = get(URI.create(toPulse.headers().firstValue("Location").orElseThrow()));
    String answer = sls.headers().firstValue("Location").orElseThrow();
    assertTrue(answer.startsWith(idp.sloUrl() + "?SAMLResponse="), sls.statusCode() + " " + answer + " " + sls.body());
    assertTrue(get(fx.uri("/api/security/status")).body().contains("\"user\":null"), "the Pulse session is gone");
    assertTrue(fx.get("/api/audit?action=sls", HttpFixture.TOKEN).body().contains("signed out by saml:corp"));
  }

  @Test
  void aResponseChangedAfterTheIdpSignedItIsRefused() throws Exception {
    idp.nextUser("frank", Map.of("memberOf", List.of("ops")));
    HttpResponse<String> acs = signIn(">frank<→>admin<");
    assertEquals(401, acs.statusCode());
    assertTrue(acs.body().contains("was not accepted"), acs.body());
    assertTrue(get(fx.uri("/api/security/status")).body().contains("\"user\":null"));
  }

  @Test
  void theSpMetadataNamesItsAssertionConsumerService() throws Exception {
    String xml = get(fx.uri("/api/security/sso/saml/corp/metadata")).body();
    assertTrue(xml.contains("AssertionConsumerService") && xml.contains("/api/security/sso/saml/corp/acs"), xml);
    String bad = fx.send("PUT", "/api/security/sso/x", JSON.writeValueAsString(Map.of("name", "x", "type", "saml", "settings",
        Map.of("idpEntityId", "e", "idpSsoUrl", idp.ssoUrl(), "idpCertificate", "not a certificate"))), HttpFixture.TOKEN).body();
    assertEquals("settings.idpCertificate", JSON.readTree(bad).get("field").asText());
  }
}
