package dev.pulse.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.adapters.proxmox.ProxmoxCollectorFactory;
import dev.pulse.domain.connection.ConnectionDraft;
import dev.pulse.domain.connection.ConnectionConfig;
import dev.pulse.domain.resource.Resource;
import dev.pulse.domain.resource.SourceStatus;
import dev.pulse.engine.PulseEngine;
import dev.pulse.engine.SourceHealth;
import dev.pulse.simulators.pve.PveSimulator;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A PVE endpoint that stops answering marks only its own source failed; the other keeps updating. */
class SourceIsolationIT {

  private static ConnectionDraft draft(String name, PveSimulator sim) {
    return ConnectionDraft.withToken("pve", name, sim.baseUrl().toString(), "pulse@pve!monitor",
        "00000000-0000-0000-0000-000000000000", sim.fingerprint(), true);
  }

  private static SourceHealth health(PulseEngine engine, String id) {
    return engine.registry().sourceHealth().stream().filter(h -> h.sourceId().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void aHangingEndpointTimesOutWhileTheOtherSourceKeepsUpdating() throws Exception {
    try (PveSimulator slow = PveSimulator.builder().start();
        PveSimulator fast = PveSimulator.builder().start();
        PulseEngine engine = PulseEngine.builder()
            .addCollectorFactory(new ProxmoxCollectorFactory(Duration.ofSeconds(10), java.time.Clock.systemUTC()))
            .pollInterval(Duration.ofMillis(500))
            .pollTimeout(Duration.ofSeconds(1))
            .build()
            .start()) {
      slow.setLatency(Duration.ofSeconds(30));
      ConnectionConfig dead = engine.connections().create(draft("dead", slow));
      ConnectionConfig live = engine.connections().create(draft("live", fast));

      AppFixture.await("the live source reports", () -> engine.registry().get(live.id() + ":node-pve1").isPresent(), 10);
      Resource first = engine.registry().get(live.id() + ":node-pve1").orElseThrow();
      AppFixture.await("the live node's CPU moves on", () -> !engine.registry().get(live.id() + ":node-pve1").orElseThrow()
          .metrics().cpu().equals(first.metrics().cpu()), 15);
      AppFixture.await("the dead source is marked failed", () -> health(engine, dead.id()).status() == SourceStatus.ERROR, 10);

      assertTrue(health(engine, dead.id()).lastError().contains("timed out"), health(engine, dead.id()).lastError());
      assertEquals(SourceStatus.HEALTHY, health(engine, live.id()).status());
    }
  }
}
