package dev.pulse.domain.alert;

import static dev.pulse.domain.alert.AlertFixtures.T0;
import static dev.pulse.domain.alert.AlertFixtures.vm;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Over random CPU walks sampled every 10 s: a warning fires only after the value stayed at or above
 * 80 % for the whole 5-minute delay, and resolves only at a value below 75 %.
 */
class HysteresisPropertyTest {

  @RepeatedTest(200)
  void alertsFireOnlyAfterASustainedBreachAndResolveOnlyBelowTheClearLevel(RepetitionInfo info) {
    Random random = new Random(info.getCurrentRepetition());
    AlertEvaluator evaluator = new AlertEvaluator(DefaultRules.ALL);
    AlertBook book = AlertBook.EMPTY;
    double cpu = 60 + random.nextDouble() * 30;
    List<Double> values = new ArrayList<>();
    for (int step = 0; step < 600; step++) {
      cpu = Math.max(0, Math.min(94, cpu + random.nextGaussian() * 3));
      double value = Math.round(cpu * 100) / 100.0;
      values.add(value);
      Instant now = T0.plusSeconds(10L * step);
      AlertEvaluator.Outcome o = evaluator.evaluate(List.of(vm("web", value)), book, AlertConfig.DEFAULT, now);
      book = o.book();
      for (AlertEvent e : o.events()) {
        if (e.type() == AlertEvent.Type.FIRED) {
          List<Double> window = values.subList(Math.max(0, values.size() - 31), values.size()); // 5 minutes = 30 steps
          assertTrue(values.size() > 30 && window.stream().allMatch(v -> v >= 80),
              "fired at step " + step + " after " + window);
        }
        if (e.type() == AlertEvent.Type.RESOLVED) {
          assertTrue(value < 75, "resolved at " + value);
        }
      }
    }
  }
}
