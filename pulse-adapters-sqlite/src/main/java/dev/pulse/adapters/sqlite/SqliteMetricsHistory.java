package dev.pulse.adapters.sqlite;

import dev.pulse.adapters.sqlite.internal.ChunkRow;
import dev.pulse.adapters.sqlite.internal.ChunkRows;
import dev.pulse.adapters.sqlite.internal.HistoryReader;
import dev.pulse.adapters.sqlite.internal.SeriesState;
import dev.pulse.adapters.sqlite.internal.SeriesStates;
import dev.pulse.domain.history.HistoryRetention;
import dev.pulse.domain.history.HistorySeries;
import dev.pulse.domain.history.HistoryStats;
import dev.pulse.domain.history.HistoryTier;
import dev.pulse.domain.history.MetricsHistoryStore;
import dev.pulse.domain.history.Sample;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Metrics history in SQLite: compressed chunks (a few bits per sample, see {@code ChunkCodec}) in
 * four tiers (raw, minute, hour, day), written by one thread, {@code pulse-history-writer}, in one
 * transaction per flush (every 5 s by default), so that a killed process loses at most the last
 * flush interval. The same thread closes the rollup buckets of series that went quiet, applies the
 * retention every 10 minutes and gives the freed pages back. {@link #close()} stops it after a last
 * flush; the database stays open for its owner.
 */
public final class SqliteMetricsHistory implements MetricsHistoryStore {

  private static final Logger LOG = LoggerFactory.getLogger(SqliteMetricsHistory.class);
  private static final Duration QUIET = Duration.ofMinutes(2);
  private static final Duration IDLE = Duration.ofHours(1);

  private final SqliteDatabase database;
  private final ChunkRows rows;
  private final Clock clock;
  private final HistoryRetention retention;
  private final SeriesStates states;
  private final HistoryReader reader;
  private final ScheduledExecutorService writer;
  private final Object flushLock = new Object();
  private final Map<String, ChunkRow> unwritten = new LinkedHashMap<>();
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private Instant lastExpiry = Instant.MIN;

  private SqliteMetricsHistory(Builder b) {
    this.database = b.database;
    this.rows = new ChunkRows(b.database.jdbi());
    this.clock = b.clock;
    this.retention = b.retention;
    this.states = new SeriesStates(rows, b.database.jdbi());
    this.reader = new HistoryReader(rows, states);
    this.writer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "pulse-history-writer");
      t.setDaemon(true);
      return t;
    });
    long every = b.flushInterval.toMillis();
    writer.scheduleWithFixedDelay(this::flushQuietly, every, every, TimeUnit.MILLISECONDS);
    writer.scheduleWithFixedDelay(this::maintain, 60, 60, TimeUnit.SECONDS);
  }

  public static Builder builder(SqliteDatabase database) {
    return new Builder(database);
  }

  @Override
  public void append(Collection<Sample> samples) {
    for (Sample s : samples) {
      SeriesState state = states.forWriting(s.resourceId(), s.metric());
      if (states.append(state, s.at().getEpochSecond(), s.value())) {
        accepted.incrementAndGet();
      } else {
        rejected.incrementAndGet();
      }
    }
  }

  @Override
  public HistorySeries query(String resourceId, String metric, Instant from, Instant to, int maxPoints) {
    return database.jdbi().withHandle(h -> reader.read(h, resourceId, metric, from, to, maxPoints));
  }

  @Override
  public Map<String, HistorySeries> queryMany(Collection<String> resourceIds, String metric, Instant from, Instant to,
      int maxPoints) {
    return database.jdbi().withHandle(h -> {
      Map<String, HistorySeries> out = new LinkedHashMap<>();
      for (String id : resourceIds) {
        out.put(id, reader.read(h, id, metric, from, to, maxPoints));
      }
      return out;
    });
  }

  @Override
  public Set<String> metricsOf(String resourceId) {
    return states.metricsOf(resourceId);
  }

  @Override
  public List<String> resources() {
    return states.resources();
  }

  @Override
  public void flush() {
    synchronized (flushLock) {
      states.assignIds();
      for (ChunkRow row : states.takeDirty()) {
        unwritten.put(row.seriesId() + "/" + row.tier() + "/" + row.windowStart(), row); // a newer version replaces an older
      }
      if (unwritten.isEmpty()) {
        return;
      }
      rows.write(new ArrayList<>(unwritten.values()));
      unwritten.clear();
    }
  }

  private void flushQuietly() {
    try {
      flush();
    } catch (RuntimeException e) { // kept in memory and written at the next flush
      LOG.warn("could not write metrics history (kept for the next try): {}", e.getMessage());
    }
  }

  /**
   * Closes the buckets of quiet series, writes, forgets idle series, and applies the retention (at
   * most every 10 minutes). The writer thread runs it every minute; tools that move the clock
   * themselves may call it.
   */
  public void maintain() {
    try {
      Instant now = clock.instant();
      states.closeBefore(now.minus(QUIET).getEpochSecond());
      flush();
      states.forgetIdleSince(now.minus(IDLE).getEpochSecond());
      if (Duration.between(lastExpiry, now).compareTo(Duration.ofMinutes(10)) >= 0) {
        expire(now);
        lastExpiry = now;
      }
    } catch (RuntimeException e) {
      LOG.warn("metrics history upkeep failed: {}", e.getMessage());
    }
  }

  /** Deletes the chunks whose newest point is older than their tier's retention; returns how many. */
  public int expire(Instant now) {
    synchronized (flushLock) {
      int gone = 0;
      for (HistoryTier tier : HistoryTier.values()) {
        gone += states.expire(tier.ordinal(), now.minus(retention.of(tier)).getEpochSecond());
      }
      if (gone > 0) {
        rows.reclaim();
      }
      return gone;
    }
  }

  @Override
  public HistoryStats stats() {
    return new HistoryStats(states.count(), database.bytesOnDisk(), accepted.get(), rejected.get());
  }

  @Override
  public void close() {
    writer.shutdownNow();
    try {
      writer.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    flushQuietly();
  }

  /** Configures a {@link SqliteMetricsHistory}. */
  public static final class Builder {
    private final SqliteDatabase database;
    private Clock clock = Clock.systemUTC();
    private HistoryRetention retention = HistoryRetention.DEFAULT;
    private Duration flushInterval = Duration.ofSeconds(5);

    private Builder(SqliteDatabase database) {
      this.database = database;
    }

    public Builder clock(Clock c) {
      this.clock = c;
      return this;
    }

    public Builder retention(HistoryRetention r) {
      this.retention = r;
      return this;
    }

    /** How often buffered samples are written (default 5 s): what a killed process may lose. */
    public Builder flushInterval(Duration d) {
      if (d.toMillis() < 10 || d.compareTo(Duration.ofSeconds(5)) > 0) {
        throw new IllegalArgumentException("the flush interval must be between 10 ms and 5 s");
      }
      this.flushInterval = d;
      return this;
    }

    public SqliteMetricsHistory build() {
      return new SqliteMetricsHistory(this);
    }
  }
}
