package dev.pulse.adapters.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pulse.domain.notify.Notification;
import dev.pulse.domain.notify.QueuedNotification;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The notification queue survives a reopen: sent stays sent, pending is still pending, repeats are ignored. */
class SqliteNotificationQueueIT {

  private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

  @TempDir Path dir;

  private static Notification notification(String event) {
    return new Notification("cpu@web:" + event + ":1", event, "cpu@web", "cpu", "lab:qemu-100", "web01", "warning",
        "CPU 91 % ≥ 80 %", 91.0, 80.0, T0, null, "performance");
  }

  @Test
  void whatWasSentStaysSentAndWhatWaitedIsStillWaitingAfterAReopen() {
    try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("pulse.db"))) {
      SqliteNotificationQueue q = new SqliteNotificationQueue(db);
      q.enqueue(notification("fired"), List.of("mail", "chat"), T0);
      q.enqueue(notification("fired"), List.of("mail"), T0); // the same change again: ignored
      q.enqueue(notification("resolved"), List.of("mail"), T0);
      List<QueuedNotification> pending = q.pending(10);
      assertEquals(3, pending.size());
      q.markSent(pending.get(0).id(), T0.plusSeconds(1));
      q.markFailed(pending.get(1).id(), "HTTP 503", T0.plusSeconds(2), false);
    }
    try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("pulse.db"))) {
      SqliteNotificationQueue q = new SqliteNotificationQueue(db);
      List<QueuedNotification> pending = q.pending(10);

      assertEquals(List.of("chat fired", "mail resolved"), pending.stream().map(p -> p.channelId() + " " + p.notification().event()).toList());
      assertEquals("HTTP 503", pending.get(0).lastError());
      assertEquals(1, pending.get(0).attempts());
      assertEquals(T0.plusSeconds(2), pending.get(0).nextAttempt());
      QueuedNotification sent = q.list(QueuedNotification.SENT, 10).get(0);
      assertEquals("mail", sent.channelId());
      assertEquals(91.0, sent.notification().value());
    }
  }
}
