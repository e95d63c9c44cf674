package dev.pulse.engine;

import static dev.pulse.engine.Fixtures.failed;
import static dev.pulse.engine.Fixtures.ok;
import static dev.pulse.engine.Fixtures.vm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.domain.resource.Resource;
import dev.pulse.domain.resource.ResourceStatus;
import dev.pulse.domain.resource.ResourceType;
import dev.pulse.domain.resource.SourceStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResourceRegistryTest {

  private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

  private final ResourceRegistry registry = new ResourceRegistry();
  private final List<StateChange> changes = new ArrayList<>();

  @BeforeEach
  void setUp() {
    registry.registerSource("s1", "test", Duration.ofSeconds(10), T0);
    registry.addListener(changes::add);
  }

  @Test
  void newResourcesAreUpsertedWithIdsDerivedFromSourceAndKey() {
    registry.apply(ok("s1", T0, vm("qemu-100", "web01", 3.0)));

    assertEquals(1, changes.size());
    Resource r = changes.get(0).upserts().get(0);
    assertEquals("s1:qemu-100", r.id());
    assertEquals("s1:node-pve1", r.parentId());
    assertEquals(1, changes.get(0).version());
  }

  @Test
  void aPollThatChangesNothingButTheTimeEmitsNoChange() {
    registry.apply(ok("s1", T0, vm("qemu-100", "web01", 3.0)));
    registry.apply(ok("s1", T0.plusSeconds(10), vm("qemu-100", "web01", 3.0)));

    assertEquals(1, changes.size());
    assertEquals(T0.plusSeconds(10), registry.get("s1:qemu-100").orElseThrow().sources().get(0).lastSeen());
  }

  @Test
  void changedFiguresAreUpsertedAndVanishedResourcesRemoved() {
    registry.apply(ok("s1", T0, vm("qemu-100", "web01", 3.0), vm("qemu-101", "db01", 1.0)));
    registry.apply(ok("s1", T0.plusSeconds(10), vm("qemu-100", "web01", 7.5)));

    StateChange last = changes.get(1);
    assertEquals(List.of("s1:qemu-101"), last.removed());
    assertEquals(7.5, last.upserts().get(0).metrics().cpu().percent());
    assertEquals(2, last.version());
  }

  @Test
  void aKeyReportedTwiceInOneObservationKeepsTheFirst() {
    registry.apply(ok("s1", T0, vm("qemu-100", "first", 1.0), vm("qemu-100", "second", 2.0)));

    assertEquals("first", registry.get("s1:qemu-100").orElseThrow().name());
    assertEquals(1, changes.get(0).upserts().size());
  }

  @Test
  void aResourceReplacedByAnotherIsRemovedEvenWhenTheCountStaysTheSame() {
    registry.apply(ok("s1", T0, vm("qemu-100", "a", 1.0), vm("qemu-101", "b", 1.0)));
    registry.apply(ok("s1", T0.plusSeconds(10), vm("qemu-100", "a", 1.0), vm("qemu-102", "c", 1.0)));

    assertEquals(List.of("s1:qemu-101"), changes.get(1).removed());
  }

  @Test
  void aFailedCollectionKeepsTheFiguresAndRecordsTheError() {
    registry.apply(ok("s1", T0, vm("qemu-100", "web01", 3.0)));
    registry.apply(failed("s1", T0.plusSeconds(10), "HTTP 596"));

    Resource r = registry.get("s1:qemu-100").orElseThrow();
    assertEquals(SourceStatus.ERROR, r.sources().get(0).status());
    assertEquals("HTTP 596", r.sources().get(0).error());
    assertEquals(3.0, r.metrics().cpu().percent());
    assertEquals("HTTP 596", registry.sourceHealth().get(0).lastError());
  }

  @Test
  void aSilentSourceTurnsStaleThenOffline() {
    registry.apply(ok("s1", T0, vm("qemu-100", "web01", 3.0)));

    registry.checkStaleness(T0.plusSeconds(59));
    assertEquals(ResourceStatus.ONLINE, registry.get("s1:qemu-100").orElseThrow().status());

    registry.checkStaleness(T0.plusSeconds(60));
    Resource stale = registry.get("s1:qemu-100").orElseThrow();
    assertEquals(ResourceStatus.UNKNOWN, stale.status());
    assertEquals(SourceStatus.STALE, stale.sources().get(0).status());

    registry.checkStaleness(T0.plusSeconds(300));
    Resource offline = registry.get("s1:qemu-100").orElseThrow();
    assertEquals(ResourceStatus.OFFLINE, offline.status());
    assertNull(offline.metrics().cpu());

    registry.apply(ok("s1", T0.plusSeconds(310), vm("qemu-100", "web01", 3.0)));
    assertEquals(ResourceStatus.ONLINE, registry.get("s1:qemu-100").orElseThrow().status());
  }

  @Test
  void staleAfterScalesWithALongInterval() {
    registry.registerSource("slow", "test", Duration.ofMinutes(5), T0);
    registry.apply(ok("slow", T0, vm("qemu-1", "a", 1.0)));

    registry.checkStaleness(T0.plusSeconds(599));
    assertEquals(ResourceStatus.ONLINE, registry.get("slow:qemu-1").orElseThrow().status());
    registry.checkStaleness(T0.plusSeconds(600));
    assertEquals(ResourceStatus.UNKNOWN, registry.get("slow:qemu-1").orElseThrow().status());
  }

  @Test
  void removingASourceRemovesItsResources() {
    registry.apply(ok("s1", T0, vm("qemu-100", "web01", 3.0)));
    registry.removeSource("s1");

    assertEquals(List.of("s1:qemu-100"), changes.get(1).removed());
    assertTrue(registry.snapshot().resources().isEmpty());
  }

  @Test
  void queriesFilterAndPageButReportTheFullTotal() {
    registry.apply(ok("s1", T0, vm("qemu-100", "web01", 3.0), vm("qemu-101", "web02", 1.0), vm("qemu-102", "db01", 1.0)));

    ResourcePage page = registry.query(ResourceQuery.builder().type(ResourceType.VM).text("WEB").limit(1).offset(1).build());
    assertEquals(2, page.total());
    assertEquals(List.of("web02"), page.resources().stream().map(Resource::name).toList());

    assertEquals(3, registry.query(ResourceQuery.ALL).resources().size());
    assertEquals(0, registry.query(ResourceQuery.builder().type(ResourceType.STORAGE).build()).total());
    assertEquals(3, registry.query(ResourceQuery.builder().parent("s1:node-pve1").tag("prod").build()).total());
  }
}
