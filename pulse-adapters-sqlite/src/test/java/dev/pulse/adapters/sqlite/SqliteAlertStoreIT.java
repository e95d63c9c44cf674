package dev.pulse.adapters.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pulse.domain.alert.Alert;
import dev.pulse.domain.alert.AlertBook;
import dev.pulse.domain.alert.AlertCategory;
import dev.pulse.domain.alert.AlertEvent;
import dev.pulse.domain.alert.AlertHistoryEntry;
import dev.pulse.domain.alert.AlertLevel;
import dev.pulse.domain.resource.ResourceType;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alerts survive closing and reopening the database file, exactly. */
class SqliteAlertStoreIT {

  private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

  @TempDir Path dir;

  @Test
  void theActiveAlertsClearedIdsAndHistoryComeBackAfterAReopen() {
    Alert alert = new Alert("cpu@lab:qemu-100", "cpu", "lab:qemu-100", "web01", ResourceType.VM, "lab:node-pve1",
        AlertCategory.PERFORMANCE, AlertLevel.CRITICAL, Alert.Phase.FIRING, "CPU 96 % ≥ 95 %", 96.0, 95.0, T0,
        T0.plusSeconds(300), 0, new Alert.Acknowledgement("alice", T0.plusSeconds(400)), false, true);
    AlertBook book = new AlertBook(Map.of(alert.id(), alert), Map.of(), Map.of(), Set.of("disk-health@lab:disk-sda"));
    try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("pulse.db"))) {
      new SqliteAlertStore(db).save(book, List.of(AlertHistoryEntry.of(new AlertEvent(AlertEvent.Type.FIRED, alert,
          T0.plusSeconds(300), true)), AlertHistoryEntry.byHand(T0.plusSeconds(400), "acknowledged", alert, "alice")));
    }
    try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("pulse.db"))) {
      SqliteAlertStore store = new SqliteAlertStore(db);
      AlertBook loaded = store.load();

      assertEquals(Map.of(alert.id(), alert), loaded.alerts());
      assertEquals(Set.of("disk-health@lab:disk-sda"), loaded.cleared());
      List<AlertHistoryEntry> history = store.history(T0, 10);
      assertEquals(List.of("acknowledged", "fired"), history.stream().map(AlertHistoryEntry::type).toList());
      assertEquals("alice", history.get(0).actor());
      assertEquals(96.0, history.get(1).value());
    }
  }
}
