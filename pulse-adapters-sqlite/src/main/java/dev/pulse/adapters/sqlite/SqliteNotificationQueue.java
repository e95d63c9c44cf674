package dev.pulse.adapters.sqlite;

import dev.pulse.domain.notify.Notification;
import dev.pulse.domain.notify.NotificationQueue;
import dev.pulse.domain.notify.QueuedNotification;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The notification queue in SQLite. A notification is queued once per channel (a repeat of the same
 * change is ignored); sent entries are kept 7 days and dead ones 30, for the API to show.
 */
public final class SqliteNotificationQueue implements NotificationQueue {

  private static final Duration KEEP_SENT = Duration.ofDays(7);
  private static final Duration KEEP_DEAD = Duration.ofDays(30);

  private final Jdbi jdbi;

  public SqliteNotificationQueue(SqliteDatabase database) {
    this.jdbi = database.jdbi();
  }

  @Override
  public void enqueue(Notification n, List<String> channelIds, Instant now) {
    jdbi.useTransaction(h -> {
      PreparedBatch batch = h.prepareBatch("""
          INSERT INTO notification_queue (channel_id, notification_id, event, alert_id, rule_id, resource_id, resource_name,
            level, category, message, value, threshold, at_ms, since_ms, state, attempts, next_attempt_ms)
          VALUES (:channel, :nid, :event, :alert, :rule, :resource, :name, :level, :category, :message, :value, :threshold, :at, :since,
            'pending', 0, :now)
          ON CONFLICT (channel_id, notification_id) DO NOTHING""");
      for (String channel : channelIds) {
        batch.bind("channel", channel).bind("nid", n.id()).bind("event", n.event()).bind("alert", n.alertId())
            .bind("rule", n.ruleId()).bind("resource", n.resourceId()).bind("name", n.resourceName()).bind("level", n.level())
            .bind("category", n.category()).bind("message", n.message()).bind("value", n.value()).bind("threshold", n.threshold())
            .bind("at", n.at().toEpochMilli()).bind("since", n.since() == null ? null : n.since().toEpochMilli())
            .bind("now", now.toEpochMilli()).add();
      }
      batch.execute();
      h.createUpdate("DELETE FROM notification_queue WHERE (state = 'sent' AND sent_at_ms < :sent) OR "
              + "(state = 'dead' AND next_attempt_ms < :dead)")
          .bind("sent", now.minus(KEEP_SENT).toEpochMilli()).bind("dead", now.minus(KEEP_DEAD).toEpochMilli()).execute();
    });
  }

  @Override
  public List<QueuedNotification> pending(int limit) {
    return jdbi.withHandle(h -> h.createQuery("SELECT * FROM notification_queue WHERE state = 'pending' ORDER BY id LIMIT :limit")
        .bind("limit", limit).map((rs, ctx) -> row(rs)).list());
  }

  @Override
  public void markSent(long id, Instant at) {
    jdbi.useHandle(h -> h.createUpdate("UPDATE notification_queue SET state = 'sent', sent_at_ms = :at, attempts = attempts + 1, "
        + "last_error = NULL WHERE id = :id").bind("at", at.toEpochMilli()).bind("id", id).execute());
  }

  @Override
  public void markFailed(long id, String error, Instant nextAttempt, boolean dead) {
    jdbi.useHandle(h -> h.createUpdate("UPDATE notification_queue SET state = :state, attempts = attempts + 1, "
            + "last_error = :error, next_attempt_ms = :next WHERE id = :id")
        .bind("state", dead ? QueuedNotification.DEAD : QueuedNotification.PENDING).bind("error", error)
        .bind("next", nextAttempt.toEpochMilli()).bind("id", id).execute());
  }

  @Override
  public List<Instant> sentSince(String channelId, Instant since) {
    return jdbi.withHandle(h -> h.createQuery("SELECT sent_at_ms FROM notification_queue WHERE channel_id = :c AND state = 'sent' "
            + "AND sent_at_ms >= :since ORDER BY sent_at_ms").bind("c", channelId).bind("since", since.toEpochMilli())
        .mapTo(Long.class).list().stream().map(Instant::ofEpochMilli).distinct().toList());
  }

  @Override
  public List<QueuedNotification> list(String state, int limit) {
    return jdbi.withHandle(h -> h.createQuery("SELECT * FROM notification_queue WHERE (:state IS NULL OR state = :state) "
            + "ORDER BY id DESC LIMIT :limit")
        .bind("state", state).bind("limit", limit).map((rs, ctx) -> row(rs)).list());
  }

  private static QueuedNotification row(ResultSet rs) throws SQLException {
    long since = rs.getLong("since_ms");
    Instant sinceAt = rs.wasNull() ? null : Instant.ofEpochMilli(since);
    double value = rs.getDouble("value");
    Double v = rs.wasNull() ? null : value;
    double threshold = rs.getDouble("threshold");
    Double t = rs.wasNull() ? null : threshold;
    long sent = rs.getLong("sent_at_ms");
    Instant sentAt = rs.wasNull() ? null : Instant.ofEpochMilli(sent);
    Notification n = new Notification(rs.getString("notification_id"), rs.getString("event"), rs.getString("alert_id"),
        rs.getString("rule_id"), rs.getString("resource_id"), rs.getString("resource_name"), rs.getString("level"),
        rs.getString("message"), v, t, Instant.ofEpochMilli(rs.getLong("at_ms")), sinceAt, rs.getString("category"));
    return new QueuedNotification(rs.getLong("id"), rs.getString("channel_id"), n, rs.getString("state"), rs.getInt("attempts"),
        Instant.ofEpochMilli(rs.getLong("next_attempt_ms")), sentAt, rs.getString("last_error"));
  }
}
