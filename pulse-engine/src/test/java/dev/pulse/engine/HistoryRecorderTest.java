package dev.pulse.engine;

import static dev.pulse.engine.Fixtures.failed;
import static dev.pulse.engine.Fixtures.ok;
import static dev.pulse.engine.Fixtures.vm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.domain.history.HistoryMetrics;
import dev.pulse.domain.history.HistorySeries;
import dev.pulse.domain.history.HistoryStats;
import dev.pulse.domain.history.MetricsHistoryStore;
import dev.pulse.domain.history.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HistoryRecorderTest {

  private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

  /** Keeps what it is given: enough to see what the recorder records. */
  private static final class CollectingStore implements MetricsHistoryStore {
    final List<Sample> samples = new ArrayList<>();

    @Override
    public void append(Collection<Sample> s) {
      samples.addAll(s);
    }

    @Override
    public HistorySeries query(String resourceId, String metric, Instant from, Instant to, int maxPoints) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Map<String, HistorySeries> queryMany(Collection<String> ids, String metric, Instant from, Instant to, int maxPoints) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Set<String> metricsOf(String resourceId) {
      return Set.of();
    }

    @Override
    public void flush() {}

    @Override
    public HistoryStats stats() {
      return new HistoryStats(0, 0, samples.size(), 0);
    }

    @Override
    public void close() {}

    @Override
    public List<String> resources() {
      return List.of();
    }
  }

  private final ResourceRegistry registry = new ResourceRegistry();
  private final CollectingStore store = new CollectingStore();
  private final HistoryRecorder recorder = new HistoryRecorder(registry, store, HistoryMetrics.ALL);

  @Test
  void eachFreshObservationIsRecordedOnceAtItsOwnTimeAndResolution() {
    registry.registerSource("s1", "test", Duration.ofSeconds(10), T0);
    registry.apply(ok("s1", T0.plusMillis(2_700), vm("qemu-100", "web01", 12.346)));

    recorder.record();
    int again = recorder.record();

    List<Sample> cpu = store.samples.stream().filter(s -> s.metric().equals("cpu")).toList();
    assertEquals(1, cpu.size());
    assertEquals(12.35, cpu.get(0).value(), "kept to 0.01 %");
    assertEquals(T0.plusSeconds(2), cpu.get(0).at(), "when the source reported it, to the second");
    assertEquals(0, again, "nothing new, nothing recorded");
  }

  @Test
  void unknownFiguresAreLeftOutNotRecordedAsZero() {
    registry.registerSource("s1", "test", Duration.ofSeconds(10), T0);
    registry.apply(ok("s1", T0, vm("qemu-100", "web01", 3.0)));

    recorder.record();

    assertTrue(store.samples.stream().noneMatch(s -> s.metric().equals("memory")), "the fixture VM has no memory figure");
    assertEquals(Set.of("cpu", "up"), Set.copyOf(store.samples.stream().map(Sample::metric).toList()));
  }

  @Test
  void aFailingSourceGetsAGapNotARepeatOfItsLastFigures() {
    registry.registerSource("s1", "test", Duration.ofSeconds(10), T0);
    registry.apply(ok("s1", T0, vm("qemu-100", "web01", 3.0)));
    recorder.record();
    int before = store.samples.size();

    registry.apply(failed("s1", T0.plusSeconds(10), "connection refused"));
    recorder.record();
    registry.apply(ok("s1", T0.plusSeconds(20), vm("qemu-100", "web01", 4.0)));
    recorder.record();

    List<Sample> cpu = store.samples.stream().filter(s -> s.metric().equals("cpu")).toList();
    assertEquals(List.of(3.0, 4.0), cpu.stream().map(Sample::value).toList());
    assertEquals(T0.plusSeconds(20), cpu.get(1).at());
    assertTrue(store.samples.size() > before);
  }
}
