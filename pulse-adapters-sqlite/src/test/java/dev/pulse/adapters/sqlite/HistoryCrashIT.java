package dev.pulse.adapters.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.domain.history.HistoryPoint;
import dev.pulse.domain.history.HistorySeries;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A writer process killed with SIGKILL mid-write leaves a database that opens cleanly with all it flushed. */
class HistoryCrashIT {

  @TempDir Path dir;

  @Test
  void aKilledWriterLosesNothingItFlushedAndTheDatabaseReopensCleanly() throws Exception {
    Path file = dir.resolve("pulse.db");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process writer = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        HistoryWriterProcess.class.getName(), file.toString()).redirectErrorStream(true).start();
    long durable = -1;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("durable ")) {
          durable = Long.parseLong(line.substring(8));
          if (durable >= 3_000) {
            break;
          }
        }
      }
      writer.destroyForcibly(); // SIGKILL: no shutdown hook, no last flush
      assertTrue(writer.waitFor(30, TimeUnit.SECONDS));
    }
    assertTrue(durable >= 3_000, "the writer got going");

    try (SqliteDatabase db = SqliteDatabase.open(file); SqliteMetricsHistory store = SqliteMetricsHistory.builder(db).build()) {
      assertEquals("ok", db.jdbi().withHandle(h -> h.createQuery("PRAGMA integrity_check").mapTo(String.class).one()));
      HistorySeries s = store.query("crash:host", "cpu", HistoryWriterProcess.T0,
          HistoryWriterProcess.T0.plus(Duration.ofSeconds(10 * (durable + 1))), 100_000);
      for (int i = 0; i < s.points().size(); i++) {
        HistoryPoint p = s.points().get(i);
        long n = (p.at().getEpochSecond() - HistoryWriterProcess.T0.getEpochSecond()) / 10;
        assertEquals(HistoryWriterProcess.value(n), p.avg(), "sample " + n);
      }
      long raw = s.points().stream().mapToLong(HistoryPoint::count).sum();
      assertTrue(raw >= durable + 1, "every flushed sample is there: " + raw + " of " + (durable + 1));
    }
  }
}
