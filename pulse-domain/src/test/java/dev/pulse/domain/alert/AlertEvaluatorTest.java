package dev.pulse.domain.alert;

import static dev.pulse.domain.alert.AlertFixtures.T0;
import static dev.pulse.domain.alert.AlertFixtures.disk;
import static dev.pulse.domain.alert.AlertFixtures.node;
import static dev.pulse.domain.alert.AlertFixtures.vm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.domain.resource.Resource;
import dev.pulse.domain.resource.ResourceStatus;
import dev.pulse.domain.resource.SourceStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The evaluator under a fixed clock: every time is given. */
class AlertEvaluatorTest {

  private final AlertEvaluator evaluator = new AlertEvaluator(DefaultRules.ALL);
  private AlertBook book = AlertBook.EMPTY;
  private AlertConfig config = AlertConfig.DEFAULT;
  private final List<AlertEvent> events = new ArrayList<>();

  private void run(Instant at, Resource... resources) {
    AlertEvaluator.Outcome o = evaluator.evaluate(List.of(resources), book, config, at);
    book = o.book();
    events.addAll(o.events());
  }

  private static Instant minutes(double m) {
    return T0.plusSeconds((long) (m * 60));
  }

  /** The events, figure updates left out. */
  private List<String> types() {
    return events.stream().filter(e -> e.type() != AlertEvent.Type.UPDATED).map(e -> e.type() + (e.send() ? "" : " (quiet)")).toList();
  }

  private List<String> allTypes() {
    return events.stream().map(e -> e.type() + (e.send() ? "" : " (quiet)")).toList();
  }

  @Test
  void aCpuAlertFiresAfterItsDelayAndClearsOnlyBelowTheClearLevel() {
    run(minutes(0), vm("web", 81.0));
    run(minutes(4), vm("web", 82.0));
    assertEquals(List.of(), types(), "pending: not yet 5 minutes");
    assertEquals(Alert.Phase.PENDING, book.alerts().get("cpu@web").phase());
    run(minutes(5), vm("web", 80.5));
    run(minutes(6), vm("web", 77.0));
    run(minutes(7), vm("web", 75.5));
    assertEquals(List.of("FIRED"), types(), "77 and 75.5 are between clear (75) and trigger (80): still firing");
    assertEquals("CPU 80.5 % ≥ 80 %", events.get(0).alert().message());
    run(minutes(8), vm("web", 74.9));
    assertEquals(List.of("FIRED", "RESOLVED"), types());
    assertTrue(book.alerts().isEmpty());
  }

  @Test
  void anAlertWhoseSourceHasNotReportedSinceARestartIsKeptAndNotToldAgain() {
    run(minutes(0), vm("web", 85.0));
    run(minutes(5), vm("web", 85.0));
    assertEquals(List.of("FIRED"), types());
    // restarted: the book came back from the store, the registry is empty until the source reports
    AlertEvaluator.Outcome waiting = evaluator.evaluate(List.of(), book, config, minutes(6), resourceId -> true);
    assertEquals(List.of(), waiting.events(), "not resolved while its source is awaited");
    book = waiting.book();
    run(minutes(7), vm("web", 85.0));
    assertEquals(List.of("FIRED"), types(), "the source reports: the same alert goes on, nothing is told twice");
    run(minutes(8));
    assertEquals(List.of("FIRED", "RESOLVED (quiet)"), types(), "once its source has reported, a resource gone resolves");
  }

  @Test
  void aSpikeShorterThanTheDelayIsNeverAnAlert() {
    run(minutes(0), vm("web", 99.0));
    run(minutes(3), vm("web", 99.0));
    run(minutes(4), vm("web", 20.0));
    run(minutes(10), vm("web", 20.0));
    assertEquals(List.of(), types());
  }

  @Test
  void levelsEscalateWithANotificationAndStepDownQuietly() {
    run(minutes(0), vm("web", 85.0));
    run(minutes(5), vm("web", 85.0));
    run(minutes(6), vm("web", 96.0));
    run(minutes(7), vm("web", 91.0)); // above the critical clear level (90): still critical
    run(minutes(8), vm("web", 85.0));
    assertEquals(List.of("FIRED", "ESCALATED", "DEESCALATED (quiet)"), types());
    assertEquals(AlertLevel.WARNING, book.alerts().get("cpu@web").level());
  }

  @Test
  void anUnknownFigureOrOneFromAFailingSourceDecidesNothing() {
    run(minutes(0), vm("web", 90.0));
    run(minutes(5), vm("web", 90.0));
    run(minutes(6), vm("web", null));
    run(minutes(7), vm("web", 10.0, SourceStatus.ERROR));
    assertEquals(List.of("FIRED"), types());
    assertTrue(book.alerts().get("cpu@web").firing(), "kept as it was, not resolved on a guess");
  }

  @Test
  void anOfflineHostResolvesOnlyAfterThreeConfirmationsOnline() {
    run(minutes(0), node("pve2", ResourceStatus.OFFLINE));
    run(minutes(1), node("pve2", ResourceStatus.OFFLINE));
    run(minutes(2), node("pve2", ResourceStatus.ONLINE));
    run(minutes(2.2), node("pve2", ResourceStatus.ONLINE));
    assertEquals(List.of("FIRED"), types());
    run(minutes(2.4), node("pve2", ResourceStatus.ONLINE));
    assertEquals(List.of("FIRED", "RESOLVED"), types());
    assertEquals("pve2 is offline", events.get(0).alert().message());
    assertEquals(AlertLevel.CRITICAL, events.get(0).alert().level());
  }

  @Test
  void anAlertThatFlapsIsShownButNotNotifiedUntilItCalmsDown() {
    for (int i = 0; i < 6; i++) { // fires and resolves every 20 s: 12 changes in 4 minutes
      run(T0.plusSeconds(40L * i), disk("sda", "FAILED"));
      run(T0.plusSeconds(40L * i + 20), disk("sda", "PASSED"));
    }
    List<Boolean> sent = events.stream().map(AlertEvent::send).toList();
    assertEquals(List.of(true, true, true, true, false, false), sent.subList(0, 6), "the fifth change within 5 minutes starts flapping");
    assertTrue(sent.subList(4, sent.size()).stream().noneMatch(s -> s));
    events.clear();
    run(minutes(30), disk("sda", "FAILED"));
    assertEquals(List.of("FIRED"), types(), "after the cooldown it is told again");
  }

  @Test
  void overridesSilenceDisableAndRetuneByResourceAndByTag() {
    config = new AlertConfig(Map.of(), Map.of("lab", new AlertOverride(false, true, Set.of(), Map.of(), "test machines")),
        Map.of("db", new AlertOverride(false, false, Set.of(), Map.of("cpu",
            new AlertRule.Thresholds(new Threshold(50, 45), null)), "runs hot"),
            "batch", new AlertOverride(true, false, Set.of(), Map.of(), null)), AlertConfig.Flapping.DEFAULT);
    run(minutes(0), vm("db", 60.0), vm("batch", 99.0), vm("ci", 99.0, SourceStatus.HEALTHY, "lab"));
    run(minutes(5), vm("db", 60.0), vm("batch", 99.0), vm("ci", 99.0, SourceStatus.HEALTHY, "lab"));

    assertEquals(Set.of("cpu@db", "cpu@ci"), book.alerts().keySet(), "batch has alerts off");
    assertEquals("CPU 60 % ≥ 50 %", book.alerts().get("cpu@db").message(), "its own threshold");
    assertEquals(AlertLevel.WARNING, book.alerts().get("cpu@db").level());
    assertFalse(events.stream().filter(e -> e.alert().resourceId().equals("ci")).findFirst().orElseThrow().send(),
        "monitor-only by tag: shown, not sent");
  }

  @Test
  void aClearedAlertStaysAwayWhileItsConditionHoldsAndReturnsAfterItWent() {
    run(minutes(0), disk("sda", "FAILED"));
    book = new AlertBook(Map.of(), book.changes(), book.quietUntil(), Set.of("disk-health@sda"));
    run(minutes(1), disk("sda", "FAILED"));
    assertTrue(book.alerts().isEmpty());
    run(minutes(2), disk("sda", "PASSED"));
    run(minutes(3), disk("sda", "FAILED"));
    assertEquals(List.of("FIRED", "FIRED"), types());
  }

  @Test
  void anAlertOfAResourceThatWentAwayResolvesQuietly() {
    run(minutes(0), disk("sda", "FAILED"));
    run(minutes(1));
    assertEquals(List.of("FIRED", "RESOLVED (quiet)"), types());
  }

  @Test
  void aFiringAlertsFigureMovesOnlyByAtLeastTheMinimumChange() {
    run(minutes(0), vm("web", 85.0));
    run(minutes(5), vm("web", 85.0));
    run(minutes(6), vm("web", 86.5)); // 1.5 points: not a change
    assertEquals(85.0, book.alerts().get("cpu@web").value());
    run(minutes(7), vm("web", 88.0));
    assertEquals(88.0, book.alerts().get("cpu@web").value());
    assertEquals("CPU 88 % ≥ 80 %", book.alerts().get("cpu@web").message());
    assertEquals(List.of("FIRED", "UPDATED (quiet)"), allTypes(), "shown live, never sent");
  }

  @Test
  void anNvmeDiskIsHotLaterThanASpinningOne() {
    run(minutes(0), hotDisk("nvme0", "nvme", 60), hotDisk("sda", "hdd", 60));
    run(minutes(5), hotDisk("nvme0", "nvme", 60), hotDisk("sda", "hdd", 60));
    assertEquals(java.util.Set.of("disk-temperature@sda"), book.alerts().keySet(), "60 °C is normal for NVMe (70/65)");
    assertEquals("Disk temperature 60 °C ≥ 55 °C", book.alerts().get("disk-temperature@sda").message());
  }

  private static Resource hotDisk(String id, String kind, int celsius) {
    return new Resource(id, dev.pulse.domain.resource.ResourceType.PHYSICAL_DISK, id, ResourceStatus.ONLINE, null,
        List.of(new dev.pulse.domain.resource.SourceRef("lab", id, SourceStatus.HEALTHY, T0, null)),
        dev.pulse.domain.resource.Identity.EMPTY, dev.pulse.domain.resource.Metrics.UNKNOWN, List.of(),
        dev.pulse.domain.resource.Facets.NONE.withDisk(new dev.pulse.domain.resource.DiskFacet("pve1", "/dev/" + id, null, null,
            kind, null, "PASSED", null, celsius, null, null)));
  }

  @Test
  void theDelayOfARuleCanBeChanged() {
    config = new AlertConfig(Map.of("cpu", new AlertConfig.RuleSettings(null, null, Duration.ZERO)), Map.of(), Map.of(),
        AlertConfig.Flapping.DEFAULT);
    run(minutes(0), vm("web", 81.0));
    assertEquals(List.of("FIRED"), types());
  }
}
