package dev.pulse.domain.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The typed starts give drafts that validate as the platform's connection, each field where it was named. */
class TypedConnectionDraftsTest {

  private static final String PIN = String.join(":", java.util.Collections.nCopies(32, "AB"));

  @Test
  void aPveTokenConnectionCarriesItsEndpointsPinAndIntervals() {
    ConnectionConfig c = ConnectionValidator.validate("c1", PveConnection.token("lab", "https://pve1:8006", "monitor@pve!pulse",
        "secret-value").endpoints("https://pve2:8006").fingerprint(PIN).intervals(15, null, 600).build());

    assertEquals(ConnectionType.PVE, c.type());
    assertEquals(List.of("https://pve1:8006", "https://pve2:8006"), c.endpoints().stream().map(Object::toString).toList());
    assertEquals("monitor@pve!pulse", assertInstanceOf(Credentials.ApiToken.class, c.credentials()).tokenId());
    assertEquals(1, c.fingerprints().size());
    assertEquals(15, c.intervals().fast().toSeconds());
    assertEquals(600, c.intervals().disks().toSeconds());
  }

  @Test
  void pbsAndPmgSignInAsTheirUsersAndPmgHasNoTokens() {
    ConnectionConfig pbs = ConnectionValidator.validate("b1", PbsConnection.password("backup", "https://pbs1:8007", "monitor@pbs",
        "a password").build());
    ConnectionConfig pmg = ConnectionValidator.validate("m1", PmgConnection.password("mail", "https://pmg1:8006", "monitor@pmg",
        "a password").verifyTls(false).build());

    assertEquals(ConnectionType.PBS, pbs.type());
    assertInstanceOf(Credentials.UserPassword.class, pbs.credentials());
    assertEquals(ConnectionType.PMG, pmg.type());
    assertTrue(!pmg.verifyTls());
  }

  @Test
  void aTrueNasKeyOverPlainHttpNeedsTheOperatorsExplicitConsent() {
    InvalidConnectionException refused = assertThrows(InvalidConnectionException.class, () -> ConnectionValidator.validate("n1",
        TrueNasConnection.apiKey("nas", "http://nas1", "1-abc").build()));
    assertEquals("url", refused.field());

    ConnectionConfig allowed = ConnectionValidator.validate("n1",
        TrueNasConnection.apiKey("nas", "http://nas1", "1-abc").allowInsecureTransport().build());
    assertEquals(ConnectionType.TRUENAS, allowed.type());
  }
}
