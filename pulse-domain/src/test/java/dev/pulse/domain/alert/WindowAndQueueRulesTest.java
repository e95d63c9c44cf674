package dev.pulse.domain.alert;

import static dev.pulse.domain.alert.AlertFixtures.T0;
import static dev.pulse.domain.alert.AlertFixtures.container;
import static dev.pulse.domain.alert.AlertFixtures.mailGateway;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.domain.resource.Resource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rules judged by a counter's rise over a window (restart loops), and the mail gateway's queue rules. */
class WindowAndQueueRulesTest {

  private final AlertEvaluator evaluator = new AlertEvaluator(DefaultRules.ALL);
  private AlertBook book = AlertBook.EMPTY;
  private final List<AlertEvent> events = new ArrayList<>();

  private void run(Instant at, Resource... resources) {
    AlertEvaluator.Outcome o = evaluator.evaluate(List.of(resources), book, AlertConfig.DEFAULT, at);
    book = o.book();
    events.addAll(o.events());
  }

  private static Instant minute(int m) {
    return T0.plusSeconds(m * 60L);
  }

  private List<String> fired(String rule) {
    return events.stream().filter(e -> e.alert().ruleId().equals(rule) && e.type() != AlertEvent.Type.UPDATED)
        .map(e -> e.type() + " " + e.alert().level()).toList();
  }

  @Test
  void threeRestartsWithinFiveMinutesIsARestartLoop() {
    run(minute(0), container("api", 12)); // restarted 12 times over its life: not a loop by itself
    run(minute(1), container("api", 13));
    run(minute(2), container("api", 14));
    assertEquals(List.of(), fired("restart-loop"), "two restarts so far");
    run(minute(3), container("api", 15));
    assertEquals(List.of("FIRED WARNING"), fired("restart-loop"));
    assertEquals("Restarts: 3 in the last 5 min ≥ 3", book.alerts().get("restart-loop@api").message());
  }

  @Test
  void restartsSpreadOverAnHourAreNotALoop() {
    for (int m = 0; m <= 60; m++) {
      run(minute(m), container("api", m / 4)); // one restart every 4 minutes
    }
    assertEquals(List.of(), fired("restart-loop"));
  }

  @Test
  void aLoopResolvesOnceAWholeWindowPassesWithoutARestart() {
    run(minute(0), container("api", 0));
    run(minute(1), container("api", 3));
    assertEquals(List.of("FIRED WARNING"), fired("restart-loop"));
    run(minute(5), container("api", 3));
    assertEquals(List.of("FIRED WARNING"), fired("restart-loop"), "the restarts at minute 1 are still within 5 minutes");
    run(minute(7), container("api", 3));
    assertEquals(List.of("FIRED WARNING", "RESOLVED WARNING"), fired("restart-loop"));
  }

  @Test
  void aRecreatedContainerWhoseCounterStartsAgainIsNotANegativeRise() {
    run(minute(0), container("api", 40));
    run(minute(1), container("api", 0));
    run(minute(2), container("api", 1));
    run(minute(3), container("api", 2));
    assertEquals(List.of(), fired("restart-loop"), "two restarts since it was recreated");
    run(minute(4), container("api", 3));
    assertEquals(List.of("FIRED WARNING"), fired("restart-loop"));
  }

  @Test
  void tenRestartsWithinTheWindowAreCritical() {
    run(minute(0), container("api", 0));
    run(minute(2), container("api", 10));
    assertEquals(List.of("FIRED CRITICAL"), fired("restart-loop"));
  }

  @Test
  void heldMailAndTheWholeQueueFireAfterFiveMinutes() {
    run(minute(0), mailGateway("pmg1", 10L, 120L, 0L));
    run(minute(5), mailGateway("pmg1", 10L, 120L, 0L));
    assertEquals(List.of("FIRED WARNING"), fired("mail-hold"));
    assertEquals(List.of(), fired("mail-queue"), "3 + 10 + 120 = 133 is below 500");
    run(minute(6), mailGateway("pmg1", 450L, 120L, 0L));
    run(minute(11), mailGateway("pmg1", 450L, 120L, 0L));
    assertEquals(List.of("FIRED WARNING"), fired("mail-queue"), "573 recipients in all queues");
  }

  @Test
  void theOldestDeferredMessageAlertsByItsAgeBucketAtOnce() {
    run(minute(0), mailGateway("pmg1", 4L, 0L, 20L));
    assertEquals(List.of(), fired("mail-age"));
    run(minute(1), mailGateway("pmg1", 4L, 0L, 40L));
    run(minute(2), mailGateway("pmg1", 4L, 0L, 80L));
    assertEquals(List.of("FIRED WARNING", "ESCALATED CRITICAL"), fired("mail-age"));
    run(minute(3), mailGateway("pmg1", 0L, 0L, null)); // the queue emptied: the age is unknown
    assertTrue(book.alerts().containsKey("mail-age@pmg1"), "unknown decides nothing");
    run(minute(4), mailGateway("pmg1", 0L, 0L, 0L));
    assertEquals(List.of("FIRED WARNING", "ESCALATED CRITICAL", "RESOLVED CRITICAL"), fired("mail-age"));
  }
}
