package dev.pulse.adapters.truenas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.domain.connection.Secret;
import dev.pulse.domain.resource.Metrics;
import dev.pulse.domain.resource.TrueNasFacet;
import dev.pulse.domain.source.CollectionResult;
import dev.pulse.domain.source.ObservedResource;
import dev.pulse.simulators.ManualClock;
import dev.pulse.simulators.truenas.TrueNasSimulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The figures TrueNAS pushes over the WebSocket ({@code reporting.realtime}, {@code app.stats}) on the
 * fast tier, the inventory on the slow one, and the boot pool.
 */
class TrueNasLiveFiguresIT {

  private static final long GIB = 1L << 30;

  private static TrueNasCollector collector(TrueNasSimulator sim, Duration inventoryEvery, Clock clock) {
    return new TrueNasCollector(new TrueNasEndpoint(sim.baseUrl(), Secret.of("1-abc"), Set.of(sim.fingerprint()), true, false),
        Duration.ofSeconds(5), inventoryEvery, clock);
  }

  private static ObservedResource byKey(CollectionResult r, String key) {
    return r.resources().stream().filter(o -> o.sourceKey().equals(key)).findFirst().orElseThrow();
  }

  /** Collects until the pushed figures are in; the first push follows the subscription at once. */
  private static CollectionResult withLiveFigures(TrueNasCollector c) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      CollectionResult r = c.collect();
      if (r.succeeded() && byKey(r, "system").metrics().cpu() != null && byKey(r, "app-plex").metrics().cpu() != null) {
        return r;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no live figures arrived");
  }

  @Test
  void systemFiguresComeFromTheRealtimeEventsInTheirUnits() throws Exception {
    try (TrueNasSimulator sim = TrueNasSimulator.builder().apiKey("1-abc").start();
        TrueNasCollector c = collector(sim, Duration.ZERO, Clock.systemUTC())) {
      ObservedResource system = byKey(withLiveFigures(c), "system");
      Metrics m = system.metrics();

      assertTrue(m.cpu().percent() >= 12.5 && m.cpu().percent() <= 17.0, "aggregated_usage is a percentage: " + m.cpu().percent());
      assertEquals(12, m.cpu().cores());
      assertEquals(48 * GIB, m.memory().used(), "total − available");
      assertEquals(64 * GIB, m.memory().total());
      assertEquals(40 * GIB, system.facets().truenas().system().arcBytes(), "the ARC inside that, reported beside it");
      assertEquals(1_250_000.0, m.netIn().bytesPerSecond(), "interfaces that are up, loopback left out");
      assertEquals(250_000.0, m.netOut().bytesPerSecond());
      assertEquals(8_388_608.0, m.diskRead().bytesPerSecond());
      assertEquals("truenas", m.memory().source());
    }
  }

  @Test
  void eachRunningAppHasItsCpuMemoryAndNetworkAndAStoppedOneHasNone() throws Exception {
    try (TrueNasSimulator sim = TrueNasSimulator.builder().apiKey("1-abc").start();
        TrueNasCollector c = collector(sim, Duration.ZERO, Clock.systemUTC())) {
      CollectionResult r = withLiveFigures(c);
      Metrics plex = byKey(r, "app-plex").metrics();

      assertEquals(7.0, plex.cpu().percent());
      assertEquals(1536L << 20, plex.memory().used());
      assertEquals(64 * GIB, plex.memory().total(), "against the box's memory: the app has no limit of its own");
      assertEquals(524_288.0, plex.netIn().bytesPerSecond());
      assertEquals(4_194_304.0, plex.netOut().bytesPerSecond());
      assertNull(plex.diskRead(), "blkio is a running total, not a rate");
      assertEquals(Metrics.UNKNOWN, byKey(r, "app-nextcloud").metrics(), "stopped: unknown, not 0");
    }
  }

  @Test
  void theFastTierCallsOnlySystemInfoUntilTheInventoryIsDue() throws Exception {
    ManualClock clock = new ManualClock(Instant.parse("2026-11-28T10:00:00Z"));
    try (TrueNasSimulator sim = TrueNasSimulator.builder().apiKey("1-abc").start();
        TrueNasCollector c = collector(sim, Duration.ofSeconds(60), clock)) {
      CollectionResult first = c.collect();
      clock.advance(Duration.ofSeconds(10));
      int before = sim.callCount();
      CollectionResult fast = c.collect();
      int fastCalls = sim.callCount() - before;
      clock.advance(Duration.ofSeconds(50));
      before = sim.callCount();
      CollectionResult slow = c.collect();
      int slowCalls = sim.callCount() - before;

      assertEquals(1, fastCalls, "system.info alone");
      assertEquals(first.resources().size(), fast.resources().size(), "the inventory is kept between its reads");
      assertEquals("DEGRADED", byKey(fast, "pool-tank").facets().truenas().pool().status());
      assertTrue(slowCalls > 10, "after 60 s every family is read again: " + slowCalls + " calls");
      assertTrue(slow.succeeded(), slow.error());
    }
  }

  @Test
  void overRestTheLiveFiguresAreUnknownNotZero() {
    try (TrueNasSimulator sim = TrueNasSimulator.builder().apiKey("1-abc").websocket(false).start();
        TrueNasCollector c = collector(sim, Duration.ZERO, Clock.systemUTC())) {
      CollectionResult r = c.collect();

      assertTrue(r.succeeded(), r.error());
      assertNull(byKey(r, "system").metrics().cpu());
      assertNull(byKey(r, "system").metrics().memory());
      assertNull(byKey(r, "app-plex").metrics().memory());
    }
  }

  @Test
  void theBootPoolIsReadFromItsGroupsShapeWithItsUsage() {
    try (TrueNasSimulator sim = TrueNasSimulator.builder().apiKey("1-abc").start();
        TrueNasCollector c = collector(sim, Duration.ZERO, Clock.systemUTC())) {
      ObservedResource boot = byKey(c.collect(), "pool-boot-pool");
      TrueNasFacet.Pool pool = boot.facets().truenas().pool();

      assertEquals("ONLINE", pool.status());
      assertEquals("MIRROR", pool.vdevs().get(0).type(), "boot/get_state writes vdev types in lower case");
      assertEquals(2, pool.vdevs().get(0).children().size());
      assertEquals(14 * GIB, boot.metrics().disk().used());
      assertEquals(224 * GIB, boot.metrics().disk().total(), "a mirror's size counts no parity");
    }
  }
}
