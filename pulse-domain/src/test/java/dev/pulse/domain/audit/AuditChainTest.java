package dev.pulse.domain.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditChainTest {

  private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();
  private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

  private final AuditLog log = AuditLog.inMemory(KEY);
  private final AuditChain chain = new AuditChain(KEY);

  private static AuditEvent event(int i) {
    return new AuditEvent(T0.plusSeconds(i), "alice", "POST /api/connections", "c" + i, "10.0.0.5", "success 201", "");
  }

  private List<AuditEntry> written(int n) {
    for (int i = 1; i <= n; i++) {
      log.append(List.of(event(i)));
    }
    List<AuditEntry> oldestFirst = new ArrayList<>(log.query(new AuditQuery(null, null, null, null, null, 1000)));
    java.util.Collections.reverse(oldestFirst);
    return oldestFirst;
  }

  @Test
  void anUntouchedLogVerifies() {
    written(5);
    AuditChain.Verification v = log.verify();
    assertTrue(v.ok());
    assertEquals(5, v.checked());
  }

  @Test
  void changingAnyFieldOfAnEntryIsFoundAtThatEntry() {
    List<AuditEntry> entries = new ArrayList<>(written(4));
    AuditEntry third = entries.get(2);
    AuditEvent e = third.event();
    entries.set(2, new AuditEntry(third.seq(), new AuditEvent(e.at(), "mallory", e.action(), e.target(), e.address(), e.outcome(),
        e.detail()), third.mac()));
    AuditChain.Verification v = chain.verify(AuditChain.Anchor.GENESIS, entries.iterator(), 4L);
    assertFalse(v.ok());
    assertEquals(3L, v.brokenAt());
    assertEquals("entry 3 was changed", v.reason());
  }

  @Test
  void removingAnEntryIsFoundWhereItWas() {
    List<AuditEntry> entries = new ArrayList<>(written(4));
    entries.remove(1);
    AuditChain.Verification v = chain.verify(AuditChain.Anchor.GENESIS, entries.iterator(), 4L);
    assertEquals(2L, v.brokenAt());
    assertEquals("entry 2 is missing", v.reason());
  }

  @Test
  void removingTheNewestEntriesIsFoundAgainstTheLastNumberWritten() {
    List<AuditEntry> entries = new ArrayList<>(written(4));
    AuditChain.Verification v = chain.verify(AuditChain.Anchor.GENESIS, entries.subList(0, 2).iterator(), 4L);
    assertEquals("entries 3 to 4 are missing", v.reason());
  }

  @Test
  void renumberingAndResealingWithoutTheKeyFails() {
    List<AuditEntry> entries = new ArrayList<>(written(3));
    AuditChain forger = new AuditChain("another key, another key, another".getBytes());
    AuditEntry fake = new AuditEntry(2, event(99), forger.seal(entries.get(0).mac(), 2, event(99)));
    entries.set(1, fake);
    assertEquals(2L, chain.verify(AuditChain.Anchor.GENESIS, entries.iterator(), 3L).brokenAt());
  }

  @Test
  void retentionMovesTheAnchorAndTheRestStillVerifies() {
    written(5);
    assertEquals(2, log.expire(T0.plusSeconds(3)));
    AuditChain.Verification v = log.verify();
    assertTrue(v.ok(), String.valueOf(v));
    assertEquals(3, v.checked());
  }

  @Test
  void fieldsAreLengthPrefixedSoShiftingTextBetweenThemChangesTheSeal() {
    AuditEvent a = new AuditEvent(T0, "ab", "c", "", "", "success", "");
    AuditEvent b = new AuditEvent(T0, "a", "bc", "", "", "success", "");
    assertNotEquals(chain.seal("", 1, a), chain.seal("", 1, b));
  }
}
