package dev.pulse.adapters.sqlite;

import dev.pulse.domain.audit.AuditChain;
import dev.pulse.domain.audit.AuditEntry;
import dev.pulse.domain.audit.AuditEvent;
import dev.pulse.domain.audit.AuditLog;
import dev.pulse.domain.audit.AuditQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The audit log in SQLite. Appends are serialised and each batch is one transaction, so numbers
 * never skip. The newest number written is remembered from the file at open and after each append,
 * so that removing the newest entries while Pulse runs shows in {@link #verify()}.
 */
public final class SqliteAuditLog implements AuditLog {

  private final Jdbi jdbi;
  private final AuditChain chain;
  private long lastSeq;
  private String lastMac;

  public SqliteAuditLog(SqliteDatabase database, byte[] key) {
    this.jdbi = database.jdbi();
    this.chain = new AuditChain(key);
    AuditChain.Anchor anchor = anchor();
    AuditEntry newest = jdbi.withHandle(h -> h.createQuery("SELECT * FROM audit_log ORDER BY seq DESC LIMIT 1")
        .map((rs, ctx) -> entry(rs)).findOne().orElse(null));
    this.lastSeq = newest == null ? anchor.seq() : newest.seq();
    this.lastMac = newest == null ? anchor.mac() : newest.mac();
  }

  @Override
  public synchronized void append(List<AuditEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    List<AuditEntry> sealed = new ArrayList<>(events.size());
    long seq = lastSeq;
    String mac = lastMac;
    for (AuditEvent e : events) {
      seq++;
      mac = chain.seal(mac, seq, e);
      sealed.add(new AuditEntry(seq, e, mac));
    }
    jdbi.useTransaction(h -> {
      PreparedBatch batch = h.prepareBatch("""
          INSERT INTO audit_log (seq, at_ms, actor, action, target, address, outcome, detail, mac)
          VALUES (:seq, :at, :actor, :action, :target, :address, :outcome, :detail, :mac)""");
      for (AuditEntry a : sealed) {
        AuditEvent e = a.event();
        batch.bind("seq", a.seq()).bind("at", e.at().toEpochMilli()).bind("actor", e.actor()).bind("action", e.action())
            .bind("target", e.target()).bind("address", e.address()).bind("outcome", e.outcome()).bind("detail", e.detail())
            .bind("mac", a.mac()).add();
      }
      batch.execute();
    });
    lastSeq = seq; // only once written: a failed batch leaves the chain where it was
    lastMac = mac;
  }

  @Override
  public List<AuditEntry> query(AuditQuery q) {
    StringBuilder sql = new StringBuilder("SELECT * FROM audit_log WHERE 1 = 1");
    if (q.since() != null) {
      sql.append(" AND at_ms >= :since");
    }
    if (q.until() != null) {
      sql.append(" AND at_ms < :until");
    }
    if (q.actor() != null) {
      sql.append(" AND actor = :actor COLLATE NOCASE");
    }
    if (q.action() != null) {
      sql.append(" AND instr(lower(action), lower(:action)) > 0");
    }
    if (q.outcome() != null) {
      sql.append(" AND outcome LIKE :outcome || '%'");
    }
    sql.append(" ORDER BY seq DESC LIMIT :limit");
    return jdbi.withHandle(h -> h.createQuery(sql.toString())
        .bind("since", q.since() == null ? null : q.since().toEpochMilli())
        .bind("until", q.until() == null ? null : q.until().toEpochMilli())
        .bind("actor", q.actor()).bind("action", q.action()).bind("outcome", q.outcome()).bind("limit", q.limit())
        .map((rs, ctx) -> entry(rs)).list());
  }

  @Override
  public AuditChain.Verification verify() {
    long expectedLast;
    synchronized (this) {
      expectedLast = lastSeq;
    }
    return jdbi.withHandle(h -> {
      AuditChain.Anchor anchor = anchor();
      try (Stream<AuditEntry> rows = h.createQuery("SELECT * FROM audit_log WHERE seq <= :last ORDER BY seq")
          .bind("last", expectedLast).map((rs, ctx) -> entry(rs)).stream()) {
        Iterator<AuditEntry> it = rows.iterator();
        return chain.verify(anchor, it, expectedLast);
      }
    });
  }

  @Override
  public synchronized int expire(Instant before) {
    return jdbi.inTransaction(h -> {
      AuditEntry newestGone = h.createQuery("SELECT * FROM audit_log WHERE at_ms < :before ORDER BY seq DESC LIMIT 1")
          .bind("before", before.toEpochMilli()).map((rs, ctx) -> entry(rs)).findOne().orElse(null);
      if (newestGone == null) {
        return 0;
      }
      // everything up to it goes, so the kept part stays one unbroken run
      int n = h.createUpdate("DELETE FROM audit_log WHERE seq <= :seq").bind("seq", newestGone.seq()).execute();
      h.createUpdate("UPDATE audit_anchor SET seq = :seq, mac = :mac WHERE id = 1").bind("seq", newestGone.seq())
          .bind("mac", newestGone.mac()).execute();
      return n;
    });
  }

  private AuditChain.Anchor anchor() {
    return jdbi.withHandle(h -> h.createQuery("SELECT seq, mac FROM audit_anchor WHERE id = 1")
        .map((rs, ctx) -> new AuditChain.Anchor(rs.getLong("seq"), rs.getString("mac"))).one());
  }

  private static AuditEntry entry(ResultSet rs) throws SQLException {
    return new AuditEntry(rs.getLong("seq"), new AuditEvent(Instant.ofEpochMilli(rs.getLong("at_ms")), rs.getString("actor"),
        rs.getString("action"), rs.getString("target"), rs.getString("address"), rs.getString("outcome"), rs.getString("detail")),
        rs.getString("mac"));
  }
}
