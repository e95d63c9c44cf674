package dev.pulse.adapters.sqlite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Pulse's SQLite file: in WAL mode (readers never wait for the writer, and a killed process loses
 * nothing it committed), with incremental vacuum so that deleted history gives its pages back, and
 * migrated to the current schema with Flyway. It holds password hashes and the audit log, so the
 * file, its write-ahead log ({@code -wal}) and shared-memory index ({@code -shm}) are the owner's
 * only (0600: SQLite gives the last two the main file's mode). One connection stays open while the
 * database is, so the log lives beside the file between writes instead of being folded back and
 * deleted each time the last connection closes. Thread-safe; each use takes its own connection.
 */
public final class SqliteDatabase implements AutoCloseable {

  static final int PAGE_SIZE = 16_384;
  private static final String[] SUFFIXES = {"", "-wal", "-shm"};

  private final Path file;
  private final Jdbi jdbi;
  private final Connection keeper;

  private SqliteDatabase(Path file, Jdbi jdbi, Connection keeper) {
    this.file = file;
    this.jdbi = jdbi;
    this.keeper = keeper;
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
    Connection keeper;
    try {
      keeper = source.getConnection();
      try (Statement s = keeper.createStatement()) {
        s.execute("PRAGMA schema_version"); // a read joins the log: until then this connection does not hold it open
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open " + file + ": " + e.getMessage(), e);
    }
    Flyway.configure().dataSource(source).locations("classpath:db/migration").load().migrate();
    return new SqliteDatabase(file, Jdbi.create(source), keeper);
  }

  /**
   * Creates the file 0600 before SQLite does (it would take the umask's 0644), and tightens an
   * existing one and its companions, as an earlier version left them.
   */
  private static void ownerOnly(Path file) {
    if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    Set<PosixFilePermission> owner = PosixFilePermissions.fromString("rw-------");
    try {
      if (!Files.exists(file)) {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(owner));
      }
      for (String suffix : SUFFIXES) {
        Path p = Path.of(file.toAbsolutePath() + suffix);
        if (Files.exists(p)) {
          Files.setPosixFilePermissions(p, owner);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make " + file + " readable by its owner only", e);
    }
  }

  /**
   * Gives a new file its page size and incremental vacuum, which SQLite only takes before the file
   * is in WAL mode and has tables. Pages of PAGE_SIZE hold a dozen finished chunks (1–2 KiB each)
   * with little left over.
   */
  private static void prepareNewFile(Path file) {
    ownerOnly(file);
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
    for (String suffix : SUFFIXES) {
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

  /** Folds the log into the file and lets it go; the database cannot be used afterwards. */
  @Override
  public void close() {
    checkpoint();
    try {
      keeper.close();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot close " + file + ": " + e.getMessage(), e);
    }
  }
}
