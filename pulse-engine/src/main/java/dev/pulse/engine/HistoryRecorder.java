package dev.pulse.engine;

import dev.pulse.domain.history.HistoryMetric;
import dev.pulse.domain.history.HistoryMetrics;
import dev.pulse.domain.history.MetricsHistoryStore;
import dev.pulse.domain.history.Sample;
import dev.pulse.domain.resource.Resource;
import dev.pulse.domain.resource.SourceRef;
import dev.pulse.domain.resource.SourceStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records each resource's {@link HistoryMetrics} into the history store, once per fresh observation:
 * a sample is stamped with the time its freshest healthy source last reported the resource, and a
 * resource whose sources have not reported since the last sample (stale, failing or offline) gets
 * none, so that history shows a gap rather than repeating an old figure. Unknown values are left
 * out, never stored as 0. Run by the engine's timer at its poll interval.
 */
final class HistoryRecorder {

  private static final Logger LOG = LoggerFactory.getLogger(HistoryRecorder.class);

  private final ResourceRegistry registry;
  private final MetricsHistoryStore store;
  private final List<HistoryMetric> metrics;
  private final Map<String, Long> recordedAt = new HashMap<>();

  HistoryRecorder(ResourceRegistry registry, MetricsHistoryStore store, List<HistoryMetric> metrics) {
    this.registry = registry;
    this.store = store;
    this.metrics = List.copyOf(metrics);
  }

  /** Records what is fresh now; returns how many samples were taken. */
  synchronized int record() {
    List<Sample> samples = new ArrayList<>();
    Set<String> present = new HashSet<>();
    for (Resource r : registry.snapshot().resources()) {
      present.add(r.id());
      Instant seen = freshest(r);
      if (seen == null) {
        continue;
      }
      long second = seen.getEpochSecond();
      Long last = recordedAt.get(r.id());
      if (last != null && second <= last) {
        continue; // nothing new since the last sample
      }
      recordedAt.put(r.id(), second);
      Instant at = Instant.ofEpochSecond(second);
      for (HistoryMetric m : metrics) {
        Double v = m.read(r);
        if (v != null) {
          samples.add(new Sample(r.id(), m.name(), at, v));
        }
      }
    }
    recordedAt.keySet().retainAll(present);
    if (!samples.isEmpty()) {
      store.append(samples);
    }
    return samples.size();
  }

  void recordQuietly() {
    try {
      record();
    } catch (RuntimeException e) {
      LOG.warn("could not record metrics history: {}", e.getMessage());
    }
  }

  private static Instant freshest(Resource r) {
    Instant best = null;
    for (SourceRef s : r.sources()) {
      if (s.status() == SourceStatus.HEALTHY && (best == null || s.lastSeen().isAfter(best))) {
        best = s.lastSeen();
      }
    }
    return best;
  }
}
