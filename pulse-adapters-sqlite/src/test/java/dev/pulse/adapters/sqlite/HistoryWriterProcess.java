package dev.pulse.adapters.sqlite;

import dev.pulse.domain.history.Sample;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A process that writes history until it is killed: sample i is {@code i % 1000 / 10.0} at T0 +
 * 10 i s. After each explicit flush it prints {@code durable i}: every sample up to i is on disk.
 */
public final class HistoryWriterProcess {

  static final Instant T0 = Instant.parse("2026-11-28T00:00:00Z");

  private HistoryWriterProcess() {}

  static double value(long i) {
    return i % 1000 / 10.0;
  }

  public static void main(String[] args) {
    SqliteDatabase db = SqliteDatabase.open(Path.of(args[0]));
    SqliteMetricsHistory store = SqliteMetricsHistory.builder(db).flushInterval(Duration.ofMillis(20)).build();
    for (long i = 0; ; i++) {
      store.append(List.of(new Sample("crash:host", "cpu", T0.plusSeconds(10 * i), value(i))));
      if (i % 100 == 99) {
        store.flush();
        System.out.println("durable " + i);
        System.out.flush();
      }
    }
  }
}
