package dev.pulse.adapters.sqlite;

import dev.pulse.domain.alert.Alert;
import dev.pulse.domain.alert.AlertBook;
import dev.pulse.domain.alert.AlertCategory;
import dev.pulse.domain.alert.AlertHistoryEntry;
import dev.pulse.domain.alert.AlertLevel;
import dev.pulse.domain.alert.AlertStore;
import dev.pulse.domain.resource.ResourceType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Alerts in SQLite: the alerts in progress and the cleared ones, replaced in one transaction with
 * the history lines of the same change, so that what was told and what is active never disagree
 * after a crash. History is kept 90 days.
 */
public final class SqliteAlertStore implements AlertStore {

  private static final Duration HISTORY = Duration.ofDays(90);

  private final Jdbi jdbi;

  public SqliteAlertStore(SqliteDatabase database) {
    this.jdbi = database.jdbi();
  }

  @Override
  public AlertBook load() {
    return jdbi.withHandle(h -> {
      Map<String, Alert> alerts = new LinkedHashMap<>();
      h.createQuery("SELECT * FROM alert_active ORDER BY since_ms").map((rs, ctx) -> alert(rs)).forEach(a -> alerts.put(a.id(), a));
      Set<String> cleared = new HashSet<>(h.createQuery("SELECT id FROM alert_cleared").mapTo(String.class).list());
      return new AlertBook(alerts, Map.of(), Map.of(), cleared);
    });
  }

  @Override
  public void save(AlertBook book, List<AlertHistoryEntry> entries) {
    jdbi.useTransaction(h -> {
      h.execute("DELETE FROM alert_active");
      if (!book.alerts().isEmpty()) {
        PreparedBatch batch = h.prepareBatch("""
            INSERT INTO alert_active (id, rule_id, resource_id, resource_name, resource_type, parent_id, category, level, phase,
              message, value, threshold, since_ms, fired_at_ms, clear_streak, ack_by, ack_at_ms, flapping, send)
            VALUES (:id, :rule, :resource, :name, :type, :parent, :category, :level, :phase, :message, :value, :threshold,
              :since, :fired, :streak, :ackBy, :ackAt, :flapping, :send)""");
        for (Alert a : book.alerts().values()) {
          batch.bind("id", a.id()).bind("rule", a.ruleId()).bind("resource", a.resourceId()).bind("name", a.resourceName())
              .bind("type", a.resourceType().wireName()).bind("parent", a.parentId()).bind("category", a.category().name())
              .bind("level", a.level().name()).bind("phase", a.phase().name()).bind("message", a.message())
              .bind("value", a.value()).bind("threshold", a.threshold()).bind("since", a.since().toEpochMilli())
              .bind("fired", a.firedAt() == null ? null : a.firedAt().toEpochMilli()).bind("streak", a.clearStreak())
              .bind("ackBy", a.acknowledgement() == null ? null : a.acknowledgement().by())
              .bind("ackAt", a.acknowledgement() == null ? null : a.acknowledgement().at().toEpochMilli())
              .bind("flapping", a.flapping() ? 1 : 0).bind("send", a.sendNotifications() ? 1 : 0).add();
        }
        batch.execute();
      }
      h.execute("DELETE FROM alert_cleared");
      for (String id : book.cleared()) {
        h.createUpdate("INSERT INTO alert_cleared (id) VALUES (:id)").bind("id", id).execute();
      }
      if (!entries.isEmpty()) {
        PreparedBatch batch = h.prepareBatch("""
            INSERT INTO alert_history (at_ms, type, alert_id, rule_id, resource_id, resource_name, level, message, value, actor)
            VALUES (:at, :type, :alert, :rule, :resource, :name, :level, :message, :value, :actor)""");
        for (AlertHistoryEntry e : entries) {
          batch.bind("at", e.at().toEpochMilli()).bind("type", e.type()).bind("alert", e.alertId()).bind("rule", e.ruleId())
              .bind("resource", e.resourceId()).bind("name", e.resourceName()).bind("level", e.level().name())
              .bind("message", e.message()).bind("value", e.value()).bind("actor", e.actor()).add();
        }
        batch.execute();
        h.createUpdate("DELETE FROM alert_history WHERE at_ms < :cutoff")
            .bind("cutoff", entries.get(0).at().minus(HISTORY).toEpochMilli()).execute();
      }
    });
  }

  @Override
  public List<AlertHistoryEntry> history(Instant from, int limit) {
    return jdbi.withHandle(h -> h.createQuery("SELECT * FROM alert_history WHERE at_ms >= :from ORDER BY seq DESC LIMIT :limit")
        .bind("from", from.toEpochMilli()).bind("limit", limit)
        .map((rs, ctx) -> new AlertHistoryEntry(Instant.ofEpochMilli(rs.getLong("at_ms")), rs.getString("type"),
            rs.getString("alert_id"), rs.getString("rule_id"), rs.getString("resource_id"), rs.getString("resource_name"),
            AlertLevel.valueOf(rs.getString("level")), rs.getString("message"), number(rs, "value"), rs.getString("actor")))
        .list());
  }

  private static Alert alert(ResultSet rs) throws SQLException {
    String ackBy = rs.getString("ack_by");
    return new Alert(rs.getString("id"), rs.getString("rule_id"), rs.getString("resource_id"), rs.getString("resource_name"),
        ResourceType.fromWireName(rs.getString("resource_type")).orElse(ResourceType.AGENT), rs.getString("parent_id"),
        AlertCategory.valueOf(rs.getString("category")), AlertLevel.valueOf(rs.getString("level")),
        Alert.Phase.valueOf(rs.getString("phase")), rs.getString("message"), number(rs, "value"), number(rs, "threshold"),
        Instant.ofEpochMilli(rs.getLong("since_ms")), instant(rs, "fired_at_ms"), rs.getInt("clear_streak"),
        ackBy == null ? null : new Alert.Acknowledgement(ackBy, instant(rs, "ack_at_ms")), rs.getInt("flapping") == 1,
        rs.getInt("send") == 1);
  }

  private static Double number(ResultSet rs, String column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? null : v;
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(v);
  }
}
