package dev.pulse.adapters.proxmox;

import dev.pulse.simulators.ManualClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.domain.connection.CertificateFingerprint;
import dev.pulse.domain.connection.ConnectionConfig;
import dev.pulse.domain.connection.ConnectionDraft;
import dev.pulse.domain.connection.ConnectionType;
import dev.pulse.domain.connection.ConnectionValidator;
import dev.pulse.domain.connection.Credentials;
import dev.pulse.domain.connection.InvalidConnectionException;
import dev.pulse.domain.connection.Secret;
import dev.pulse.domain.resource.PmgFacet;
import dev.pulse.domain.resource.ResourceStatus;
import dev.pulse.domain.resource.ResourceType;
import dev.pulse.domain.source.CollectionResult;
import dev.pulse.domain.source.ObservedResource;
import dev.pulse.simulators.pmg.PmgSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The PMG collector against the PMG simulator over real HTTPS, with ticket auth. */
class PmgCollectorIT {

  private final ManualClock clock = new ManualClock(Instant.parse("2026-11-28T12:00:00Z"));
  private PmgSimulator sim;

  @BeforeEach
  void start() {
    sim = PmgSimulator.builder().clock(clock).user("pulse@pmg", "mail-secret-1", false).start();
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private PmgCollector collector(String password) {
    ConnectionConfig config = new ConnectionConfig("m1", ConnectionType.PMG, "mail", List.of(sim.baseUrl()),
        new Credentials.UserPassword("pulse@pmg", Secret.of(password)),
        Set.of(CertificateFingerprint.normalize(sim.fingerprint()).orElseThrow()), true);
    return new PmgCollector(config, Duration.ofSeconds(5), clock);
  }

  private static Map<String, ObservedResource> byKey(CollectionResult result) {
    assertTrue(result.succeeded(), result.error());
    return result.resources().stream().collect(Collectors.toMap(ObservedResource::sourceKey, Function.identity()));
  }

  @Test
  void clusterNodesCarryRoleSyncCpuMemoryAndLoad() {
    Map<String, ObservedResource> all = byKey(collector("mail-secret-1").collect());

    ObservedResource master = all.get("pmg-pmg1");
    assertEquals(ResourceType.PMG, master.type());
    assertEquals(ResourceStatus.ONLINE, master.status());
    assertEquals("master", master.facets().pmg().role());
    assertTrue(master.facets().pmg().inSync());
    assertEquals(1_826_172_928L, master.metrics().memory().used());
    assertEquals(List.of(0.10, 0.12, 0.09), master.facets().host().loadAverage(), "load averages sent as strings are parsed");
    assertEquals("node", all.get("pmg-pmg2").facets().pmg().role());
  }

  @Test
  void mailStatisticsSentAsMixedStringsAndNumbersAreParsedOntoTheMaster() {
    Map<String, ObservedResource> all = byKey(collector("mail-secret-1").collect());

    PmgFacet.Mail mail = all.get("pmg-pmg1").facets().pmg().mail();
    assertEquals(15_230L, mail.total());
    assertEquals(13_002L, mail.incoming());
    assertEquals(2_228L, mail.outgoing(), "sent as a string");
    assertEquals(3_120L, mail.spamIn());
    assertEquals(12L, mail.virusIn());
    assertEquals(57L, mail.bouncesIn());
    assertEquals(0.8231, mail.averageProcessingSeconds(), 1e-9);
    assertNull(all.get("pmg-pmg2").facets().pmg().mail(), "cluster-wide figures are shown once, on the master");
    assertEquals(412L, all.get("pmg-pmg1").facets().pmg().quarantine().count());
  }

  @Test
  void queuesCountRecipientsFromTheTotalAndTheDeferredQueueGrows() {
    PmgCollector collector = collector("mail-secret-1");
    PmgFacet.Queues first = byKey(collector.collect()).get("pmg-pmg1").facets().pmg().queues();
    assertEquals(37L, first.deferred(), "from the list's total, not the one entry asked for");
    assertEquals(2L, first.active());
    assertEquals(1L, first.hold());
    assertEquals(320L, first.oldestDeferredMinutes(), "qshape's strings: the oldest non-empty bucket is 320m");

    clock.advance(Duration.ofMinutes(10));
    PmgFacet.Queues later = byKey(collector.collect()).get("pmg-pmg1").facets().pmg().queues();
    assertEquals(47L, later.deferred());
  }

  @Test
  void aWrongPasswordAndAnExpiredTicketAreHandled() {
    CollectionResult wrong = collector("nope").collect();
    assertFalse(wrong.succeeded());
    assertTrue(wrong.error().contains("login as pulse@pmg failed"), wrong.error());

    PmgCollector collector = collector("mail-secret-1");
    assertTrue(collector.collect().succeeded());
    sim.expireTickets();
    assertTrue(collector.collect().succeeded(), "a 401 leads to a transparent re-login");
  }

  @Test
  void pmgConnectionsRefuseApiTokensNamingTheField() {
    InvalidConnectionException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidConnectionException.class,
        () -> ConnectionValidator.validate("x", ConnectionDraft.withToken("pmg", "mail", "https://pmg1:8006", "a@pmg!t", "s", null, null)));
    assertEquals("tokenId", e.field());
  }
}
