package dev.pulse.adapters.proxmox;

import dev.pulse.simulators.ManualClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.domain.connection.CertificateFingerprint;
import dev.pulse.domain.connection.ConnectionConfig;
import dev.pulse.domain.connection.ConnectionTestResult;
import dev.pulse.domain.connection.ConnectionType;
import dev.pulse.domain.connection.Credentials;
import dev.pulse.domain.connection.Secret;
import dev.pulse.domain.resource.ResourceType;
import dev.pulse.domain.source.CollectionResult;
import dev.pulse.simulators.Fault;
import dev.pulse.simulators.pve.PveSimulator;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Endpoint failover, ticket auth, privilege detection and connection tests against a 3-endpoint simulator. */
class PveClusterAccessIT {

  private static final String TOKEN_ID = "monitor@pve!pulse";
  private static final String SECRET = "5f0c5e4a-1b2c-4d5e-8f90-a1b2c3d4e5f6";

  private final ManualClock clock = new ManualClock(Instant.parse("2026-11-28T12:00:00Z"));
  private PveSimulator sim;
  private String pin;

  @BeforeEach
  void start() {
    sim = PveSimulator.builder().endpoints(3).clock(clock)
        .token(TOKEN_ID, SECRET)
        .restrictedToken("monitor@pve!privsep", SECRET)
        .user("pulse@pve", "correct horse", false)
        .user("admin@pam", "secret", true)
        .start();
    pin = CertificateFingerprint.normalize(sim.fingerprint()).orElseThrow();
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private ConnectionConfig config(Credentials credentials, List<URI> endpoints) {
    return new ConnectionConfig("c1", ConnectionType.PVE, "lab", endpoints, credentials, Set.of(pin), true);
  }

  private ConnectionConfig token() {
    return config(new Credentials.ApiToken(TOKEN_ID, Secret.of(SECRET)), sim.baseUrls());
  }

  private PveCollector collector(ConnectionConfig config) {
    return new PveCollector(config, Duration.ofSeconds(2), clock);
  }

  @Test
  void aSteadyStateFastCycleMakesTwoRequestsPlusOnePerOnlineNode() {
    PveCollector collector = collector(token());
    assertTrue(collector.collect().succeeded());
    int before = sim.requestCount();

    assertTrue(collector.collect().succeeded());

    assertEquals(2 + 2, sim.requestCount() - before, "cluster/status + cluster/resources + 2 online nodes, for 34 guests");
  }

  @Test
  void aRefusingEndpointFailsOverWithinTheSameCycle() {
    PveCollector collector = collector(token());
    sim.setEndpointFault(0, Fault.REFUSED);

    CollectionResult result = collector.collect();

    assertTrue(result.succeeded(), result.error());
    assertEquals(3, result.resources().stream().filter(r -> r.type() == ResourceType.AGENT).count());
    assertEquals(34, result.resources().stream().filter(r -> r.type() == ResourceType.VM || r.type() == ResourceType.SYSTEM_CONTAINER).count());
  }

  @Test
  void http596And5xxAndSlowEndpointsFailOverToo() {
    PveCollector collector = collector(token());
    sim.setEndpointFault(0, Fault.HTTP_596);
    sim.setEndpointLatency(1, Duration.ofSeconds(5));

    CollectionResult result = collector.collect();

    assertTrue(result.succeeded(), result.error());
    int before = sim.requestCount();
    assertTrue(collector.collect().succeeded());
    assertEquals(4, sim.requestCount() - before, "resting endpoints are not tried again at once");
  }

  @Test
  void aSlowNodeIsLeftOutWhileTheOtherNodesAreUpdatedInTheSameCycle() {
    PveCollector collector = new PveCollector(token(), Duration.ofMillis(800), clock);
    sim.setNodeLatency("pve2", Duration.ofSeconds(5));

    CollectionResult result = collector.collect();

    assertTrue(result.succeeded(), result.error());
    var byKey = result.resources().stream().collect(java.util.stream.Collectors.toMap(r -> r.sourceKey(), r -> r));
    assertNotNull(byKey.get("node-pve1").facets().host(), "pve1's status arrived");
    assertNull(byKey.get("node-pve2").facets().host(), "pve2's status did not arrive in time");
    assertNotNull(byKey.get("node-pve2").metrics().cpu(), "pve2 still has its figures from /cluster/resources");
  }

  @Test
  void aRestingEndpointIsReprobedAfterItsBackoff() {
    PveCollector collector = collector(token());
    sim.setEndpointFault(0, Fault.HTTP_500);
    assertTrue(collector.collect().succeeded());
    sim.setEndpointFault(0, Fault.NONE);
    int firstBefore = sim.requestCount("/version") + sim.requestCount("/cluster/status");

    clock.advance(Duration.ofSeconds(16));
    assertTrue(collector.collect().succeeded());

    assertTrue(sim.requestCount("/cluster/status") + sim.requestCount("/version") > firstBefore);
  }

  @Test
  void everyEndpointDownNamesEachError() {
    sim.setFault(Fault.HTTP_500);

    CollectionResult result = collector(token()).collect();

    assertFalse(result.succeeded());
    assertTrue(result.error().startsWith("every endpoint failed"), result.error());
  }

  @Test
  void aUserAndPasswordLogInForATicketAndLogInAgainWhenItExpires() {
    PveCollector collector = collector(config(new Credentials.UserPassword("pulse@pve", Secret.of("correct horse")), sim.baseUrls()));
    assertTrue(collector.collect().succeeded());
    assertEquals(1, sim.requestCount("/access/ticket"));

    assertTrue(collector.collect().succeeded());
    assertEquals(1, sim.requestCount("/access/ticket"), "the ticket is reused");

    sim.expireTickets();
    CollectionResult afterExpiry = collector.collect();
    assertTrue(afterExpiry.succeeded(), afterExpiry.error());
    assertEquals(2, sim.requestCount("/access/ticket"), "a 401 leads to one transparent re-login");
  }

  @Test
  void aTicketIsRenewedBeforeItsTwoHourExpiry() {
    PveCollector collector = collector(config(new Credentials.UserPassword("pulse@pve", Secret.of("correct horse")), sim.baseUrls()));
    assertTrue(collector.collect().succeeded());

    clock.advance(Duration.ofMinutes(100));
    assertTrue(collector.collect().succeeded());
    clock.advance(Duration.ofMinutes(100));
    CollectionResult later = collector.collect();

    assertTrue(later.succeeded(), later.error());
    assertEquals(3, sim.requestCount("/access/ticket"), "renewed at 100 and at 200 minutes; the 2-hour expiry never hit");
  }

  @Test
  void aWrongPasswordAndATwoFactorAccountGetClearErrors() {
    CollectionResult wrong = collector(config(new Credentials.UserPassword("pulse@pve", Secret.of("nope")), sim.baseUrls())).collect();
    assertTrue(wrong.error().contains("login as pulse@pve failed"), wrong.error());

    CollectionResult tfa = collector(config(new Credentials.UserPassword("admin@pam", Secret.of("secret")), sim.baseUrls())).collect();
    assertTrue(tfa.error().contains("two-factor"), tfa.error());
  }

  @Test
  void aPrivilegeSeparatedTokenWithoutAclsIsReportedNotShownAsAnEmptyCluster() {
    CollectionResult result = collector(config(new Credentials.ApiToken("monitor@pve!privsep", Secret.of(SECRET)), sim.baseUrls())).collect();

    assertFalse(result.succeeded());
    assertTrue(result.error().contains("VM.Audit"), result.error());
    assertTrue(result.error().contains("PVEAuditor"), result.error());
  }

  @ParameterizedTest(name = "/access/permissions answering {0}")
  @ValueSource(ints = {403, 404, 501})
  void permissionsThatCannotBeReadLeaveTheClusterPolledWithAWarning(int status) {
    sim.setPathStatus("/access/permissions", status);
    CollectionResult result = collector(token()).collect();

    assertTrue(result.succeeded(), result.error());
    assertTrue(result.resources().stream().anyMatch(r -> r.sourceKey().startsWith("qemu-")), "the guests are shown");
    assertEquals(1, result.warnings().size(), result.warnings().toString());
    assertTrue(result.warnings().get(0).startsWith("could not verify privileges: "), result.warnings().get(0));
    ConnectionTestResult tested = new ProxmoxCollectorFactory(Duration.ofSeconds(2), clock).test(token());
    assertTrue(tested.ok(), tested.error());
    assertTrue(tested.error().startsWith("could not verify privileges"), tested.error());
  }

  @Test
  void aWarningGoesOnceThePermissionsCanBeReadAgain() {
    sim.setPathStatus("/access/permissions", 404);
    PveCollector collector = collector(token());
    assertEquals(1, collector.collect().warnings().size());
    sim.setPathStatus("/access/permissions", 0);
    clock.advance(Duration.ofMinutes(11));
    CollectionResult later = collector.collect();
    assertTrue(later.succeeded() && later.warnings().isEmpty(), later.warnings().toString());
  }

  @Test
  void testingReportsVersionFingerprintsAndMissingPrivileges() {
    ConnectionTestResult good = new ProxmoxCollectorFactory(Duration.ofSeconds(2), clock).test(token());
    assertTrue(good.ok(), good.error());
    assertEquals("8.2.4", good.version());
    assertEquals(3, good.endpoints().size());
    assertEquals(sim.fingerprint(), good.endpoints().get(0).fingerprint());

    ConnectionTestResult restricted = new ProxmoxCollectorFactory(Duration.ofSeconds(2), clock)
        .test(config(new Credentials.ApiToken("monitor@pve!privsep", Secret.of(SECRET)), sim.baseUrls()));
    assertFalse(restricted.ok());
    assertEquals(List.of("Sys.Audit on /", "VM.Audit on /vms", "Datastore.Audit on /storage"), restricted.missingPrivileges());
  }

  @Test
  void testingAnUnpinnedSelfSignedEndpointOffersItsFingerprintWithoutSendingCredentials() {
    ConnectionConfig unpinned = new ConnectionConfig("c1", ConnectionType.PVE, "lab", List.of(sim.baseUrl()),
        new Credentials.ApiToken(TOKEN_ID, Secret.of(SECRET)), Set.of(), true);
    int before = sim.requestCount();

    ConnectionTestResult result = new ProxmoxCollectorFactory(Duration.ofSeconds(2), clock).test(unpinned);

    assertFalse(result.ok());
    assertFalse(result.endpoints().get(0).trusted());
    assertEquals(sim.fingerprint(), result.endpoints().get(0).fingerprint());
    assertNull(result.version());
    assertEquals(before, sim.requestCount(), "nothing was sent to an untrusted endpoint");
  }
}
