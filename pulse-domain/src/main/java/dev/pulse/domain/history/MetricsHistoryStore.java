package dev.pulse.domain.history;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the history of resources' metrics: raw samples, rolled up into minute, hour and day tiers,
 * each kept as long as its {@link HistoryRetention} says. Thread-safe.
 */
public interface MetricsHistoryStore extends AutoCloseable {

  /**
   * Takes samples. Within a series samples must come in time order: one not newer than the series'
   * last sample is refused and counted in {@link HistoryStats#samplesRejected()}. Samples are kept to
   * the second and written within the store's flush interval.
   */
  void append(Collection<Sample> samples);

  /**
   * A series from {@code from} to {@code to}, at most {@code maxPoints} points, from the coarsest
   * tier that resolves it (see {@link HistoryTier#resolving}), downsampled with LTTB when there are
   * more. Empty points when there is no data.
   */
  HistorySeries query(String resourceId, String metric, Instant from, Instant to, int maxPoints);

  /** The same for many resources at once, keyed by resource id: one chart row per resource. */
  Map<String, HistorySeries> queryMany(Collection<String> resourceIds, String metric, Instant from, Instant to,
      int maxPoints);

  /** The metrics a resource has history for. */
  Set<String> metricsOf(String resourceId);

  /** Writes what is buffered now, rather than at the next flush. */
  void flush();

  HistoryStats stats();

  @Override
  void close();

  /** Resource ids with any history, for tests and tools. */
  List<String> resources();
}
