package dev.pulse.adapters.sqlite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Pulse's SQLite file: opened in WAL mode (readers never wait for the writer, and a killed process
 * loses nothing it committed), with incremental vacuum so that deleted history gives its pages
 * back, and migrated to the current schema with Flyway. Thread-safe; each use takes its own
 * connection.
 */
public final class SqliteDatabase implements AutoCloseable {

  static final int PAGE_SIZE = 16_384;

  private final Path file;
  private final Jdbi jdbi;

  private SqliteDatabase(Path file, Jdbi jdbi) {
    this.file = file;
    this.jdbi = jdbi;
  }

  /** Opens or creates the database file and brings its schema up to date. */
  public static SqliteDatabase open(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the directory of " + file, e);
    }
    prepareNewFile(file);
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout(10_000);
    SQLiteDataSource source = new SQLiteDataSource(config);
    source.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    Flyway.configure().dataSource(source).locations("classpath:db/migration").load().migrate();
    return new SqliteDatabase(file, Jdbi.create(source));
  }

  /**
   * Gives a new file its page size and incremental vacuum, which SQLite only takes before the file
   * is in WAL mode and has tables. Pages of PAGE_SIZE hold a dozen finished chunks (1–2 KiB each)
   * with little left over.
   */
  private static void prepareNewFile(Path file) {
    try {
      if (Files.exists(file) && Files.size(file) > 0) {
        return;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        Statement s = c.createStatement()) {
      s.execute("PRAGMA page_size = " + PAGE_SIZE);
      s.execute("PRAGMA auto_vacuum = INCREMENTAL");
      s.execute("VACUUM");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create " + file + ": " + e.getMessage(), e);
    }
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public Path file() {
    return file;
  }

  /** The database file with its write-ahead log and shared-memory index. */
  public long bytesOnDisk() {
    long total = 0;
    for (String suffix : new String[] {"", "-wal", "-shm"}) {
      try {
        Path p = Path.of(file.toAbsolutePath() + suffix);
        total += Files.exists(p) ? Files.size(p) : 0;
      } catch (IOException e) {
        // a file that went away meanwhile counts as empty
      }
    }
    return total;
  }

  /** Moves the write-ahead log into the database file, so that a copy of the file alone is complete. */
  public void checkpoint() {
    jdbi.useHandle(h -> h.execute("PRAGMA wal_checkpoint(TRUNCATE)"));
  }

  @Override
  public void close() {
    checkpoint();
  }
}
