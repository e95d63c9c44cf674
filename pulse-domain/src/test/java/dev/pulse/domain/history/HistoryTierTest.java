package dev.pulse.domain.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HistoryTierTest {

  @Test
  void theCoarsestTierWhoseStepFitsOneChartPointIsChosen() {
    assertEquals(HistoryTier.RAW, HistoryTier.resolving(Duration.ofHours(1), 500), "7.2 s per point");
    assertEquals(HistoryTier.RAW, HistoryTier.resolving(Duration.ofHours(6), 500), "43 s per point");
    assertEquals(HistoryTier.MINUTE, HistoryTier.resolving(Duration.ofHours(24), 500), "173 s per point");
    assertEquals(HistoryTier.MINUTE, HistoryTier.resolving(Duration.ofDays(7), 500), "20 min per point");
    assertEquals(HistoryTier.HOUR, HistoryTier.resolving(Duration.ofDays(30), 500), "86 min per point");
    assertEquals(HistoryTier.HOUR, HistoryTier.resolving(Duration.ofDays(90), 500));
    assertEquals(HistoryTier.HOUR, HistoryTier.resolving(Duration.ofDays(365), 500), "17.5 h per point");
    assertEquals(HistoryTier.DAY, HistoryTier.resolving(Duration.ofDays(365), 300), "29 h per point");
    assertEquals(HistoryTier.HOUR, HistoryTier.resolving(Duration.ofHours(24), 24), "a sparkline of 24 points");
  }

  @Test
  void retentionMustNotShrinkFromOneTierToTheNext() {
    assertThrows(IllegalArgumentException.class,
        () -> new HistoryRetention(Duration.ofDays(8), Duration.ofDays(7), Duration.ofDays(90), Duration.ofDays(730)));
    assertEquals(Duration.ofDays(90), HistoryRetention.DEFAULT.of(HistoryTier.HOUR));
  }
}
