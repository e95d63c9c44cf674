package dev.pulse.adapters.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.domain.history.HistoryPoint;
import dev.pulse.domain.history.HistoryRetention;
import dev.pulse.domain.history.HistorySeries;
import dev.pulse.domain.history.HistoryTier;
import dev.pulse.domain.history.Sample;
import dev.pulse.simulators.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history store on a real SQLite file. */
class SqliteMetricsHistoryIT {

  private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

  @TempDir Path dir;

  private final ManualClock clock = new ManualClock(T0);

  private SqliteMetricsHistory open(SqliteDatabase db) {
    return SqliteMetricsHistory.builder(db).clock(clock).build();
  }

  private static Sample sample(String metric, Instant at, double value) {
    return new Sample("lab:node-pve1", metric, at, value);
  }

  /** Samples every 10 s from {@code start}, {@code values[i]} at start + 10 i s. */
  private static List<Sample> every10s(String metric, Instant start, double... values) {
    List<Sample> out = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      out.add(sample(metric, start.plusSeconds(10L * i), values[i]));
    }
    return out;
  }

  @Test
  void samplesWrittenByOneStoreAreReadExactlyByTheNextAfterAReopen() {
    Path file = dir.resolve("pulse.db");
    List<Sample> written = new ArrayList<>();
    for (int i = 0; i < 360; i++) {
      written.add(sample("cpu", T0.plusSeconds(10L * i), Math.round(Math.random() * 10_000) / 100.0));
    }
    try (SqliteDatabase db = SqliteDatabase.open(file); SqliteMetricsHistory store = open(db)) {
      store.append(written);
    }
    try (SqliteDatabase db = SqliteDatabase.open(file); SqliteMetricsHistory store = open(db)) {
      HistorySeries s = store.query("lab:node-pve1", "cpu", T0, T0.plus(Duration.ofHours(1)), 500);

      assertEquals(HistoryTier.RAW, s.tier());
      assertEquals(360, s.points().size());
      for (int i = 0; i < 360; i++) {
        assertEquals(written.get(i).at(), s.points().get(i).at());
        assertEquals(written.get(i).value(), s.points().get(i).avg());
      }
    }
  }

  @Test
  void minuteAndHourRollupsMatchHandComputedMinAvgMax() {
    try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("pulse.db")); SqliteMetricsHistory store = open(db)) {
      store.append(every10s("temperature", T0, 40.1, 40.3, 40.2, 40.6, 40.0, 40.4)); // minute 0: min 40.0 max 40.6 avg 40.2667
      store.append(every10s("temperature", T0.plusSeconds(60), 50.5, 49.5)); // minute 1: two samples, avg 50.0
      store.append(every10s("temperature", T0.plusSeconds(3_600), 30.0)); // the next hour ends minute 1…
      store.append(every10s("temperature", T0.plusSeconds(3_660), 31.0)); // …and its second minute ends its first, and hour 0
      store.flush();

      HistorySeries minutes = store.query("lab:node-pve1", "temperature", T0, T0.plus(Duration.ofHours(24)), 500);
      assertEquals(HistoryTier.MINUTE, minutes.tier());
      HistoryPoint m0 = minutes.points().get(0);
      assertEquals(T0, m0.at());
      assertEquals(40.0, m0.min());
      assertEquals(40.6, m0.max());
      assertEquals(241.6 / 6, m0.avg(), 1e-12);
      assertEquals(6, m0.count());
      HistoryPoint m1 = minutes.points().get(1);
      assertEquals(50.0, m1.avg(), 1e-12);
      assertEquals(2, m1.count());
      assertEquals(30.0, minutes.points().get(2).avg());
      assertEquals(31.0, minutes.points().get(3).avg(), "the newest, not yet rolled up, comes raw");
      assertEquals(1, minutes.points().get(3).count());

      HistorySeries hours = store.query("lab:node-pve1", "temperature", T0, T0.plus(Duration.ofDays(30)), 500);
      assertEquals(HistoryTier.HOUR, hours.tier());
      HistoryPoint h0 = hours.points().get(0);
      assertEquals(40.0, h0.min());
      assertEquals(50.5, h0.max());
      assertEquals((241.6 + 100.0) / 8, h0.avg(), 1e-12, "weighted by samples, not the mean of minute means");
      assertEquals(8, h0.count());
    }
  }

  @Test
  void anOpenMinuteSurvivesARestartAndIsRolledUpWhole() {
    Path file = dir.resolve("pulse.db");
    try (SqliteDatabase db = SqliteDatabase.open(file); SqliteMetricsHistory store = open(db)) {
      store.append(every10s("cpu", T0, 10, 20, 30));
    }
    try (SqliteDatabase db = SqliteDatabase.open(file); SqliteMetricsHistory store = open(db)) {
      store.append(every10s("cpu", T0.plusSeconds(30), 40, 50, 60, 70));
      store.flush();
      HistoryPoint m0 = store.query("lab:node-pve1", "cpu", T0, T0.plus(Duration.ofHours(24)), 500).points().get(0);

      assertEquals(6, m0.count(), "three before the restart, three after");
      assertEquals(35.0, m0.avg());
      assertEquals(10, m0.min());
      assertEquals(60, m0.max());
    }
  }

  @Test
  void aSampleNotNewerThanTheLastIsRefusedAndCounted() {
    try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("pulse.db")); SqliteMetricsHistory store = open(db)) {
      store.append(every10s("cpu", T0, 1, 2, 3));
      store.append(List.of(sample("cpu", T0.plusSeconds(10), 99), sample("cpu", T0.plusSeconds(20), 98)));

      assertEquals(3, store.stats().samplesAccepted());
      assertEquals(2, store.stats().samplesRejected());
      assertEquals(List.of(1.0, 2.0, 3.0),
          store.query("lab:node-pve1", "cpu", T0, T0.plusSeconds(600), 100).points().stream().map(HistoryPoint::avg).toList());
    }
  }

  @Test
  void aQuietSeriesGetsItsLastMinuteRolledUpAfterTwoMinutes() {
    try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("pulse.db")); SqliteMetricsHistory store = open(db)) {
      store.append(every10s("cpu", T0, 5, 15));
      clock.advance(Duration.ofMinutes(3));
      store.maintain();

      HistorySeries s = store.query("lab:node-pve1", "cpu", T0, T0.plus(Duration.ofDays(30)), 500);
      assertEquals(1, s.points().size());
      assertEquals(10.0, s.points().get(0).avg());
      assertEquals(2, s.points().get(0).count());
    }
  }

  @Test
  void manyResourcesAreReadInOneCallKeyedByResource() {
    try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("pulse.db")); SqliteMetricsHistory store = open(db)) {
      store.append(List.of(new Sample("a", "cpu", T0, 1), new Sample("b", "cpu", T0, 2)));
      Map<String, HistorySeries> many = store.queryMany(List.of("a", "b", "c"), "cpu", T0, T0.plusSeconds(60), 10);

      assertEquals(1.0, many.get("a").points().get(0).avg());
      assertEquals(2.0, many.get("b").points().get(0).avg());
      assertTrue(many.get("c").points().isEmpty(), "no data yet: no points, not a zero");
      assertEquals(java.util.Set.of("cpu"), store.metricsOf("a"));
    }
  }

  @Test
  void retentionDeletesTheChunksWhoseNewestPointIsTooOldAndNothingElse() {
    HistoryRetention short1 = new HistoryRetention(Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(2),
        Duration.ofHours(2));
    try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("pulse.db"));
        SqliteMetricsHistory store = SqliteMetricsHistory.builder(db).clock(clock).retention(short1).build()) {
      for (int i = 0; i < 6 * 360; i++) { // six hours of samples: three raw windows of 2 h
        store.append(List.of(sample("cpu", T0.plusSeconds(10L * i), i % 100)));
      }
      store.flush();
      clock.advance(Duration.ofHours(6));
      Instant now = clock.instant();
      List<long[]> before = chunks(db);

      store.expire(now);
      List<long[]> after = chunks(db);

      for (long[] c : before) {
        long cutoff = now.minus(short1.of(HistoryTier.values()[(int) c[0]])).getEpochSecond();
        boolean kept = after.stream().anyMatch(a -> a[0] == c[0] && a[1] == c[1]);
        assertEquals(c[2] >= cutoff, kept, "tier " + c[0] + " window " + c[1] + " ending " + c[2] + ", cutoff " + cutoff);
      }
      assertTrue(after.size() < before.size() && !after.isEmpty());
    }
  }

  @Test
  void withRetentionTheFileStopsGrowingOnceTheOldestChunksExpire() {
    HistoryRetention short1 = new HistoryRetention(Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(2),
        Duration.ofHours(2));
    try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("pulse.db"));
        SqliteMetricsHistory store = SqliteMetricsHistory.builder(db).clock(clock).retention(short1).build()) {
      List<Long> sizes = new ArrayList<>();
      java.util.Random random = new java.util.Random(3);
      for (int hour = 0; hour < 14; hour++) {
        for (int step = 0; step < 360; step++) {
          List<Sample> batch = new ArrayList<>();
          for (int series = 0; series < 50; series++) {
            batch.add(new Sample("r" + series, "cpu", clock.instant(), Math.round(random.nextDouble() * 10_000) / 100.0));
          }
          store.append(batch);
          clock.advance(Duration.ofSeconds(10));
        }
        store.flush();
        store.expire(clock.instant());
        db.checkpoint();
        sizes.add(db.bytesOnDisk());
      }
      long settled = sizes.get(8); // minute chunks (6 h windows) kept 2 h: the first expires at hour 8
      long last = sizes.get(sizes.size() - 1);
      assertTrue(last <= settled * 1.3, "the file keeps its size once retention applies: " + sizes);
      assertTrue(last < sizes.get(0) * 14, "far below what 14 hours would take without retention: " + sizes);
    }
  }

  /** [tier, window start, last point] of every stored chunk, finished or still open. */
  private static List<long[]> chunks(SqliteDatabase db) {
    return db.jdbi().withHandle(h -> h.createQuery(
            "SELECT tier, window_start, last_at FROM history_chunk UNION ALL SELECT tier, window_start, last_at FROM history_head")
        .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).list());
  }
}
