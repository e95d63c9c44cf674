package dev.pulse.domain.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConnectionValidatorTest {

  private static final String FP = "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89";
  private static final String SECRET = "0b1c2d3e-aaaa-bbbb-cccc-0123456789ab";

  private static ConnectionDraft token(String url, String tokenId, String fingerprint) {
    return ConnectionDraft.withToken("pve", "homelab", url, tokenId, SECRET, fingerprint, null);
  }

  private static ConnectionDraft password(String username, String password) {
    return new ConnectionDraft("pve", "homelab", "https://pve1:8006", null, null, null, username, password, null, null);
  }

  @Test
  void aValidTokenDraftIsNormalised() {
    ConnectionConfig c = ConnectionValidator.validate("c1", token("https://pve1:8006/", "monitor@pve!pulse", "SHA256:" + FP));
    assertEquals(URI.create("https://pve1:8006"), c.url());
    assertEquals(Set.of(FP.replace(":", "").toLowerCase()), c.fingerprints());
    assertEquals(true, c.verifyTls());
    assertInstanceOf(Credentials.ApiToken.class, c.credentials());
    assertEquals("monitor@pve!pulse", c.credentials().principal());
  }

  @Test
  void aUserAndPasswordDraftAsksForTicketAuthAndKeepsThePasswordAsGiven() {
    ConnectionConfig c = ConnectionValidator.validate("c1", password("root@pam", " pass with spaces "));
    Credentials.UserPassword up = assertInstanceOf(Credentials.UserPassword.class, c.credentials());
    assertEquals("root@pam", up.username());
    assertEquals(" pass with spaces ", up.password().reveal());
  }

  @Test
  void furtherEndpointsFollowThePreferredOneWithoutDuplicates() {
    ConnectionDraft d = new ConnectionDraft("pve", "lab", "https://pve1:8006", List.of("https://pve2:8006/", "https://pve1:8006", " "),
        "a@b!c", "s", null, null, FP + ", " + FP.replace('A', 'B'), null);
    ConnectionConfig c = ConnectionValidator.validate("c1", d);
    assertEquals(List.of(URI.create("https://pve1:8006"), URI.create("https://pve2:8006")), c.endpoints());
    assertEquals(2, c.fingerprints().size());
  }

  @Test
  void eachBadFieldIsNamed() {
    assertField("url", token("http://pve1:8006", "monitor@pve!pulse", null));
    assertField("url", token("https://user:pw@pve1:8006", "monitor@pve!pulse", null));
    assertField("tokenId", token("https://pve1:8006", "monitor@pve", null));
    assertField("fingerprint", token("https://pve1:8006", "monitor@pve!pulse", "AB:CD"));
    assertField("type", ConnectionDraft.withToken("vmware", "x", "https://h", "a@b!c", "s", null, null));
    assertField("name", ConnectionDraft.withToken("pve", " ", "https://h", "a@b!c", "s", null, null));
    assertField("tokenSecret", ConnectionDraft.withToken("pve", "x", "https://h", "a@b!c", null, null, null));
    assertField("tokenId", ConnectionDraft.withToken("pve", "x", "https://h", null, null, null, null));
    assertField("username", password("root", "pw"));
    assertField("password", password("root@pam", null));
    assertField("endpoints", new ConnectionDraft("pve", "x", "https://h", List.of("ftp://x"), "a@b!c", "s", null, null, null, null));
    assertField("tokenId", new ConnectionDraft("pve", "x", "https://h", null, "a@b!c", "s", "root@pam", "pw", null, null));
  }

  @Test
  void theDraftNeverPrintsItsSecrets() {
    assertFalse(token("https://h", "a@b!c", null).toString().contains("0b1c2d3e"));
    assertFalse(password("root@pam", "hunter2").toString().contains("hunter2"));
    assertEquals("****", Secret.of("hunter2").toString());
  }

  private static void assertField(String field, ConnectionDraft d) {
    InvalidConnectionException e = assertThrows(InvalidConnectionException.class, () -> ConnectionValidator.validate("c", d));
    assertEquals(field, e.field(), e.getMessage());
  }

  @Test
  void aTrueNasKeyIsRefusedOverPlainHttpUnlessTheOperatorAllowsIt() {
    assertField("url", ConnectionDraft.withApiKey("nas", "http://nas01", "1-abc", null, null, false));
    assertField("apiKey", ConnectionDraft.withApiKey("nas", "https://nas01", " ", null, null, false));
    assertField("tokenId", new ConnectionDraft("truenas", "nas", "https://nas01", null, "a@b!c", "s", null, null, null, null, null,
        "1-abc", null));
    assertField("apiKey", new ConnectionDraft("pve", "x", "https://h", null, "a@b!c", "s", null, null, null, null, null, "1-abc", null));

    ConnectionConfig plain = ConnectionValidator.validate("c1", ConnectionDraft.withApiKey("nas", "http://nas01:80/", "1-abc", null, null, true));
    ConnectionConfig tls = ConnectionValidator.validate("c2", ConnectionDraft.withApiKey("nas", "https://nas01", "1-abc", null, null, false));

    assertEquals(ConnectionType.TRUENAS, plain.type());
    assertEquals("http://nas01:80", plain.url().toString());
    assertEquals(new Credentials.ApiKey(Secret.of("1-abc"), true), plain.credentials());
    assertEquals("apikey", tls.credentials().kind());
  }
}
