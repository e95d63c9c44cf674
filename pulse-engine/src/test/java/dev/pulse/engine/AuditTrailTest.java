package dev.pulse.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.domain.audit.AuditEvent;
import dev.pulse.domain.audit.AuditLog;
import dev.pulse.domain.audit.AuditQuery;
import dev.pulse.simulators.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditTrailTest {

  private final ManualClock clock = new ManualClock(Instant.parse("2026-11-29T10:00:00Z"));
  private final AuditLog log = AuditLog.inMemory("0123456789abcdef0123456789abcdef".getBytes());

  private AuditEvent event(String actor) {
    return new AuditEvent(clock.instant(), actor, "POST /api/connections", "", "::1", "success 201", "");
  }

  private int written() {
    return log.query(new AuditQuery(null, null, null, null, null, 100_000)).size();
  }

  @Test
  void inTheBackgroundEntriesWaitForTheFlushAndAQuerySeesThemAnyway() {
    AuditTrail trail = new AuditTrail(log, true, Duration.ofDays(365), clock);
    trail.record(event("alice"));
    trail.record(event("bob"));
    assertEquals(0, written(), "waiting in the queue");
    assertEquals(2, trail.query(new AuditQuery(null, null, null, null, null, 10)).size());
    assertTrue(trail.verify().ok());
  }

  @Test
  void aFullQueueIsWrittenRatherThanDropped() {
    AuditTrail trail = new AuditTrail(log, true, Duration.ofDays(365), clock);
    for (int i = 0; i < 10_001; i++) {
      trail.record(event("u" + i));
    }
    assertEquals(10_001, written(), "the 10,001st found the queue full and wrote it all");
    assertEquals(10_001, log.verify().checked());
  }

  @Test
  void synchronouslyEachEntryIsWrittenAtOnceAndOldOnesExpire() {
    AuditTrail trail = new AuditTrail(log, false, Duration.ofDays(30), clock);
    trail.record(event("alice"));
    assertEquals(1, written());
    clock.advance(Duration.ofDays(31));
    trail.record(event("bob"));
    trail.expireQuietly();
    assertEquals(1, written(), "alice's entry is past the 30 days");
    assertTrue(log.verify().ok());
  }
}
