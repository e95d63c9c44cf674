package dev.pulse.app;

import dev.pulse.adapters.sqlite.SqliteDatabase;
import dev.pulse.adapters.sqlite.SqliteAccountStore;
import dev.pulse.adapters.sqlite.SqliteAlertStore;
import dev.pulse.adapters.sqlite.SqliteAuditLog;
import dev.pulse.adapters.sqlite.SqliteMetricsHistory;
import dev.pulse.adapters.sqlite.SqliteNotificationQueue;
import dev.pulse.domain.notify.NotificationQueue;
import dev.pulse.domain.alert.AlertStore;
import dev.pulse.domain.audit.AuditLog;
import dev.pulse.domain.security.AccountStore;
import dev.pulse.domain.history.HistoryRetention;
import dev.pulse.domain.history.MetricsHistoryStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The SQLite file and what lives in it (metrics history, alerts, the notification queue, accounts and sessions): {@code pulse.db} in the data
 * directory, or, for a demo, a file of its own in the temporary directory that goes away when the
 * demo stops.
 */
final class LocalDatabase implements AutoCloseable {

  private final SqliteDatabase database;
  private final SqliteMetricsHistory store;
  private final SqliteAlertStore alerts;
  private final SqliteNotificationQueue notifications;
  private final SqliteAccountStore accounts;
  private final boolean temporary;

  private LocalDatabase(SqliteDatabase database, SqliteMetricsHistory store, boolean temporary) {
    this.database = database;
    this.store = store;
    this.alerts = new SqliteAlertStore(database);
    this.notifications = new SqliteNotificationQueue(database);
    this.accounts = new SqliteAccountStore(database);
    this.temporary = temporary;
  }

  /** @param dataDir where {@code pulse.db} is kept, or {@code null} for a temporary file (demo mode) */
  static LocalDatabase open(Path dataDir, HistoryRetention retention, Clock clock) throws IOException {
    Path file = dataDir == null ? Files.createTempDirectory("pulse-demo-").resolve("pulse.db") : dataDir.resolve("pulse.db");
    SqliteDatabase database = SqliteDatabase.open(file);
    SqliteMetricsHistory store = SqliteMetricsHistory.builder(database).clock(clock).retention(retention).build();
    return new LocalDatabase(database, store, dataDir == null);
  }

  MetricsHistoryStore history() {
    return store;
  }

  AlertStore alerts() {
    return alerts;
  }

  NotificationQueue notifications() {
    return notifications;
  }

  AccountStore accounts() {
    return accounts;
  }

  /** The audit log in this file, sealed with {@code key}. */
  AuditLog audit(byte[] key) {
    return new SqliteAuditLog(database, key);
  }

  @Override
  public void close() {
    store.close();
    database.close();
    if (temporary) {
      try {
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
          Files.deleteIfExists(Path.of(database.file() + suffix));
        }
        Files.deleteIfExists(database.file().getParent());
      } catch (IOException e) {
        throw new UncheckedIOException("could not remove the demo's history " + database.file(), e);
      }
    }
  }
}
