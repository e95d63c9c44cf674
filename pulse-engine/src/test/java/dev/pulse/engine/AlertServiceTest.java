package dev.pulse.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.domain.alert.AlertConfigStore;
import dev.pulse.domain.alert.AlertEvent;
import dev.pulse.domain.alert.AlertStore;
import dev.pulse.domain.alert.DefaultRules;
import dev.pulse.domain.resource.DiskFacet;
import dev.pulse.domain.resource.Facets;
import dev.pulse.domain.resource.Identity;
import dev.pulse.domain.resource.Metrics;
import dev.pulse.domain.resource.ResourceStatus;
import dev.pulse.domain.resource.ResourceType;
import dev.pulse.domain.source.CollectionResult;
import dev.pulse.domain.source.ObservedResource;
import dev.pulse.domain.source.Observation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class AlertServiceTest {

  private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

  private final ResourceRegistry registry = new ResourceRegistry();
  private final AlertStore store = AlertStore.inMemory();

  private AlertService service() {
    AlertService s = new AlertService(registry, store, AlertConfigStore.inMemory(), DefaultRules.ALL, Clock.fixed(T0, ZoneOffset.UTC));
    s.restore();
    return s;
  }

  private void observe(String health) {
    DiskFacet disk = new DiskFacet("pve1", "/dev/sda", null, null, "ssd", null, health, null, null, null, null);
    registry.apply(new Observation("lab", "test", T0, CollectionResult.success(List.of(new ObservedResource("disk-sda",
        ResourceType.PHYSICAL_DISK, "pve1 sda", ResourceStatus.ONLINE, null, Identity.EMPTY, Metrics.UNKNOWN, List.of(),
        Facets.NONE.withDisk(disk))))));
  }

  @Test
  void aRestartKeepsTheActiveAlertAndDoesNotFireItAgain() {
    registry.registerSource("lab", "test", Duration.ofSeconds(10), T0);
    observe("FAILED");
    AlertService first = service();
    List<AlertEvent> fired = first.evaluate();
    assertEquals(List.of(AlertEvent.Type.FIRED), fired.stream().map(AlertEvent::type).toList());

    AlertService second = service(); // a new process reading the same store
    List<AlertEvent> again = second.evaluate();

    assertEquals(List.of(), again, "already told: nothing fires twice");
    assertEquals(1, second.active().size());
  }

  @Test
  void acknowledgementsAndClearsAreKeptWithWhoAndWhenAndTold() {
    registry.registerSource("lab", "test", Duration.ofSeconds(10), T0);
    observe("FAILED");
    AlertService alerts = service();
    List<AlertEvent> seen = new ArrayList<>();
    alerts.subscribe(seen::add);
    alerts.evaluate();
    String id = alerts.active().get(0).id();

    alerts.acknowledge(id, "alice");
    assertNotNull(service().active().get(0).acknowledgement(), "saved");
    assertEquals("alice", alerts.active().get(0).acknowledgement().by());
    alerts.clear(id, "bob");
    alerts.evaluate();

    assertTrue(alerts.active().isEmpty(), "cleared, and it stays away while the disk still fails");
    assertEquals(List.of("FIRED", "ACKNOWLEDGED", "CLEARED"), seen.stream().map(e -> e.type().name()).toList());
    assertEquals(List.of("cleared", "acknowledged", "fired"),
        alerts.history(T0.minusSeconds(1), 10).stream().map(e -> e.type()).toList());
    assertEquals("bob", alerts.history(T0.minusSeconds(1), 10).get(0).actor());
    assertThrows(NoSuchElementException.class, () -> alerts.acknowledge("nope", "alice"));
  }
}
