package dev.pulse.domain.alert;

import static dev.pulse.domain.alert.AlertFixtures.T0;
import static dev.pulse.domain.alert.AlertFixtures.vm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Over random CPU walks sampled every 10 s: a warning fires only after the value stayed at or above
 * 80 % for the whole 5-minute delay, and resolves only at a value below 75 %. Every walk asserts
 * when the first alert must fire: at the first sample that ends 5 minutes at or above 80 %, or
 * never when no such stretch occurs, so an evaluator that never fires fails.
 */
class HysteresisPropertyTest {

  @RepeatedTest(200)
  void alertsFireOnlyAfterASustainedBreachAndResolveOnlyBelowTheClearLevel(RepetitionInfo info) {
    Random random = new Random(info.getCurrentRepetition());
    AlertEvaluator evaluator = new AlertEvaluator(DefaultRules.ALL);
    AlertBook book = AlertBook.EMPTY;
    double cpu = 60 + random.nextDouble() * 30;
    List<Double> values = new ArrayList<>();
    Integer firstFired = null;
    Integer firstSustained = null;
    for (int step = 0; step < 600; step++) {
      cpu = Math.max(0, Math.min(94, cpu + random.nextGaussian() * 3));
      double value = Math.round(cpu * 100) / 100.0;
      values.add(value);
      if (firstSustained == null && values.size() > 30
          && values.subList(values.size() - 31, values.size()).stream().allMatch(v -> v >= 80)) {
        firstSustained = step;
      }
      Instant now = T0.plusSeconds(10L * step);
      AlertEvaluator.Outcome o = evaluator.evaluate(List.of(vm("web", value)), book, AlertConfig.DEFAULT, now);
      book = o.book();
      for (AlertEvent e : o.events()) {
        if (e.type() == AlertEvent.Type.FIRED) {
          firstFired = firstFired == null ? step : firstFired;
          List<Double> window = values.subList(Math.max(0, values.size() - 31), values.size()); // 5 minutes = 30 steps
          assertTrue(values.size() > 30 && window.stream().allMatch(v -> v >= 80),
              "fired at step " + step + " after " + window);
        }
        if (e.type() == AlertEvent.Type.RESOLVED) {
          assertTrue(value < 75, "resolved at " + value);
        }
      }
    }
    assertEquals(firstSustained, firstFired, "the first alert fires at the first sample ending 5 minutes at or above 80 %"
        + " (null: no such stretch, no alert)");
  }
}
