package dev.pulse.domain.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ConnectionValidatorTest {

  private static final String FP = "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89";

  private static ConnectionDraft draft(String url, String tokenId, String fingerprint) {
    return new ConnectionDraft("pve", "homelab", url, tokenId, "0b1c2d3e-aaaa-bbbb-cccc-0123456789ab", fingerprint, null);
  }

  @Test
  void aValidDraftIsNormalised() {
    ConnectionConfig c = ConnectionValidator.validate("c1", draft("https://pve1:8006/", "monitor@pve!pulse", "SHA256:" + FP));
    assertEquals("https://pve1:8006", c.url().toString());
    assertEquals(FP.replace(":", "").toLowerCase(), c.fingerprint());
    assertEquals(true, c.verifyTls());
  }

  @Test
  void eachBadFieldIsNamed() {
    assertField("url", draft("http://pve1:8006", "monitor@pve!pulse", null));
    assertField("url", draft("https://user:pw@pve1:8006", "monitor@pve!pulse", null));
    assertField("tokenId", draft("https://pve1:8006", "monitor@pve", null));
    assertField("fingerprint", draft("https://pve1:8006", "monitor@pve!pulse", "AB:CD"));
    assertField("type", new ConnectionDraft("vmware", "x", "https://h", "a@b!c", "s", null, null));
    assertField("name", new ConnectionDraft("pve", " ", "https://h", "a@b!c", "s", null, null));
    assertField("tokenSecret", new ConnectionDraft("pve", "x", "https://h", "a@b!c", null, null, null));
  }

  @Test
  void theDraftNeverPrintsItsSecret() {
    assertFalse(draft("https://h", "a@b!c", null).toString().contains("0b1c2d3e"));
    assertEquals("****", Secret.of("hunter2").toString());
  }

  private static void assertField(String field, ConnectionDraft d) {
    InvalidConnectionException e = assertThrows(InvalidConnectionException.class, () -> ConnectionValidator.validate("c", d));
    assertEquals(field, e.field(), e.getMessage());
  }
}
