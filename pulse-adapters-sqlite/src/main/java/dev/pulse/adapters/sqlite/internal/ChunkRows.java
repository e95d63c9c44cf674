package dev.pulse.adapters.sqlite.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/** The history tables, by SQL. Internal: not API. */
public final class ChunkRows {

  private final Jdbi jdbi;

  public ChunkRows(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** resource id → metric → series id. */
  public Map<String, Map<String, Long>> allSeries() {
    Map<String, Map<String, Long>> out = new HashMap<>();
    jdbi.useHandle(h -> h.createQuery("SELECT id, resource_id, metric FROM history_series")
        .map((rs, ctx) -> {
          out.computeIfAbsent(rs.getString("resource_id"), k -> new HashMap<>()).put(rs.getString("metric"), rs.getLong("id"));
          return null;
        }).list());
    return out;
  }

  /** The newest chunk of each tier of a series; a tier without any is {@code null}. */
  public ChunkRow[] newest(Handle h, long seriesId) {
    ChunkRow[] out = new ChunkRow[SeriesState.TIERS];
    for (String table : new String[] {"history_chunk", "history_head"}) {
      h.createQuery("SELECT c.*, " + (table.equals("history_head") ? 1 : 0) + " AS open FROM " + table + " c "
              + "WHERE c.series_id = :id AND c.window_start = "
              + "(SELECT MAX(window_start) FROM " + table + " INDEXED BY " + table + "_series WHERE series_id = :id AND tier = c.tier)")
          .bind("id", seriesId)
          .map((rs, ctx) -> row(rs))
          .forEach(r -> {
            if (out[r.tier()] == null || out[r.tier()].windowStart() < r.windowStart()) {
              out[r.tier()] = r;
            }
          });
    }
    return out;
  }

  /**
   * The chunks of a tier that hold points between {@code from} and {@code to}, oldest first, found
   * through the series index: left to itself SQLite would walk the primary key's time range, which
   * holds every series' chunks. Bounded by window start (a chunk with points after {@code from}
   * starts at most one window before it).
   */
  public List<ChunkRow> between(Handle h, long seriesId, int tier, long from, long to) {
    return h.createQuery("""
            SELECT *, 0 AS open FROM history_chunk INDEXED BY history_chunk_series
            WHERE series_id = :id AND tier = :tier AND window_start BETWEEN :earliest AND :to AND last_at >= :from
            UNION ALL
            SELECT *, 1 AS open FROM history_head INDEXED BY history_head_series
            WHERE series_id = :id AND tier = :tier AND window_start BETWEEN :earliest AND :to AND last_at >= :from
            ORDER BY window_start""")
        .bind("id", seriesId).bind("tier", tier).bind("earliest", from - SeriesState.WINDOW[tier]).bind("from", from).bind("to", to)
        .map((rs, ctx) -> row(rs))
        .list();
  }

  /** Gives new series their ids. */
  public void createSeries(List<SeriesState> created) {
    jdbi.useTransaction(h -> {
      for (SeriesState s : created) {
        s.id = insertSeries(h, s.resourceId, s.metric);
      }
    });
  }

  /**
   * Writes chunks in one transaction: open ones to {@code history_head}, replacing their last
   * version; finished ones to {@code history_chunk}, removing their head.
   */
  public void write(List<ChunkRow> chunks) {
    jdbi.useTransaction(h -> {
      upsert(h, "history_head", chunks.stream().filter(ChunkRow::open).toList());
      List<ChunkRow> finished = chunks.stream().filter(c -> !c.open()).toList();
      upsert(h, "history_chunk", finished);
      if (!finished.isEmpty()) {
        PreparedBatch drop = h.prepareBatch("DELETE FROM history_head WHERE series_id = :s AND tier = :t AND window_start = :w");
        finished.forEach(c -> drop.bind("s", c.seriesId()).bind("t", c.tier()).bind("w", c.windowStart()).add());
        drop.execute();
      }
    });
  }

  private static void upsert(Handle h, String table, List<ChunkRow> chunks) {
    if (chunks.isEmpty()) {
      return;
    }
    PreparedBatch batch = h.prepareBatch("INSERT INTO " + table
        + " (series_id, tier, window_start, first_at, last_at, points, data)"
        + " VALUES (:series, :tier, :window, :first, :last, :points, :data)"
        + " ON CONFLICT (tier, window_start, series_id) DO UPDATE SET"
        + " first_at = excluded.first_at, last_at = excluded.last_at, points = excluded.points, data = excluded.data");
    for (ChunkRow c : chunks) {
        batch.bind("series", c.seriesId()).bind("tier", c.tier()).bind("window", c.windowStart()).bind("first", c.firstAt())
            .bind("last", c.lastAt()).bind("points", c.points()).bind("data", c.data()).add();
    }
    batch.execute();
  }

  private static long insertSeries(Handle h, String resourceId, String metric) {
    h.createUpdate("INSERT INTO history_series (resource_id, metric) VALUES (:r, :m) ON CONFLICT DO NOTHING")
        .bind("r", resourceId).bind("m", metric).execute();
    return h.createQuery("SELECT id FROM history_series WHERE resource_id = :r AND metric = :m")
        .bind("r", resourceId).bind("m", metric).mapTo(Long.class).one();
  }

  /**
   * Deletes the chunks of a tier whose newest point is older than {@code cutoff} (the same
   * {@code WITHOUT ROWID} order as above makes them the first rows of their tier), and then the series
   * left without any chunk. Returns how many chunks went.
   */
  public int expire(int tier, long cutoff) {
    return jdbi.withHandle(h -> {
      int gone = 0;
      for (String table : new String[] {"history_chunk", "history_head"}) {
        // a chunk's window starts before its newest point: the bound lets SQLite walk the tier's start only
        gone += h.createUpdate("DELETE FROM " + table + " WHERE tier = :tier AND window_start < :cutoff AND last_at < :cutoff")
            .bind("tier", tier).bind("cutoff", cutoff).execute();
      }
      if (gone > 0) {
        h.execute("DELETE FROM history_series WHERE id NOT IN (SELECT series_id FROM history_chunk)"
            + " AND id NOT IN (SELECT series_id FROM history_head)");
      }
      return gone;
    });
  }

  /** Gives the pages freed by deletions back to the file system. */
  public void reclaim() {
    jdbi.useHandle(h -> h.execute("PRAGMA incremental_vacuum"));
  }

  private static ChunkRow row(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new ChunkRow(rs.getLong("series_id"), rs.getInt("tier"), rs.getLong("window_start"), rs.getLong("first_at"),
        rs.getLong("last_at"), rs.getInt("points"), rs.getBytes("data"), rs.getInt("open") == 1);
  }
}
