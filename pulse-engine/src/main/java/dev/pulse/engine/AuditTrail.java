package dev.pulse.engine;

import dev.pulse.domain.audit.AuditChain;
import dev.pulse.domain.audit.AuditEntry;
import dev.pulse.domain.audit.AuditEvent;
import dev.pulse.domain.audit.AuditLog;
import dev.pulse.domain.audit.AuditQuery;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records what people and tokens do into the audit log. Synchronous by default: the request
 * waits for its entry. Asynchronous for high throughput: entries wait in a bounded queue that the
 * engine's timer writes every second in one transaction; a full queue is written at once by the
 * caller, so nothing is ever dropped. Entries older than the retention are removed daily.
 */
public final class AuditTrail {

  private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
  private static final int QUEUE = 10_000;

  private final AuditLog log;
  private final boolean async;
  private final Duration retention;
  private final Clock clock;
  private final BlockingQueue<AuditEvent> pending = new ArrayBlockingQueue<>(QUEUE);

  AuditTrail(AuditLog log, boolean async, Duration retention, Clock clock) {
    this.log = log;
    this.async = async;
    this.retention = retention;
    this.clock = clock;
  }

  public void record(AuditEvent event) {
    if (!async) {
      log.append(List.of(event));
      return;
    }
    if (!pending.offer(event)) {
      flush(); // full: write what waits, then this one, rather than lose either
      log.append(List.of(event));
    }
  }

  /** Writes what waits; the engine calls it every second and on close. */
  public synchronized void flush() {
    List<AuditEvent> batch = new ArrayList<>();
    pending.drainTo(batch);
    if (!batch.isEmpty()) {
      log.append(batch);
    }
  }

  /** Newest first; what waits in the queue is written first, so that a query sees it. */
  public List<AuditEntry> query(AuditQuery query) {
    flush();
    return log.query(query);
  }

  public AuditChain.Verification verify() {
    flush();
    return log.verify();
  }

  public Duration retention() {
    return retention;
  }

  void flushQuietly() {
    try {
      flush();
    } catch (RuntimeException e) {
      LOG.error("could not write {} audit entries; they wait for the next try", pending.size(), e);
    }
  }

  void expireQuietly() {
    try {
      int n = log.expire(clock.instant().minus(retention));
      if (n > 0) {
        LOG.info("removed {} audit entries older than {} days", n, retention.toDays());
      }
    } catch (RuntimeException e) {
      LOG.error("could not remove old audit entries", e);
    }
  }
}
