package dev.pulse.adapters.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.domain.audit.AuditChain;
import dev.pulse.domain.audit.AuditEvent;
import dev.pulse.domain.audit.AuditQuery;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit chain in a real SQLite file: edits and deletions made behind Pulse's back are found. */
class SqliteAuditLogIT {

  private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();
  private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

  @TempDir Path dir;

  private static AuditEvent event(int i) {
    return new AuditEvent(T0.plusSeconds(i * 60L), i % 2 == 0 ? "alice" : "bob", "PUT /api/alerts/config", "", "10.0.0." + i,
        "success 200", "");
  }

  private void tamper(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("pulse.db")); Statement s = c.createStatement()) {
      s.executeUpdate(sql);
    }
  }

  private SqliteDatabase fill() {
    SqliteDatabase db = SqliteDatabase.open(dir.resolve("pulse.db"));
    SqliteAuditLog log = new SqliteAuditLog(db, KEY);
    log.append(List.of(event(1), event(2)));
    log.append(List.of(event(3), event(4), event(5)));
    return db;
  }

  @Test
  void editingOneRowInTheFileIsReportedAtThatRow() throws Exception {
    try (SqliteDatabase db = fill()) {
      assertTrue(new SqliteAuditLog(db, KEY).verify().ok());
      tamper("UPDATE audit_log SET actor = 'mallory' WHERE seq = 3");
      AuditChain.Verification v = new SqliteAuditLog(db, KEY).verify();
      assertFalse(v.ok());
      assertEquals(3L, v.brokenAt());
      assertEquals(2, v.checked());
    }
  }

  @Test
  void deletingARowIsReported() throws Exception {
    try (SqliteDatabase db = fill()) {
      tamper("DELETE FROM audit_log WHERE seq = 2");
      assertEquals("entry 2 is missing", new SqliteAuditLog(db, KEY).verify().reason());
    }
  }

  @Test
  void deletingTheNewestRowsWhilePulseRunsIsReported() throws Exception {
    try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("pulse.db"))) {
      SqliteAuditLog log = new SqliteAuditLog(db, KEY);
      log.append(List.of(event(1), event(2), event(3)));
      tamper("DELETE FROM audit_log WHERE seq = 3");
      assertEquals("entries 3 to 3 are missing", log.verify().reason());
    }
  }

  @Test
  void theChainContinuesAcrossAReopenAndRetention() {
    try (SqliteDatabase db = fill()) {
      SqliteAuditLog reopened = new SqliteAuditLog(db, KEY);
      reopened.append(List.of(event(6)));
      assertEquals(3, reopened.expire(T0.plusSeconds(4 * 60)));
      AuditChain.Verification v = reopened.verify();
      assertTrue(v.ok(), String.valueOf(v));
      assertEquals(3, v.checked());
      assertEquals(List.of(6L, 4L), reopened.query(new AuditQuery(null, null, "alice", null, null, 10)).stream()
          .map(e -> e.seq()).toList());
    }
  }

  @Test
  void anotherKeyCannotVouchForTheLog() {
    try (SqliteDatabase db = fill()) {
      assertEquals(1L, new SqliteAuditLog(db, "another key, another key, another".getBytes()).verify().brokenAt());
    }
  }
}
