package dev.pulse.adapters.proxmox;

import dev.pulse.simulators.ManualClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.domain.connection.CertificateFingerprint;
import dev.pulse.domain.connection.ConnectionConfig;
import dev.pulse.domain.connection.ConnectionType;
import dev.pulse.domain.connection.Credentials;
import dev.pulse.domain.connection.Secret;
import dev.pulse.domain.resource.DiskFacet;
import dev.pulse.domain.resource.GuestFacet;
import dev.pulse.domain.resource.HostFacet;
import dev.pulse.domain.resource.ResourceStatus;
import dev.pulse.domain.resource.ResourceType;
import dev.pulse.domain.resource.ZfsPoolFacet;
import dev.pulse.domain.source.CollectionResult;
import dev.pulse.domain.source.ObservedResource;
import dev.pulse.simulators.pve.PveSimulator;
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

/** The slow and disk tiers, and rates, against the simulator with a hand-moved clock. */
class PveDetailIT {

  private static final long GIB = 1L << 30;

  private final ManualClock clock = new ManualClock(Instant.parse("2026-11-28T12:00:00Z"));
  private PveSimulator sim;
  private PveCollector collector;

  @BeforeEach
  void start() {
    sim = PveSimulator.builder().clock(clock).start();
    ConnectionConfig config = new ConnectionConfig("c1", ConnectionType.PVE, "lab", List.of(sim.baseUrl()),
        new Credentials.ApiToken("pulse@pve!monitor", Secret.of("00000000-0000-0000-0000-000000000000")),
        Set.of(CertificateFingerprint.normalize(sim.fingerprint()).orElseThrow()), true);
    collector = new PveCollector(config, Duration.ofSeconds(5), clock);
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private Map<String, ObservedResource> collect() {
    CollectionResult result = collector.collect();
    assertTrue(result.succeeded(), result.error());
    return result.resources().stream().collect(Collectors.toMap(ObservedResource::sourceKey, Function.identity()));
  }

  @Test
  void nodesCarryKernelVersionCpuModelLoadSwapAndAvailableMemory() {
    ObservedResource pve1 = collect().get("node-pve1");
    HostFacet host = pve1.facets().host();

    assertEquals("6.8.12-4-pve", host.kernel());
    assertEquals("pve-manager/8.2.4/faa83925c9641325", host.platformVersion());
    assertEquals("AMD Ryzen 7 5700G with Radeon Graphics", host.cpuModel());
    assertEquals(8, host.cpuCores());
    assertEquals(16, host.cpuThreads());
    assertEquals(3, host.loadAverage().size(), "load averages sent as strings are parsed");
    assertNotNull(host.memoryAvailableBytes());
    assertEquals(8589930496L, pve1.metrics().swap().total());
    assertEquals(0, pve1.metrics().swap().used());
    assertNull(collect().get("node-pve3").facets().host(), "nothing is made up for an offline node");
    assertEquals(3, host.pendingUpdates(), "from /apt/update on the disk tier");
    assertEquals(0, collect().get("node-pve2").facets().host().pendingUpdates());
  }

  @Test
  void memoryIsMeasuredAgainstTheBalloonWhenTheDriverReportsIt() {
    Map<String, ObservedResource> all = collect();

    assertEquals(6 * GIB, all.get("qemu-100").metrics().memory().total(), "balloon at 3/4 of 8 GiB");
    assertEquals(8 * GIB, all.get("qemu-102").metrics().memory().total(), "no balloon: the configured maximum");
  }

  @Test
  void ioRatesComeFromCumulativeCountersBetweenTwoCollections() {
    assertNull(collect().get("qemu-100").metrics().netIn(), "one sample gives no rate");

    clock.advance(Duration.ofSeconds(10));
    ObservedResource vm = collect().get("qemu-100");

    // the simulator's counters grow by uptime × 1024 × (vmid % 13 + 1): 1024 × 10 B/s for vmid 100
    assertEquals(10 * 1024.0, vm.metrics().netIn().bytesPerSecond(), 1e-6);
    assertEquals(5 * 1024.0, vm.metrics().netOut().bytesPerSecond(), 1e-6);
    assertEquals(30 * 1024.0, vm.metrics().diskRead().bytesPerSecond(), 1e-6);
    assertEquals(20 * 1024.0, vm.metrics().diskWrite().bytesPerSecond(), 1e-6);
    assertNull(collect().get("qemu-106").metrics().netIn(), "a stopped guest has no rate");
  }

  @Test
  void theAgentGivesOsAddressesAndFilesystemsWithoutBindMountsOrPseudoFilesystems() {
    ObservedResource vm = collect().get("qemu-100");
    GuestFacet guest = vm.facets().guest();

    assertEquals("Debian GNU/Linux 12 (bookworm)", guest.os());
    assertEquals(List.of("10.0.1.100"), guest.ips(), "loopback and link-local are dropped");
    assertEquals(List.of("/", "/srv"), guest.filesystems().stream().map(GuestFacet.Filesystem::mountpoint).toList());
    assertEquals(130 * GIB, vm.metrics().disk().total(), "30 GiB root + 100 GiB /srv, the bind mount counted once");
    assertEquals("proxmox-agent", vm.metrics().disk().source());
    assertEquals(List.of("10.0.1.100"), vm.identity().ips());
  }

  @Test
  void aGuestWithoutAnAgentIsAskedAgainOnlyAfterItsBackoff() {
    assertEquals("unavailable", collect().get("qemu-102").facets().guest().agent());
    int asked = sim.requestCount("/nodes/pve2/qemu/102/agent");

    clock.advance(Duration.ofSeconds(61));
    collect();
    assertEquals(asked, sim.requestCount("/nodes/pve2/qemu/102/agent"), "not asked again within 5 minutes");
    assertTrue(sim.requestCount("/nodes/pve1/qemu/100/agent") > 3, "a working agent is read every slow cycle");
  }

  @Test
  void containersGetTheirAddressesFromTheirInterfaces() {
    assertEquals(List.of("10.0.2.101"), collect().get("lxc-101").facets().guest().ips());
  }

  @Test
  void physicalDisksCarryHealthWearoutAndTemperature() {
    Map<String, ObservedResource> all = collect();

    DiskFacet nvme = all.get("disk-pve1-nvme0n1").facets().disk();
    assertEquals("nvme", nvme.type());
    assertEquals(96, nvme.wearoutRemainingPercent());
    assertEquals(39, nvme.temperatureCelsius(), "from the NVMe SMART text");
    assertEquals(32, all.get("disk-pve1-sda").facets().disk().temperatureCelsius(), "from attribute 194's raw value");
    assertEquals(ResourceType.PHYSICAL_DISK, all.get("disk-pve1-sda").type());
    assertEquals("node-pve1", all.get("disk-pve1-sda").parentKey());

    assertEquals(ResourceStatus.WARNING, all.get("disk-pve2-sda").status(), "8 % life left");
    DiskFacet hdd = all.get("disk-pve2-sdb").facets().disk();
    assertNull(hdd.wearoutRemainingPercent(), "an HDD's N/A wearout is unknown, not 0");
    assertEquals(5400, hdd.rpm());
    assertEquals(ResourceStatus.ONLINE, all.get("disk-pve2-sdb").status());
  }

  @Test
  void aDiskThatStartsFailingIsSeenOnTheNextDiskCycle() {
    collect();
    clock.advance(Duration.ofMinutes(11));

    ObservedResource sdb = collect().get("disk-pve2-sdb");

    assertEquals("FAILED", sdb.facets().disk().health());
    assertEquals(ResourceStatus.WARNING, sdb.status());
  }

  @Test
  void zfsPoolsCarryHealthUsageAndErrorCounts() {
    Map<String, ObservedResource> all = collect();

    ObservedResource tank = all.get("zfs-tank@pve2");
    ZfsPoolFacet zfs = tank.facets().zfs();
    assertEquals("DEGRADED", zfs.health());
    assertEquals(ResourceStatus.WARNING, tank.status());
    assertEquals(3L, zfs.readErrors());
    assertEquals(12L, zfs.checksumErrors());
    assertEquals(23, zfs.fragmentationPercent());
    assertEquals(1.0, zfs.dedupRatio(), "a dedup ratio sent as a string is parsed");
    assertEquals(ResourceStatus.ONLINE, all.get("zfs-rpool@pve1").status());
    assertEquals(2791728742400L, tank.metrics().disk().used());
  }

  @Test
  void everyNodeKnowsItsClusterAndItsQuorum() {
    var cluster = collect().get("node-pve1").facets().cluster();
    assertEquals("homelab", cluster.name());
    assertTrue(cluster.quorate());
    assertEquals(3, cluster.nodes());
    assertEquals(2, cluster.nodesOnline());
    assertEquals("pve1", cluster.haManager(), "from /cluster/ha/status/current");
    assertEquals("OK", cluster.haStatus());
  }

  @Test
  void cephCarriesHealthChecksOsdsPlacementGroupsAndPools() {
    ObservedResource ceph = collect().get("ceph");
    var facet = ceph.facets().ceph();

    assertEquals(ResourceType.CEPH, ceph.type());
    assertEquals(ResourceStatus.WARNING, ceph.status());
    assertEquals("HEALTH_WARN", facet.health());
    assertEquals(List.of("OSD_DOWN", "PG_DEGRADED"), facet.checks().stream().map(c -> c.name()).sorted().toList());
    assertEquals(6, facet.osds(), "read from Nautilus's nested osdmap");
    assertEquals(5, facet.osdsUp());
    assertEquals(129, facet.placementGroups());
    assertEquals(3.33, facet.degradedPercent(), 1e-9);
    assertEquals(13.58, facet.pools().get(0).percentUsed(), 1e-9, "percent_used is a fraction in PVE");
    assertEquals(12_002_349_744_128L, ceph.metrics().disk().total());
  }

  @Test
  void guestsCarryTheirReplicationLastBackupTaskAndNewestBackupVolume() {
    Map<String, ObservedResource> all = collect();

    var failing = all.get("qemu-104").facets().protection().replication().get(0);
    assertEquals(3, failing.failCount());
    assertTrue(failing.error().contains("zfs snapshot"));
    var healthy = all.get("qemu-100").facets().protection();
    assertEquals(0, healthy.replication().get(0).failCount());
    assertEquals("pve2", healthy.replication().get(0).target());

    assertEquals("ok", healthy.lastBackupTask().outcome());
    assertEquals("error", all.get("qemu-110").facets().protection().lastBackupTask().outcome());
    assertEquals("warning", all.get("qemu-112").facets().protection().lastBackupTask().outcome());

    var volume = healthy.newestBackup();
    assertEquals("nas-backup", volume.storage(), "the nightly copy is newer than the weekly one on local");
    assertTrue(volume.isProtected());
    assertNull(all.get("qemu-110").facets().protection().newestBackup(), "the failed backup left no volume");
    assertEquals(1, sim.requestCount("/nodes/pve1/storage/nas-backup/content") + sim.requestCount("/nodes/pve2/storage/nas-backup/content"),
        "a shared storage is read once, not once per node");
  }

  @Test
  void aNodeGoingOfflineTurnsItsFiguresAndItsGuestsUnknownWithoutFailingTheSource() {
    assertEquals(ResourceStatus.ONLINE, collect().get("node-pve2").status());

    sim.setNodeOnline("pve2", false);
    clock.advance(Duration.ofSeconds(10));
    Map<String, ObservedResource> all = collect();

    assertEquals(ResourceStatus.OFFLINE, all.get("node-pve2").status());
    assertNull(all.get("node-pve2").metrics().cpu());
    assertEquals(ResourceStatus.UNKNOWN, all.get("qemu-102").status(), "a guest on an offline node is unknown, not stopped");
    assertEquals(1, all.get("node-pve1").facets().cluster().nodesOnline());

    sim.setNodeOnline("pve2", true);
    clock.advance(Duration.ofSeconds(10));
    assertEquals(ResourceStatus.ONLINE, collect().get("node-pve2").status());
  }

  @Test
  void slowerTiersRunOnlyWhenDue() {
    collect();
    int agentBefore = sim.requestCount("/nodes/pve1/qemu/100/agent");
    int disksBefore = sim.requestCount("/nodes/pve1/disks");
    int before = sim.requestCount();

    clock.advance(Duration.ofSeconds(10));
    collect();
    assertEquals(4, sim.requestCount() - before, "a fast cycle only");

    clock.advance(Duration.ofSeconds(50));
    collect();
    assertTrue(sim.requestCount("/nodes/pve1/qemu/100/agent") > agentBefore, "the slow tier ran at 60 s");
    assertEquals(disksBefore, sim.requestCount("/nodes/pve1/disks"), "the disk tier waits for 5 minutes");

    clock.advance(Duration.ofMinutes(4));
    collect();
    assertTrue(sim.requestCount("/nodes/pve1/disks") > disksBefore, "the disk tier ran at 5 minutes");
  }
}
