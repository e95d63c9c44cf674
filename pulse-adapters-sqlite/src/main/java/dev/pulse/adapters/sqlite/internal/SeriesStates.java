package dev.pulse.adapters.sqlite.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Jdbi;

/**
 * The series a store knows: those stored (by id) and those in memory (being written). A series is
 * brought into memory when it gets a sample, restored from its newest stored chunks, and forgotten
 * again after an hour without samples. Lock order: this registry, then a series. Internal: not API.
 */
public final class SeriesStates {

  private final ChunkRows rows;
  private final Jdbi jdbi;
  private final Object lock = new Object();
  private Map<String, Map<String, Long>> stored;
  private final Map<String, Map<String, SeriesState>> live = new HashMap<>();

  public SeriesStates(ChunkRows rows, Jdbi jdbi) {
    this.rows = rows;
    this.jdbi = jdbi;
    this.stored = rows.allSeries();
  }

  public SeriesState forWriting(String resourceId, String metric) {
    synchronized (lock) {
      return live.computeIfAbsent(resourceId, k -> new HashMap<>())
          .computeIfAbsent(metric, m -> new SeriesState(resourceId, m, storedId(resourceId, m)));
    }
  }

  /** Takes a sample into the series, restoring it from disk first if needed; false when refused. */
  public boolean append(SeriesState state, long t, double v) {
    SeriesState s = state;
    while (true) {
      synchronized (s) {
        if (!s.evicted) {
          if (!s.loaded) {
            long id = s.id;
            s.restore(id == 0 ? new ChunkRow[SeriesState.TIERS] : jdbi.withHandle(h -> rows.newest(h, id)));
          }
          return s.append(t, v);
        }
      }
      s = forWriting(state.resourceId, state.metric);
    }
  }

  /** The series in memory, or {@code null} when it is only on disk (or nowhere). */
  public SeriesState forReading(String resourceId, String metric) {
    synchronized (lock) {
      return live.getOrDefault(resourceId, Map.of()).get(metric);
    }
  }

  /** Its id on disk, or 0. */
  public long storedId(String resourceId, String metric) {
    synchronized (lock) {
      return stored.getOrDefault(resourceId, Map.of()).getOrDefault(metric, 0L);
    }
  }

  /** Stores the series that are new, so that their chunks can be written. */
  public void assignIds() {
    List<SeriesState> created = new ArrayList<>();
    for (SeriesState s : all()) {
      if (s.id == 0) {
        created.add(s);
      }
    }
    if (created.isEmpty()) {
      return;
    }
    rows.createSeries(created);
    synchronized (lock) {
      for (SeriesState s : created) {
        stored.computeIfAbsent(s.resourceId, k -> new HashMap<>()).put(s.metric, s.id);
      }
    }
  }

  public List<ChunkRow> takeDirty() {
    List<ChunkRow> out = new ArrayList<>();
    for (SeriesState s : all()) {
      synchronized (s) {
        if (s.loaded && s.dirty()) {
          out.addAll(s.takeDirty());
        }
      }
    }
    return out;
  }

  public void closeBefore(long cutoff) {
    for (SeriesState s : all()) {
      synchronized (s) {
        if (s.loaded) {
          s.closeBefore(cutoff);
        }
      }
    }
  }

  /** Forgets, from memory only, the written series with no sample since {@code cutoff}. */
  public void forgetIdleSince(long cutoff) {
    synchronized (lock) {
      for (Map<String, SeriesState> byMetric : live.values()) {
        byMetric.values().removeIf(s -> {
          synchronized (s) {
            boolean idle = s.id != 0 && (!s.loaded || (s.lastAt < cutoff && !s.dirty()));
            s.evicted = idle;
            return idle;
          }
        });
      }
      live.values().removeIf(Map::isEmpty);
    }
  }

  /**
   * Deletes a tier's chunks older than {@code cutoff}, and the series left with none; a series still
   * in memory whose row went is stored again at the next flush.
   */
  public int expire(int tier, long cutoff) {
    synchronized (lock) {
      int gone = rows.expire(tier, cutoff);
      if (gone > 0) {
        stored = rows.allSeries();
        for (SeriesState s : allLocked()) {
          if (s.id != 0 && storedId(s.resourceId, s.metric) == 0) {
            s.id = 0;
          }
        }
      }
      return gone;
    }
  }

  public Set<String> metricsOf(String resourceId) {
    synchronized (lock) {
      Set<String> out = new TreeSet<>(stored.getOrDefault(resourceId, Map.of()).keySet());
      out.addAll(live.getOrDefault(resourceId, Map.of()).keySet());
      return out;
    }
  }

  public List<String> resources() {
    synchronized (lock) {
      Set<String> out = new TreeSet<>(stored.keySet());
      out.addAll(live.keySet());
      return List.copyOf(out);
    }
  }

  public long count() {
    synchronized (lock) {
      long n = stored.values().stream().mapToLong(Map::size).sum();
      for (SeriesState s : allLocked()) {
        n += s.id == 0 ? 1 : 0;
      }
      return n;
    }
  }

  private List<SeriesState> all() {
    synchronized (lock) {
      return allLocked();
    }
  }

  private List<SeriesState> allLocked() {
    List<SeriesState> out = new ArrayList<>();
    live.values().forEach(m -> out.addAll(m.values()));
    return out;
  }
}
