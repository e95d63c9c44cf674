package dev.pulse.domain.audit;

import java.time.Instant;
import java.util.List;

/** The tamper-evident audit log: events appended in order, each sealed over the one before. */
public interface AuditLog {

  /** Appends, numbering and sealing each event after the newest entry. */
  void append(List<AuditEvent> events);

  /** Entries matching the query, newest first. */
  List<AuditEntry> query(AuditQuery query);

  /** Checks every kept entry's number and seal, from where retention left the chain. */
  AuditChain.Verification verify();

  /** Removes the entries older than {@code before}; the chain then starts after the newest one removed. */
  int expire(Instant before);

  /** A log in memory only: for embedding, demo mode and tests. */
  static AuditLog inMemory(byte[] key) {
    return new InMemoryAuditLog(new AuditChain(key));
  }

  /** A log that keeps nothing: for an embedding tool that switched the audit trail off. */
  static AuditLog discarding() {
    return new AuditLog() {
      @Override
      public void append(List<AuditEvent> events) {}

      @Override
      public List<AuditEntry> query(AuditQuery query) {
        return List.of();
      }

      @Override
      public AuditChain.Verification verify() {
        return new AuditChain.Verification(true, 0, null, null);
      }

      @Override
      public int expire(Instant before) {
        return 0;
      }
    };
  }

  /** A log in memory only, sealed with a random key that lives as long as it does. */
  static AuditLog inMemory() {
    byte[] key = new byte[32];
    new java.security.SecureRandom().nextBytes(key);
    return inMemory(key);
  }
}
