package dev.pulse.domain.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LttbTest {

  private static List<HistoryPoint> series(double... values) {
    List<HistoryPoint> out = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      out.add(HistoryPoint.of(Instant.ofEpochSecond(1_000 + i * 10L), values[i]));
    }
    return out;
  }

  @Test
  void aSeriesWithinTheLimitIsReturnedAsItIs() {
    List<HistoryPoint> points = series(1, 2, 3);
    assertEquals(points, Lttb.downsample(points, 10));
  }

  @Test
  void theFirstAndLastPointsAreKeptAndTheCountIsTheLimit() {
    double[] values = new double[1000];
    for (int i = 0; i < values.length; i++) {
      values[i] = Math.sin(i / 20.0);
    }
    List<HistoryPoint> out = Lttb.downsample(series(values), 50);
    assertEquals(50, out.size());
    assertEquals(Instant.ofEpochSecond(1_000), out.get(0).at());
    assertEquals(Instant.ofEpochSecond(1_000 + 999 * 10L), out.get(49).at());
  }

  @Test
  void aSingleSpikeSurvivesAsTheChosenPointOfItsBucket() {
    double[] values = new double[500];
    values[250] = 100;
    List<HistoryPoint> out = Lttb.downsample(series(values), 20);
    assertTrue(out.stream().anyMatch(p -> p.avg() == 100 && p.at().equals(Instant.ofEpochSecond(1_000 + 2_500))),
        "the spike is a point of its own, at its own time");
  }

  @Test
  void eachPointsMinMaxAndCountCoverItsWholeBucket() {
    double[] values = new double[102];
    for (int i = 0; i < values.length; i++) {
      values[i] = i % 2 == 0 ? -i : i;
    }
    List<HistoryPoint> out = Lttb.downsample(series(values), 12);
    long count = out.stream().mapToLong(HistoryPoint::count).sum();
    assertEquals(102, count, "every input point is counted once");
    assertEquals(-100, out.stream().mapToDouble(HistoryPoint::min).min().orElseThrow());
    assertEquals(101, out.stream().mapToDouble(HistoryPoint::max).max().orElseThrow());
  }
}
