package dev.pulse.adapters.proxmox;

import dev.pulse.simulators.ManualClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.adapters.proxmox.internal.PbsGroupTier;
import dev.pulse.adapters.proxmox.internal.ProxmoxApiClient;
import dev.pulse.adapters.proxmox.internal.ProxmoxProduct;
import dev.pulse.domain.connection.CertificateFingerprint;
import dev.pulse.domain.connection.ConnectionConfig;
import dev.pulse.domain.connection.ConnectionTestResult;
import dev.pulse.domain.connection.ConnectionType;
import dev.pulse.domain.connection.Credentials;
import dev.pulse.domain.connection.Secret;
import dev.pulse.domain.resource.DatastoreFacet;
import dev.pulse.domain.resource.PbsFacet;
import dev.pulse.domain.resource.ResourceStatus;
import dev.pulse.domain.resource.ResourceType;
import dev.pulse.domain.source.CollectionResult;
import dev.pulse.domain.source.ObservedResource;
import dev.pulse.simulators.pbs.PbsSimulator;
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

/** The PBS collector against the PBS simulator over real HTTPS. */
class PbsCollectorIT {

  private static final String SECRET = "7d1e0c2b-5a4f-4e3d-9c8b-7a6f5e4d3c2b";

  private final ManualClock clock = new ManualClock(Instant.parse("2026-11-28T12:00:00Z"));
  private PbsSimulator sim;

  @BeforeEach
  void start() {
    sim = PbsSimulator.builder().clock(clock).token("pulse@pbs!monitor", SECRET).restrictedToken("pulse@pbs!nothing", SECRET)
        .user("backup@pbs", "hunter22", false).start();
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private ConnectionConfig config(Credentials credentials) {
    return new ConnectionConfig("b1", ConnectionType.PBS, "pbs1", List.of(sim.baseUrl()), credentials,
        Set.of(CertificateFingerprint.normalize(sim.fingerprint()).orElseThrow()), true);
  }

  private PbsCollector collector(Credentials credentials) {
    return new PbsCollector(config(credentials), Duration.ofSeconds(5), clock);
  }

  private Map<String, ObservedResource> collect() {
    CollectionResult result = collector(new Credentials.ApiToken("pulse@pbs!monitor", Secret.of(SECRET))).collect();
    assertTrue(result.succeeded(), result.error());
    return result.resources().stream().collect(Collectors.toMap(ObservedResource::sourceKey, Function.identity()));
  }

  @Test
  void theServerCarriesCpuMemoryRootDiskLoadVersionAndFingerprint() {
    ObservedResource server = collect().get("pbs");

    assertEquals(ResourceType.PBS, server.type());
    assertEquals(4, server.metrics().cpu().cores());
    assertEquals(9_663_676_416L, server.metrics().memory().used());
    assertEquals(8_602_532_352L, server.metrics().disk().used(), "PBS calls the root disk root, not rootfs");
    assertEquals(List.of(0.41, 0.52, 0.6), server.facets().host().loadAverage());
    assertEquals("3.2-7", server.facets().pbs().version());
    assertEquals(sim.fingerprint(), server.facets().pbs().fingerprint());
  }

  @Test
  void datastoresCarryUsageDedupAndTheEstimatedFullDateWhereZeroMeansNotGrowing() {
    Map<String, ObservedResource> all = collect();

    ObservedResource store1 = all.get("datastore-store1");
    DatastoreFacet ds1 = store1.facets().datastore();
    assertEquals(ResourceType.STORAGE, store1.type());
    assertEquals("pbs", store1.parentKey());
    assertEquals(8_000_000_000_000L, store1.metrics().disk().total());
    assertEquals(48_318_382_080_000.0 / 6_871_947_673_600.0, ds1.dedupFactor(), 1e-9);
    assertEquals(clock.instant().plus(Duration.ofDays(40)), ds1.estimatedFull());
    assertTrue(ds1.growing());

    DatastoreFacet ds2 = all.get("datastore-store2").facets().datastore();
    assertNull(ds2.estimatedFull());
    assertFalse(ds2.growing(), "an estimated full date of 0 means the datastore is not growing");
    assertNull(ds2.dedupFactor(), "no GC yet: no dedup factor rather than a made-up one");
    assertNull(ds2.lastGc());
  }

  @Test
  void anUnavailableDatastoreIsOfflineWithItsErrorAndUnknownUsage() {
    ObservedResource usb = collect().get("datastore-offline-usb");

    assertEquals(ResourceStatus.OFFLINE, usb.status());
    assertTrue(usb.facets().datastore().error().contains("mount point not found"));
    assertNull(usb.metrics().disk());
    assertEquals("type=offline", usb.facets().datastore().maintenance());
  }

  @Test
  void backupGroupsCarryTheirLatestSnapshotsVerificationSizeAndOwner() {
    ObservedResource store1 = collect().get("datastore-store1");
    Map<String, DatastoreFacet.BackupGroup> groups = store1.facets().datastore().groups().stream()
        .collect(Collectors.toMap(g -> g.type() + "/" + g.id(), Function.identity()));

    assertEquals(13, groups.size());
    assertEquals("failed", groups.get("vm/100").verification());
    assertEquals(ResourceStatus.WARNING, store1.status(), "a failed verification needs attention");
    assertNull(groups.get("vm/102").verification(), "last night's snapshot is not verified yet: unknown, not ok");
    assertEquals("102", groups.get("vm/102").id(), "backup ids are strings in PBS");
    assertNull(groups.get("vm/124").lastSizeBytes(), "a backup still running has no size yet");
    assertEquals(14, groups.get("vm/100").count());
    assertEquals("root@pam", groups.get("vm/100").owner());
    assertNotNull(groups.get("host/pve1").lastBackup());
  }

  @Test
  void aPbsWithoutNamespacesStillHasItsBackupGroupsReadFromTheRoot() {
    sim.setPathStatus("/admin/datastore/store1/namespace", 404);
    assertEquals(13, collect().get("datastore-store1").facets().datastore().groups().size());
  }

  @Test
  void aPbsThatListsNoNamespaceStillHasItsBackupGroupsReadFromTheRoot() {
    sim.setPathData("/admin/datastore/store1/namespace", List.of());
    assertEquals(13, collect().get("datastore-store1").facets().datastore().groups().size());
  }

  @Test
  void permissionsThatCannotBeReadLeaveTheServerPolledWithAWarning() {
    sim.setPathStatus("/access/permissions", 501);
    CollectionResult result = collector(new Credentials.ApiToken("pulse@pbs!monitor", Secret.of(SECRET))).collect();
    assertTrue(result.succeeded(), result.error());
    assertTrue(result.warnings().get(0).startsWith("could not verify privileges"), result.warnings().toString());
  }

  @Test
  void jobsCarryTheirLastOutcomeAndAFailedVerifyJobMarksTheServer() {
    ObservedResource server = collect().get("pbs");
    Map<String, PbsFacet.Job> jobs = server.facets().pbs().jobs().stream()
        .collect(Collectors.toMap(j -> j.kind() + ":" + j.id(), Function.identity()));

    assertEquals("error", jobs.get("verify:v-3fa1b2c4").outcome());
    assertEquals("warning", jobs.get("prune:p-store1").outcome());
    assertEquals("ok", jobs.get("sync:s-8c2d").outcome());
    assertEquals("ok", jobs.get("gc:store1").outcome());
    assertEquals("never", jobs.get("gc:store2").outcome());
    assertEquals(ResourceStatus.WARNING, server.status());
  }

  @Test
  void snapshotListsAreReadAtMostTheCapPerCycleNewBackupsFirstThenInTurn() throws Exception {
    ProxmoxApiClient client = new ProxmoxApiClient(ProxmoxProduct.PBS,
        config(new Credentials.ApiToken("pulse@pbs!monitor", Secret.of(SECRET))), Duration.ofSeconds(5), clock);
    PbsGroupTier tier = new PbsGroupTier(5);

    tier.refresh(client, List.of("store1"));
    assertEquals(5, sim.requestCount("/admin/datastore/store1/snapshots"));
    assertEquals(5, tier.groups("store1").stream().filter(g -> g.verification() != null || g.lastSizeBytes() != null).count());
    tier.refresh(client, List.of("store1"));
    tier.refresh(client, List.of("store1"));
    assertEquals(15, sim.requestCount("/admin/datastore/store1/snapshots"));
    assertEquals(13, tier.groupsTotal("store1"));
    assertTrue(tier.groups("store1").stream().filter(g -> !g.id().equals("124")).allMatch(g -> g.lastSizeBytes() != null),
        "three capped cycles read all 13 groups");
  }

  @Test
  void aTokenUsesTheColonSeparatorAndAWrongOneGets401() {
    CollectionResult wrong = collector(new Credentials.ApiToken("pulse@pbs!monitor", Secret.of("nope"))).collect();
    assertFalse(wrong.succeeded());
    assertTrue(wrong.error().contains("HTTP 401"), wrong.error());
  }

  @Test
  void aUserAndPasswordLogInWithAPbsTicket() {
    CollectionResult result = collector(new Credentials.UserPassword("backup@pbs", Secret.of("hunter22"))).collect();
    assertTrue(result.succeeded(), result.error());
  }

  @Test
  void aTokenWithoutAclsIsReportedNotShownAsAServerWithoutDatastores() {
    CollectionResult result = collector(new Credentials.ApiToken("pulse@pbs!nothing", Secret.of(SECRET))).collect();
    assertFalse(result.succeeded());
    assertTrue(result.error().contains("Datastore.Audit"), result.error());
  }

  @Test
  void testingReportsTheVersion() {
    ConnectionTestResult result = new ProxmoxCollectorFactory(Duration.ofSeconds(5), clock)
        .test(config(new Credentials.ApiToken("pulse@pbs!monitor", Secret.of(SECRET))));
    assertTrue(result.ok(), result.error());
    assertEquals("3.2", result.version());
  }
}
