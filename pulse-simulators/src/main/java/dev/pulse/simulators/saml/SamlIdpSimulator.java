package dev.pulse.simulators.saml;

import com.onelogin.saml2.util.Constants;
import com.onelogin.saml2.util.Util;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/**
 * A SAML 2.0 identity provider as a browser meets one: {@code GET /sso} takes an AuthnRequest by
 * the HTTP-Redirect binding and answers, for the next person queued ({@link #nextUser}), a page
 * that POSTs a signed Response (RSA-SHA256, assertion and response signed) to the request's
 * AssertionConsumerServiceURL; {@code GET /slo} takes a LogoutRequest and redirects back with a
 * LogoutResponse; {@code GET /metadata} describes it. Plain HTTP on loopback, for tests and demos.
 */
public final class SamlIdpSimulator implements AutoCloseable {

  /** Someone who signs in: their NameID and attributes (for example groups). */
  public record Person(String nameId, Map<String, List<String>> attributes) {}

  private final Javalin app;
  private final PrivateKey key;
  private final X509Certificate cert;
  private final Clock clock;
  private final ConcurrentLinkedQueue<Person> people = new ConcurrentLinkedQueue<>();
  private volatile String afterLogout;

  private SamlIdpSimulator(Clock clock) {
    this.clock = clock;
    try (InputStream in = SamlIdpSimulator.class.getResourceAsStream("/dev/pulse/simulators/saml-idp.p12")) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, "simulator".toCharArray());
      this.key = (PrivateKey) store.getKey("idp", "simulator".toCharArray());
      this.cert = (X509Certificate) store.getCertificate("idp");
    } catch (Exception e) {
      throw new IllegalStateException("cannot load saml-idp.p12", e);
    }
    this.app = Javalin.create(c -> {
      c.startup.showJavalinBanner = false;
      c.jetty.host = "127.0.0.1";
      c.routes.get("/sso", this::sso);
      c.routes.get("/slo", this::slo);
      c.routes.get("/logout-initiated", this::logoutInitiated);
      c.routes.get("/metadata", ctx -> ctx.contentType("application/samlmetadata+xml").result(metadata()));
    });
  }

  public static SamlIdpSimulator start(Clock clock) {
    SamlIdpSimulator idp = new SamlIdpSimulator(clock);
    idp.app.start(0);
    return idp;
  }

  /** Queues who signs in at the next request; without anyone queued the IdP refuses. */
  public void nextUser(String nameId, Map<String, List<String>> attributes) {
    people.add(new Person(nameId, attributes));
  }

  /** Where a LogoutResponse goes after single logout: the service provider's SLS endpoint. */
  public void afterLogout(String spSingleLogoutUrl) {
    this.afterLogout = spSingleLogoutUrl;
  }

  public String entityId() {
    return baseUrl() + "/metadata";
  }

  public String ssoUrl() {
    return baseUrl() + "/sso";
  }

  public String sloUrl() {
    return baseUrl() + "/slo";
  }

  /** The signing certificate, PEM, to configure the service provider with. */
  public String certificatePem() {
    try {
      return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
          .encodeToString(cert.getEncoded()) + "\n-----END CERTIFICATE-----\n";
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  private String baseUrl() {
    return "http://127.0.0.1:" + app.port();
  }

  private void sso(Context ctx) throws Exception {
    Element request = parse(Util.base64decodedInflated(ctx.queryParam("SAMLRequest"))).getDocumentElement();
    String acs = request.getAttribute("AssertionConsumerServiceURL");
    String requestId = request.getAttribute("ID");
    String audience = request.getElementsByTagNameNS(Constants.NS_SAML, "Issuer").item(0).getTextContent();
    Person person = people.poll();
    if (person == null) {
      ctx.status(403).result("nobody is queued to sign in at this simulated IdP");
      return;
    }
    String response = signedResponse(person, acs, requestId, audience);
    String relay = ctx.queryParam("RelayState");
    ctx.contentType("text/html; charset=utf-8").result("""
        <!doctype html><html><body onload="document.forms[0].submit()"><form method="post" action="%s">
        <input type="hidden" name="SAMLResponse" value="%s"><input type="hidden" name="RelayState" value="%s">
        <noscript><button type="submit">Continue</button></noscript></form></body></html>"""
        .formatted(escape(acs), Base64.getEncoder().encodeToString(response.getBytes(StandardCharsets.UTF_8)),
            escape(relay == null ? "" : relay)));
  }

  /**
   * The IdP signs someone out everywhere: the browser is sent to the service provider's single
   * logout with a LogoutRequest naming {@code nameId}.
   */
  private void logoutInitiated(Context ctx) throws Exception {
    String sls = afterLogout;
    String request = """
        <samlp:LogoutRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"
          ID="%s" Version="2.0" IssueInstant="%s" Destination="%s"><saml:Issuer>%s</saml:Issuer>
          <saml:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified">%s</saml:NameID></samlp:LogoutRequest>"""
        .formatted(Util.generateUniqueID(), Util.formatDateTime(clock.millis()), escape(sls), entityId(),
            escape(ctx.queryParam("nameId")));
    ctx.redirect(sls + "?SAMLRequest=" + java.net.URLEncoder.encode(Util.deflatedBase64encoded(request), StandardCharsets.UTF_8));
  }

  private void slo(Context ctx) throws Exception {
    if (ctx.queryParam("SAMLResponse") != null) {
      ctx.contentType("text/html; charset=utf-8").result("<!doctype html><p data-testid=\"idp-signed-out\">Signed out everywhere.</p>");
      return;
    }
    Element request = parse(Util.base64decodedInflated(ctx.queryParam("SAMLRequest"))).getDocumentElement();
    String now = Util.formatDateTime(clock.millis());
    String destination = afterLogout;
    if (destination == null) {
      ctx.contentType("text/html; charset=utf-8").result("<!doctype html><p>Signed out of the simulated IdP.</p>");
      return;
    }
    String logoutResponse = """
        <samlp:LogoutResponse xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"
          ID="%s" Version="2.0" IssueInstant="%s" InResponseTo="%s"><saml:Issuer>%s</saml:Issuer>
          <samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status></samlp:LogoutResponse>"""
        .formatted(Util.generateUniqueID(), now, request.getAttribute("ID"), entityId());
    ctx.redirect(destination + (destination.contains("?") ? "&" : "?") + "SAMLResponse="
        + java.net.URLEncoder.encode(Util.deflatedBase64encoded(logoutResponse), StandardCharsets.UTF_8));
  }

  private String signedResponse(Person person, String acs, String requestId, String audience) throws Exception {
    long now = clock.millis();
    String issued = Util.formatDateTime(now);
    String notBefore = Util.formatDateTime(now - Duration.ofMinutes(1).toMillis());
    String notAfter = Util.formatDateTime(now + Duration.ofMinutes(5).toMillis());
    StringBuilder attributes = new StringBuilder();
    person.attributes().forEach((name, values) -> {
      attributes.append("<saml:Attribute Name=\"").append(escape(name)).append("\">");
      values.forEach(v -> attributes.append("<saml:AttributeValue>").append(escape(v)).append("</saml:AttributeValue>"));
      attributes.append("</saml:Attribute>");
    });
    String assertionId = Util.generateUniqueID();
    String assertion = """
        <saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="%s" Version="2.0" IssueInstant="%s">
        <saml:Issuer>%s</saml:Issuer>
        <saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified">%s</saml:NameID>
        <saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">
        <saml:SubjectConfirmationData NotOnOrAfter="%s" Recipient="%s" InResponseTo="%s"/></saml:SubjectConfirmation></saml:Subject>
        <saml:Conditions NotBefore="%s" NotOnOrAfter="%s"><saml:AudienceRestriction><saml:Audience>%s</saml:Audience>
        </saml:AudienceRestriction></saml:Conditions>
        <saml:AuthnStatement AuthnInstant="%s" SessionIndex="_session_%s"><saml:AuthnContext>
        <saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:Password</saml:AuthnContextClassRef></saml:AuthnContext>
        </saml:AuthnStatement><saml:AttributeStatement>%s</saml:AttributeStatement></saml:Assertion>"""
        .formatted(assertionId, issued, entityId(), escape(person.nameId()), notAfter, escape(acs), escape(requestId), notBefore,
            notAfter, escape(audience), issued, assertionId, attributes);
    String signedAssertion = Util.addSign(parse(assertion), key, cert, Constants.RSA_SHA256, Constants.SHA256);
    signedAssertion = signedAssertion.replaceFirst("^<\\?xml[^>]*\\?>", "");
    String response = """
        <samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"
        ID="%s" Version="2.0" IssueInstant="%s" Destination="%s" InResponseTo="%s"><saml:Issuer>%s</saml:Issuer>
        <samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>%s</samlp:Response>"""
        .formatted(Util.generateUniqueID(), issued, escape(acs), escape(requestId), entityId(), signedAssertion);
    return Util.addSign(parse(response), key, cert, Constants.RSA_SHA256, Constants.SHA256);
  }

  private String metadata() {
    String pem = certificatePem().replaceAll("-----[A-Z ]+-----|\\s", "");
    return """
        <md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="%s"><md:IDPSSODescriptor
        WantAuthnRequestsSigned="false" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
        <md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>%s
        </ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
        <md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="%s"/>
        <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="%s"/>
        </md:IDPSSODescriptor></md:EntityDescriptor>""".formatted(entityId(), pem, sloUrl(), ssoUrl());
  }

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  @Override
  public void close() {
    app.stop();
  }
}
