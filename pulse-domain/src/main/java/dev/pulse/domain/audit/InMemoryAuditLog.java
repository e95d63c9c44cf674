package dev.pulse.domain.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The audit log in memory: same chain, nothing kept across restarts. */
final class InMemoryAuditLog implements AuditLog {

  private final AuditChain chain;
  private final List<AuditEntry> entries = new ArrayList<>();
  private AuditChain.Anchor anchor = AuditChain.Anchor.GENESIS;
  private long lastSeq;

  InMemoryAuditLog(AuditChain chain) {
    this.chain = chain;
  }

  @Override
  public synchronized void append(List<AuditEvent> events) {
    for (AuditEvent e : events) {
      String previous = entries.isEmpty() ? anchor.mac() : entries.get(entries.size() - 1).mac();
      lastSeq++;
      entries.add(new AuditEntry(lastSeq, e, chain.seal(previous, lastSeq, e)));
    }
  }

  @Override
  public synchronized List<AuditEntry> query(AuditQuery q) {
    List<AuditEntry> out = new ArrayList<>();
    for (int i = entries.size() - 1; i >= 0 && out.size() < q.limit(); i--) {
      if (q.matches(entries.get(i).event())) {
        out.add(entries.get(i));
      }
    }
    return out;
  }

  @Override
  public synchronized AuditChain.Verification verify() {
    return chain.verify(anchor, List.copyOf(entries).iterator(), lastSeq);
  }

  @Override
  public synchronized int expire(Instant before) {
    int n = 0;
    while (!entries.isEmpty() && entries.get(0).event().at().isBefore(before)) {
      AuditEntry gone = entries.remove(0);
      anchor = new AuditChain.Anchor(gone.seq(), gone.mac());
      n++;
    }
    return n;
  }
}
