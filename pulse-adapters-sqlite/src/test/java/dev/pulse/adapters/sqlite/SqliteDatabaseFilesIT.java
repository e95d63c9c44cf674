package dev.pulse.adapters.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database file and its write-ahead log, on disk as the docs say: WAL mode, the owner's only. */
class SqliteDatabaseFilesIT {

  @TempDir Path dir;

  private static String mode(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  @Test
  void theFileAndItsWriteAheadLogAreTheOwnersOnlyAndTheLogStaysBetweenWrites() throws Exception {
    Path file = dir.resolve("pulse.db");
    try (SqliteDatabase db = SqliteDatabase.open(file)) {
      assertEquals("wal", db.jdbi().withHandle(h -> h.createQuery("PRAGMA journal_mode").mapTo(String.class).one()));
      db.jdbi().useHandle(h -> h.execute("CREATE TABLE probe (x INTEGER)"));
      db.jdbi().useHandle(h -> h.execute("INSERT INTO probe VALUES (1)"));
      Path wal = dir.resolve("pulse.db-wal");
      Path shm = dir.resolve("pulse.db-shm");
      assertTrue(Files.exists(wal) && Files.size(wal) > 0, "the log is beside the file between writes: "
          + java.util.Arrays.toString(dir.toFile().list()) + " " + (Files.exists(wal) ? Files.size(wal) : -1));
      assertEquals("rw-------", mode(file));
      assertEquals("rw-------", mode(wal));
      assertEquals("rw-------", mode(shm));
    }
    assertFalse(Files.exists(dir.resolve("pulse.db-wal")), "closing folds the log into the file");
  }

  @Test
  void aFileAnEarlierVersionLeftReadableIsTightened() throws Exception {
    Path file = dir.resolve("pulse.db");
    SqliteDatabase.open(file).close();
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    try (SqliteDatabase db = SqliteDatabase.open(file)) {
      assertEquals("rw-------", mode(file));
    }
  }
}
