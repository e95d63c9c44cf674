package dev.pulse.http.internal.sso;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.onelogin.saml2.authn.AuthnRequest;
import com.onelogin.saml2.authn.SamlResponse;
import com.onelogin.saml2.http.HttpRequest;
import com.onelogin.saml2.logout.LogoutRequest;
import com.onelogin.saml2.settings.Saml2Settings;
import com.onelogin.saml2.settings.SettingsBuilder;
import dev.pulse.domain.security.SsoProvider;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SAML 2.0 service provider through OneLogin's java-saml-core (no OpenSAML): AuthnRequests by the
 * HTTP-Redirect binding, Responses by HTTP-POST whose assertions must be signed by the IdP's
 * certificate and be for this SP, this request and now (strict mode), SP metadata, and
 * SP-initiated single logout. Internal: not API.
 */
final class SamlSignIn {

  /** Who the IdP vouched for, and what single logout needs to name their session. */
  record Assertion(OidcSignIn.Identity identity, String nameId, String sessionIndex) {}

  /** Thrown when the IdP's answer is not accepted; the message says why. */
  static final class Rejected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Rejected(String message) {
      super(message);
    }
  }

  private final SecureRandom random = new SecureRandom();
  /** RelayState → the id of the AuthnRequest it went out with: an answer must be to a request we made. */
  private final Cache<String, String> pending = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(10)).maximumSize(10_000).build();

  static String base(Context ctx) {
    return ctx.scheme() + "://" + ctx.host();
  }

  static String path(SsoProvider p, String what) {
    return "/api/security/sso/saml/" + p.id() + "/" + what;
  }

  Saml2Settings settings(SsoProvider p, String base) {
    Map<String, Object> m = new HashMap<>();
    m.put("onelogin.saml2.strict", true);
    m.put("onelogin.saml2.sp.entityid", p.setting("spEntityId", base + path(p, "metadata")));
    m.put("onelogin.saml2.sp.assertion_consumer_service.url", base + path(p, "acs"));
    m.put("onelogin.saml2.sp.single_logout_service.url", base + path(p, "sls"));
    m.put("onelogin.saml2.sp.nameidformat", "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified");
    m.put("onelogin.saml2.idp.entityid", p.setting("idpEntityId", ""));
    m.put("onelogin.saml2.idp.single_sign_on_service.url", p.setting("idpSsoUrl", ""));
    if (p.setting("idpSloUrl", null) != null) {
      m.put("onelogin.saml2.idp.single_logout_service.url", p.setting("idpSloUrl", null));
    }
    m.put("onelogin.saml2.idp.x509cert", p.setting("idpCertificate", ""));
    m.put("onelogin.saml2.security.want_assertions_signed", true);
    m.put("onelogin.saml2.security.authnrequest_signed", false);
    m.put("onelogin.saml2.security.logoutrequest_signed", false);
    m.put("onelogin.saml2.security.want_xml_validation", true);
    m.put("onelogin.saml2.security.reject_deprecated_alg", true);
    return new SettingsBuilder().fromValues(m).build();
  }

  /** Sends the browser to the IdP with an AuthnRequest. */
  void start(Context ctx, SsoProvider p) throws Exception {
    AuthnRequest request = new AuthnRequest(settings(p, base(ctx)));
    byte[] r = new byte[18];
    random.nextBytes(r);
    String relay = Base64.getUrlEncoder().withoutPadding().encodeToString(r);
    pending.put(relay, request.getId());
    String sso = p.setting("idpSsoUrl", "");
    ctx.redirect(sso + (sso.contains("?") ? "&" : "?") + "SAMLRequest=" + URLEncoder.encode(request.getEncodedAuthnRequest(),
        StandardCharsets.UTF_8) + "&RelayState=" + relay);
  }

  /** Checks the IdP's POSTed Response. */
  Assertion accept(Context ctx, SsoProvider p) throws Exception {
    String relay = ctx.formParam("RelayState");
    String requestId = relay == null ? null : pending.asMap().remove(relay);
    if (requestId == null) {
      throw new Rejected("this answer is not to a sign-in Pulse started (unknown or reused RelayState)");
    }
    String saml = ctx.formParam("SAMLResponse");
    if (saml == null) {
      throw new Rejected("the answer has no SAMLResponse");
    }
    Map<String, List<String>> params = Map.of("SAMLResponse", List.of(saml), "RelayState", List.of(relay));
    SamlResponse response = new SamlResponse(settings(p, base(ctx)), new HttpRequest(base(ctx) + path(p, "acs"), params, null));
    if (!response.isValid(requestId)) {
      throw new Rejected(response.getError());
    }
    Map<String, List<String>> attributes = response.getAttributes();
    String nameId = response.getNameId();
    List<String> names = attributes.get(p.setting("usernameAttribute", "-"));
    String username = names == null || names.isEmpty() ? nameId : names.get(0);
    List<String> groups = attributes.getOrDefault(p.setting("groupsAttribute", "groups"), List.of());
    return new Assertion(new OidcSignIn.Identity(username, groups), nameId, response.getSessionIndex());
  }

  /** The browser's way to the IdP's single logout for this session, or {@code null} when the IdP has none. */
  String logout(Context ctx, SsoProvider p, String nameId, String sessionIndex) throws Exception {
    String slo = p.setting("idpSloUrl", null);
    if (slo == null) {
      return null;
    }
    LogoutRequest request = new LogoutRequest(settings(p, base(ctx)), null, nameId, sessionIndex);
    return slo + (slo.contains("?") ? "&" : "?") + "SAMLRequest=" + URLEncoder.encode(request.getEncodedLogoutRequest(),
        StandardCharsets.UTF_8);
  }

  /**
   * Checks a LogoutRequest the IdP sent (it signs someone out everywhere) and answers with the
   * NameID it names and where to send the browser with the LogoutResponse.
   *
   * @return {nameId, redirect}
   */
  String[] idpLogout(Context ctx, SsoProvider p) throws Exception {
    Saml2Settings settings = settings(p, base(ctx));
    HttpRequest request = new HttpRequest(base(ctx) + path(p, "sls"), Map.of("SAMLRequest", List.of(ctx.queryParam("SAMLRequest"))),
        ctx.queryString());
    com.onelogin.saml2.logout.LogoutRequest logout = new com.onelogin.saml2.logout.LogoutRequest(settings, request);
    if (!logout.isValid()) {
      throw new Rejected(logout.getError());
    }
    String nameId = com.onelogin.saml2.logout.LogoutRequest.getNameId(logout.getLogoutRequestXml());
    com.onelogin.saml2.logout.LogoutResponse response = new com.onelogin.saml2.logout.LogoutResponse(settings,
        new com.onelogin.saml2.logout.LogoutResponseParams(logout.id));
    String slo = p.setting("idpSloUrl", null);
    String redirect = slo == null ? "/" : slo + (slo.contains("?") ? "&" : "?") + "SAMLResponse="
        + URLEncoder.encode(response.getEncodedLogoutResponse(), StandardCharsets.UTF_8);
    return new String[] {nameId, redirect};
  }

  String metadata(Context ctx, SsoProvider p) throws Exception {
    return settings(p, base(ctx)).getSPMetadata();
  }
}
