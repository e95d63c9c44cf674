package dev.pulse.adapters.truenas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.domain.connection.Secret;
import dev.pulse.domain.resource.ResourceStatus;
import dev.pulse.domain.resource.TrueNasFacet;
import dev.pulse.domain.source.CollectionResult;
import dev.pulse.domain.source.ObservedResource;
import dev.pulse.simulators.truenas.TrueNasSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The TrueNAS collector against the simulator over real TLS, on both transports. */
class TrueNasCollectorIT {

  private static final long TIB = 1L << 40;
  private static final long GIB = 1L << 30;

  private static TrueNasCollector collector(TrueNasSimulator sim, String key) {
    return new TrueNasCollector(new TrueNasEndpoint(sim.baseUrl(), Secret.of(key), Set.of(sim.fingerprint()), true, false),
        Duration.ofSeconds(5), Duration.ZERO, java.time.Clock.systemUTC());
  }

  @Test
  void anUnreachableSystemIsRetriedWithBackoffNotOnEveryPoll() throws Exception {
    int port;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
      port = free.getLocalPort(); // closed again: nothing listens there
    }
    dev.pulse.simulators.ManualClock clock = new dev.pulse.simulators.ManualClock(java.time.Instant.parse("2026-11-28T10:00:00Z"));
    try (TrueNasCollector c = new TrueNasCollector(new TrueNasEndpoint(java.net.URI.create("https://127.0.0.1:" + port),
        Secret.of("1-abc"), Set.of(), true, false), Duration.ofSeconds(2), Duration.ZERO, clock)) {
      CollectionResult first = c.collect();
      CollectionResult soon = c.collect();
      clock.advance(Duration.ofSeconds(6));
      CollectionResult later = c.collect();

      assertFalse(first.succeeded());
      assertTrue(soon.error().contains("trying again in 5 s"), soon.error());
      assertFalse(later.error().contains("trying again"), "after the wait it connects again: " + later.error());
    }
  }

  private static ObservedResource byKey(CollectionResult r, String key) {
    return r.resources().stream().filter(o -> o.sourceKey().equals(key)).findFirst().orElseThrow();
  }

  @Test
  void overTheWebSocketEveryFamilyArrivesAndTheDegradedPoolWarns() {
    try (TrueNasSimulator sim = TrueNasSimulator.builder().apiKey("1-abc").start();
        TrueNasCollector c = collector(sim, "1-abc")) {
      CollectionResult r = c.collect();

      assertTrue(r.succeeded(), r.error());
      assertEquals("websocket", c.transport());
      ObservedResource system = byKey(r, "system");
      TrueNasFacet.System facts = system.facets().truenas().system();
      assertEquals("TrueNAS-SCALE-24.10.2", facts.version());
      assertEquals(2, facts.alerts().size());
      assertTrue(facts.alerts().get(1).dismissed(), "dismissed alerts are listed and marked");
      assertEquals(ResourceStatus.WARNING, system.status(), "an undismissed CRITICAL alert");
      assertTrue(facts.bootedAt() != null && facts.bootedAt().isBefore(java.time.Instant.now()), "$date becomes an instant");
      ObservedResource tank = byKey(r, "pool-tank");
      assertEquals(ResourceStatus.WARNING, tank.status());
      TrueNasFacet.Pool pool = tank.facets().truenas().pool();
      assertEquals("DEGRADED", pool.status());
      assertEquals(3, pool.readErrors());
      assertEquals(12, pool.checksumErrors());
      assertEquals("REMOVED", pool.vdevs().get(0).children().get(2).status());
      assertEquals("sdc", pool.vdevs().get(0).children().get(2).disk(), "a removed disk keeps its name");
      assertEquals("FINISHED", pool.scan().state());
      assertEquals(ResourceStatus.ONLINE, byKey(r, "pool-fast").status());
      assertEquals(35, byKey(r, "disk-sdd").facets().disk().temperatureCelsius());
      assertNull(byKey(r, "disk-nvme1n1").facets().disk().temperatureCelsius(), "no reading: unknown, not 0");
      assertEquals("NVME", byKey(r, "disk-nvme0n1").facets().disk().type());
      assertEquals("FAILED", byKey(r, "disk-sdd").facets().disk().health(), "its last SMART test failed");
      assertEquals(ResourceStatus.WARNING, byKey(r, "disk-sdd").status());
      assertEquals("PASSED", byKey(r, "disk-sda").facets().disk().health());
    }
  }

  @Test
  void poolUsageComesFromTheRootDatasetSoChildrenAreNotCountedTwice() {
    try (TrueNasSimulator sim = TrueNasSimulator.builder().apiKey("1-abc").start();
        TrueNasCollector c = collector(sim, "1-abc")) {
      CollectionResult r = c.collect();

      var tank = byKey(r, "pool-tank").metrics().disk();
      assertEquals(10 * TIB + 200 * GIB, tank.used(), "the root's used, not root + media + backups");
      assertEquals(13 * TIB + 200 * GIB, tank.total(), "usable = used + available, not the raw size with parity");
      long datasets = r.resources().stream().filter(o -> o.sourceKey().startsWith("dataset-")).count();
      assertEquals(3, datasets, "each child dataset once, though the flat list also nests it in its parent");
      assertEquals(1.38, byKey(r, "dataset-tank.backups").facets().truenas().dataset().compressRatio());
      assertEquals(5 * TIB, byKey(r, "dataset-tank.backups").facets().truenas().dataset().quotaBytes());
    }
  }

  @Test
  void snapshotsReplicationAppsAndVmsArrive() {
    try (TrueNasSimulator sim = TrueNasSimulator.builder().apiKey("1-abc").start();
        TrueNasCollector c = collector(sim, "1-abc")) {
      CollectionResult r = c.collect();

      TrueNasFacet.Dataset media = byKey(r, "dataset-tank.media").facets().truenas().dataset();
      assertEquals(3, media.snapshots());
      assertTrue(java.time.Duration.between(media.newestSnapshot(), java.time.Instant.now()).toMinutes() < 65,
          "the newest of the three, an hour old");
      assertEquals(1, byKey(r, "dataset-tank.backups").facets().truenas().dataset().snapshots());
      var replications = byKey(r, "system").facets().truenas().system().replications();
      assertEquals(2, replications.size());
      assertEquals("ERROR", replications.get(0).state());
      assertTrue(replications.get(0).error().startsWith("cannot receive incremental stream"));
      assertEquals(ResourceStatus.ONLINE, byKey(r, "app-plex").status());
      assertEquals(ResourceStatus.OFFLINE, byKey(r, "app-nextcloud").status());
      ObservedResource vm = byKey(r, "vm-1");
      assertEquals("homeassistant", vm.name());
      assertEquals(4096L << 20, vm.facets().truenas().vm().memoryBytes(), "TrueNAS counts VM memory in MiB");
      assertEquals(ResourceStatus.OFFLINE, byKey(r, "vm-2").status());
      var shares = byKey(r, "system").facets().truenas().system().shares();
      assertEquals(List.of("smb media", "smb old", "nfs /mnt/fast/vms"), shares.stream().map(sh -> sh.protocol() + " " + sh.name()).toList());
      assertFalse(shares.get(1).enabled());
      assertTrue(byKey(r, "system").identity().ips().contains("10.0.0.40/24"), "its addresses, for matching an agent on it");
    }
  }

  @Test
  void withoutTheWebSocketItFallsBackToRest() {
    try (TrueNasSimulator sim = TrueNasSimulator.builder().apiKey("1-abc").websocket(false).start();
        TrueNasCollector c = collector(sim, "1-abc")) {
      CollectionResult r = c.collect();

      assertTrue(r.succeeded(), r.error());
      assertEquals("rest", c.transport());
      assertEquals("DEGRADED", byKey(r, "pool-tank").facets().truenas().pool().status());
      assertEquals(2, byKey(r, "system").facets().truenas().system().replications().size(), "over REST too");
      assertEquals(ResourceStatus.ONLINE, byKey(r, "app-plex").status());
      assertEquals("ONLINE", byKey(r, "pool-boot-pool").facets().truenas().pool().status(), "boot/get_state over REST too");
    }
  }

  @Test
  void aDroppedSocketReconnectsWithoutDuplicates() {
    try (TrueNasSimulator sim = TrueNasSimulator.builder().apiKey("1-abc").start();
        TrueNasCollector c = collector(sim, "1-abc")) {
      int first = c.collect().resources().size();
      sim.dropSockets();

      CollectionResult again = c.collect();
      if (!again.succeeded()) { // the drop may land during the next call: that collection fails, the one after reconnects
        again = c.collect();
      }

      assertTrue(again.succeeded(), again.error());
      assertEquals(first, again.resources().size());
      assertEquals(again.resources().size(), again.resources().stream().map(ObservedResource::sourceKey).distinct().count());
    }
  }

  @Test
  void aRefusedKeyAndMalformedFramesFailOnlyThisCollectionWithAClearError() {
    try (TrueNasSimulator sim = TrueNasSimulator.builder().apiKey("1-abc").start();
        TrueNasCollector wrong = collector(sim, "1-wrong");
        TrueNasCollector c = collector(sim, "1-abc")) {
      CollectionResult refused = wrong.collect();
      assertFalse(refused.succeeded());
      assertTrue(refused.error().contains("refused the API key"), refused.error());

      assertTrue(c.collect().succeeded());
      sim.setMalformedFrames(true);
      CollectionResult junk = c.collect();
      assertFalse(junk.succeeded());
      assertTrue(junk.error().contains("not JSON"), junk.error());
      sim.setMalformedFrames(false);
      CollectionResult healthy = c.collect();
      assertTrue(healthy.succeeded(), "healthy again once TrueNAS is: " + healthy.error());
    }
  }

  @Test
  void theApiKeyIsNeverSentOverPlainHttpOrWsWithoutTheOptIn() {
    try (TrueNasSimulator plain = TrueNasSimulator.builder().apiKey("1-abc").plaintext(true).start();
        TrueNasCollector refusing = new TrueNasCollector(new TrueNasEndpoint(plain.baseUrl(), Secret.of("1-abc"), Set.of(), true, false),
            Duration.ofSeconds(5), Duration.ZERO, java.time.Clock.systemUTC())) {
      CollectionResult r = refusing.collect();

      assertFalse(r.succeeded());
      assertTrue(r.error().contains("refusing to send the API key over plain http"), r.error());
      assertEquals(0, plain.callCount(), "nothing was sent at all");
      assertEquals(0, plain.keysSeenInClearText());

      try (TrueNasCollector optedIn = new TrueNasCollector(new TrueNasEndpoint(plain.baseUrl(), Secret.of("1-abc"), Set.of(), true, true),
          Duration.ofSeconds(5), Duration.ZERO, java.time.Clock.systemUTC())) {
        assertTrue(optedIn.collect().succeeded(), "the operator's explicit opt-in works");
        assertTrue(plain.keysSeenInClearText() > 0);
      }
    }
  }
}
