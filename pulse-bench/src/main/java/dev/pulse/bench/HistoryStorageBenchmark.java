package dev.pulse.bench;

import dev.pulse.adapters.sqlite.SqliteDatabase;
import dev.pulse.adapters.sqlite.SqliteMetricsHistory;
import dev.pulse.domain.history.HistoryPoint;
import dev.pulse.domain.history.Lttb;
import dev.pulse.domain.history.Sample;
import dev.pulse.simulators.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Stores the same simulated days of 10 s samples (default 7 days × 1,000 series, a realistic mix:
 * see {@link HistorySeriesMix}; timestamps jitter by 1 s now and then) twice: in Pulse's history
 * store (default tiers and retention) and in a naive SQLite table with one row per sample. Prints
 * bytes per sample on disk, ingest rate and query latencies for both.
 *
 * <pre>java -cp pulse-bench/target/benchmarks.jar dev.pulse.bench.HistoryStorageBenchmark [series] [days] [dir] [queries]</pre>
 *
 * With {@code queries} as the fourth argument it only times the queries against the stores a
 * previous run left in {@code dir}.
 */
public final class HistoryStorageBenchmark {

  private static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
  private static final int STEP = 10;
  private static final int FLUSH_EVERY = 30; // steps: every 5 simulated minutes

  private HistoryStorageBenchmark() {}

  public static void main(String[] args) throws Exception {
    int series = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
    int days = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    Path dir = Path.of(args.length > 2 ? args[2] : "pulse-bench/target/history-bench");
    boolean queriesOnly = args.length > 3 && args[3].equals("queries");
    Files.createDirectories(dir);
    if (!queriesOnly) {
      Files.deleteIfExists(dir.resolve("pulse.db"));
      Files.deleteIfExists(dir.resolve("naive.db"));
    }
    int steps = days * 86_400 / STEP;
    long samples = (long) steps * series;
    System.out.printf("%d series × %d days of 10 s samples = %,d samples%n", series, days, samples);

    ManualClock clock = new ManualClock(START);
    try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("pulse.db"));
        SqliteMetricsHistory store = SqliteMetricsHistory.builder(db).clock(clock).build()) {
      if (queriesOnly) {
        clock.advance(Duration.ofSeconds((long) (steps - 1) * STEP));
        queries(store, series, steps);
        return;
      }
      HistorySeriesMix[] mix = mixes(series);
      Random jitter = new Random(1);
      long began = System.nanoTime();
      List<Sample> batch = new ArrayList<>(series);
      for (int s = 0; s < steps; s++) {
        Instant nominal = START.plusSeconds((long) s * STEP);
        if (s > 0) {
          clock.advance(Duration.ofSeconds(STEP));
        }
        batch.clear();
        for (int i = 0; i < series; i++) {
          batch.add(new Sample("res-" + i, "series", time(nominal, jitter), mix[i].next()));
        }
        store.append(batch);
        if (s % FLUSH_EVERY == FLUSH_EVERY - 1) {
          store.flush();
        }
        if (s % 360 == 359) {
          store.maintain();
          store.expire(clock.instant());
        }
      }
      store.flush();
      double seconds = (System.nanoTime() - began) / 1e9;
      store.expire(clock.instant());
      db.checkpoint();
      long bytes = db.bytesOnDisk();
      System.out.printf("pulse: %,d bytes on disk = %.3f B/sample (all tiers, default retention); ingest %,.0f samples/s%n",
          bytes, (double) bytes / samples, samples / seconds);
      db.jdbi().useHandle(h -> h.createQuery("""
              SELECT tier, COUNT(*), SUM(points), SUM(LENGTH(data)) FROM history_chunk GROUP BY tier ORDER BY tier""")
          .map((rs, ctx) -> String.format("  tier %d: %,d chunks, %,d points, %,d payload bytes = %.3f B/point",
              rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), (double) rs.getLong(4) / rs.getLong(3)))
          .forEach(System.out::println));
      queries(store, series, steps);
    }
    naive(dir.resolve("naive.db"), series, steps, samples);
  }

  private static void queries(SqliteMetricsHistory store, int series, int steps) {
    {
      Instant end = START.plusSeconds((long) steps * STEP);
      Random pick = new Random(2);
      for (int q = 0; q < 100; q++) { // warm-up: let the JIT compile the read path before timing it
        store.query("res-" + pick.nextInt(series), "series", end.minus(Duration.ofDays(7)), end, 500);
      }
      long[] week = new long[200];
      for (int q = 0; q < week.length; q++) {
        long t0 = System.nanoTime();
        store.query("res-" + pick.nextInt(series), "series", end.minus(Duration.ofDays(7)), end, 500);
        week[q] = System.nanoTime() - t0;
      }
      long[] sparks = new long[30];
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < Math.min(500, series); i++) {
        ids.add("res-" + i);
      }
      for (int q = 0; q < sparks.length; q++) {
        long t0 = System.nanoTime();
        store.queryMany(ids, "series", end.minus(Duration.ofHours(24)), end, 60);
        sparks[q] = System.nanoTime() - t0;
      }
      System.out.printf("pulse: 7-day 500-point query p50 %.2f ms, p95 %.2f ms; sparklines for %d resources (24 h, 60 points) p50 %.1f ms, p95 %.1f ms%n",
          ms(week, 50), ms(week, 95), ids.size(), ms(sparks, 50), ms(sparks, 95));
    }
  }

  private static void naive(Path file, int series, int steps, long samples) {
    try (SqliteDatabase db = SqliteDatabase.open(file)) {
      db.jdbi().useHandle(h -> {
        h.execute("CREATE TABLE naive (resource_id TEXT NOT NULL, metric TEXT NOT NULL, ts INTEGER NOT NULL, value REAL NOT NULL)");
        h.execute("CREATE INDEX naive_series ON naive (resource_id, metric, ts)");
      });
      HistorySeriesMix[] mix = mixes(series);
      Random jitter = new Random(1);
      long began = System.nanoTime();
      Handle h = db.jdbi().open();
      try {
        int s = 0;
        while (s < steps) {
          int until = Math.min(steps, s + 60);
          h.begin();
          PreparedBatch batch = h.prepareBatch("INSERT INTO naive VALUES (:r, :m, :t, :v)");
          for (; s < until; s++) {
            Instant nominal = START.plusSeconds((long) s * STEP);
            for (int i = 0; i < series; i++) {
              batch.bind("r", "res-" + i).bind("m", "series").bind("t", time(nominal, jitter).getEpochSecond())
                  .bind("v", mix[i].next()).add();
            }
          }
          batch.execute();
          h.commit();
        }
      } finally {
        h.close();
      }
      double seconds = (System.nanoTime() - began) / 1e9;
      db.checkpoint();
      long bytes = db.bytesOnDisk();
      System.out.printf("naive: %,d bytes on disk = %.3f B/sample (raw only, one row per sample); ingest %,.0f samples/s%n",
          bytes, (double) bytes / samples, samples / seconds);
      long end = START.getEpochSecond() + (long) steps * STEP;
      Random pick = new Random(2);
      long[] week = new long[50];
      for (int q = 0; q < week.length; q++) {
        String id = "res-" + pick.nextInt(series);
        long t0 = System.nanoTime();
        Lttb.downsample(naiveQuery(db, id, end - 7 * 86_400, end), 500);
        week[q] = System.nanoTime() - t0;
      }
      long[] sparks = new long[5];
      for (int q = 0; q < sparks.length; q++) {
        long t0 = System.nanoTime();
        for (int i = 0; i < Math.min(500, series); i++) {
          Lttb.downsample(naiveQuery(db, "res-" + i, end - 86_400, end), 60);
        }
        sparks[q] = System.nanoTime() - t0;
      }
      System.out.printf("naive: 7-day 500-point query p50 %.2f ms, p95 %.2f ms; sparklines for %d resources p50 %.1f ms, p95 %.1f ms%n",
          ms(week, 50), ms(week, 95), Math.min(500, series), ms(sparks, 50), ms(sparks, 95));
    }
  }

  private static List<HistoryPoint> naiveQuery(SqliteDatabase db, String id, long from, long to) {
    return db.jdbi().withHandle(h -> h.createQuery(
            "SELECT ts, value FROM naive WHERE resource_id = :r AND metric = 'series' AND ts BETWEEN :f AND :t ORDER BY ts")
        .bind("r", id).bind("f", from).bind("t", to)
        .map((rs, ctx) -> HistoryPoint.of(Instant.ofEpochSecond(rs.getLong(1)), rs.getDouble(2))).list());
  }

  private static HistorySeriesMix[] mixes(int series) {
    HistorySeriesMix[] mix = new HistorySeriesMix[series];
    for (int i = 0; i < series; i++) {
      mix[i] = new HistorySeriesMix(i, 42);
    }
    return mix;
  }

  /** The nominal time, 1 s early or late one time in twenty. */
  private static Instant time(Instant nominal, Random jitter) {
    int j = jitter.nextInt(40);
    return j == 0 ? nominal.minusSeconds(1) : j == 1 ? nominal.plusSeconds(1) : nominal;
  }

  private static double ms(long[] nanos, int percentile) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int index = Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
    return sorted[Math.max(0, index)] / 1e6;
  }
}
