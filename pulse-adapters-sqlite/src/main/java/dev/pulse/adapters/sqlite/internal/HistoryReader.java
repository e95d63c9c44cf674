package dev.pulse.adapters.sqlite.internal;

import dev.pulse.domain.history.HistoryPoint;
import dev.pulse.domain.history.HistorySeries;
import dev.pulse.domain.history.HistoryTier;
import dev.pulse.domain.history.Lttb;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Reads a series for a chart: the points of the tier that resolves the range, the older part from
 * coarser tiers where that tier has nothing yet (or no longer), and the newest part from finer
 * tiers that are not rolled up yet; then LTTB down to the points asked for. Chunks in memory win
 * over their stored copies, which may be up to a flush older. Internal: not API.
 */
public final class HistoryReader {

  private final ChunkRows rows;
  private final SeriesStates states;

  public HistoryReader(ChunkRows rows, SeriesStates states) {
    this.rows = rows;
    this.states = states;
  }

  public HistorySeries read(Handle h, String resourceId, String metric, Instant from, Instant to, int maxPoints) {
    HistoryTier tier = HistoryTier.resolving(Duration.between(from, to), maxPoints);
    SeriesState live = states.forReading(resourceId, metric);
    long id = live != null ? live.id : states.storedId(resourceId, metric);
    if (live == null && id == 0) {
      return new HistorySeries(resourceId, metric, tier, List.of());
    }
    long f = from.getEpochSecond();
    long t = to.getEpochSecond();
    List<HistoryPoint> points = new ArrayList<>(points(h, live, id, tier.ordinal(), f, t));
    long firstAt = points.isEmpty() ? t + 1 : points.get(0).at().getEpochSecond();
    for (int c = tier.ordinal() + 1; c < SeriesState.TIERS && firstAt > f; c++) {
      long step = SeriesState.STEP[c];
      long before = firstAt;
      List<HistoryPoint> older = points(h, live, id, c, f, before - 1).stream()
          .filter(p -> p.at().getEpochSecond() + step <= before) // a bucket that overlaps finer points would count them twice
          .toList();
      if (!older.isEmpty()) {
        points.addAll(0, older);
        firstAt = older.get(0).at().getEpochSecond();
      }
    }
    long lastEnd = points.isEmpty() ? f : end(points.get(points.size() - 1), tier.ordinal());
    for (int c = tier.ordinal() - 1; c >= 0; c--) {
      long after = lastEnd;
      List<HistoryPoint> newer = points(h, live, id, c, after, t).stream().filter(p -> p.at().getEpochSecond() >= after).toList();
      if (!newer.isEmpty()) {
        points.addAll(newer);
        lastEnd = end(newer.get(newer.size() - 1), c);
      }
    }
    return new HistorySeries(resourceId, metric, tier, Lttb.downsample(points, maxPoints));
  }

  /** Where a point's time span ends: a bucket's end, or just after a raw sample. */
  private static long end(HistoryPoint p, int tier) {
    return p.at().getEpochSecond() + Math.max(1, SeriesState.STEP[tier]);
  }

  /** A tier's points with times from {@code f} to {@code t}, oldest first. */
  private List<HistoryPoint> points(Handle h, SeriesState live, long id, int tier, long f, long t) {
    Map<Long, PointBuffer> memory = live == null ? Map.of() : live.inMemory(tier);
    List<PointBuffer> chunks = new ArrayList<>();
    if (id != 0) {
      for (ChunkRow row : rows.between(h, id, tier, f, t)) {
        if (!memory.containsKey(row.windowStart())) {
          chunks.add(ChunkCodec.decode(row.data(), row.windowStart()));
        }
      }
    }
    chunks.addAll(memory.values());
    chunks.sort(Comparator.comparingLong(c -> c.windowStart));
    List<HistoryPoint> out = new ArrayList<>();
    for (PointBuffer c : chunks) {
      for (int i = 0; i < c.size(); i++) {
        if (c.at(i) >= f && c.at(i) <= t) {
          out.add(c.point(i));
        }
      }
    }
    return out;
  }
}
