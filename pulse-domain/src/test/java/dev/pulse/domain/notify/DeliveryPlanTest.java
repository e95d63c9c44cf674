package dev.pulse.domain.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.domain.alert.AlertCategory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** Quiet hours and the hourly limit with digests, under a fixed clock. */
class DeliveryPlanTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  /** 22:00–08:00 in Berlin, for performance and storage alerts; critical ones get through. */
  private static final QuietHours NIGHT = new QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 0), BERLIN,
      Set.of(AlertCategory.PERFORMANCE, AlertCategory.STORAGE), false);

  private static QueuedNotification queued(long id, String level, String category, Instant at) {
    Notification n = new Notification("n" + id, "fired", "a" + id, "cpu", "r" + id, "web" + id, level, "CPU high", 90.0, 80.0, at,
        at, category);
    return new QueuedNotification(id, "c1", n, QueuedNotification.PENDING, 0, at, null, null);
  }

  private static Instant berlin(String dateTime) {
    return java.time.LocalDateTime.parse(dateTime).atZone(BERLIN).toInstant();
  }

  @Test
  void quietHoursAcrossMidnightHoldPerformanceAlertsInTheirTimeZone() {
    assertTrue(NIGHT.holds(berlin("2026-11-28T23:30"), AlertCategory.PERFORMANCE, "warning"));
    assertTrue(NIGHT.holds(berlin("2026-11-29T07:59"), AlertCategory.STORAGE, "warning"));
    assertFalse(NIGHT.holds(berlin("2026-11-29T08:00"), AlertCategory.PERFORMANCE, "warning"), "the end is not quiet");
    assertFalse(NIGHT.holds(berlin("2026-11-28T21:59"), AlertCategory.PERFORMANCE, "warning"));
    assertFalse(NIGHT.holds(berlin("2026-11-28T23:30"), AlertCategory.AVAILABILITY, "warning"), "offline still wakes people");
    assertFalse(NIGHT.holds(berlin("2026-11-28T23:30"), AlertCategory.PERFORMANCE, "critical"), "critical gets through");
    assertEquals(berlin("2026-11-29T08:00"), NIGHT.endAfter(berlin("2026-11-28T23:30")));
    assertEquals(berlin("2026-11-29T08:00"), NIGHT.endAfter(berlin("2026-11-29T02:00")));
  }

  @Test
  void aHeldNotificationIsSentWhenTheQuietHoursEndNotDropped() {
    Instant night = berlin("2026-11-28T23:30");
    List<QueuedNotification> pending = List.of(queued(1, "warning", "performance", night));
    assertTrue(DeliveryPlan.decide(pending, List.of(), null, 0, NIGHT, 0, night).nothing());
    assertEquals(1, DeliveryPlan.decide(pending, List.of(), null, 0, NIGHT, 0, berlin("2026-11-29T08:00")).one().id());
  }

  @Test
  void aHeldNotificationDoesNotHoldUpACriticalOneBehindIt() {
    Instant night = berlin("2026-11-28T23:30");
    List<QueuedNotification> pending = List.of(queued(1, "warning", "performance", night), queued(2, "critical", "performance", night));
    assertEquals(2, DeliveryPlan.decide(pending, List.of(), null, 0, NIGHT, 0, night).one().id());
  }

  @Test
  void pastTheHourlyLimitEverythingWaitingGoesOutAsOneDigestEveryFifteenMinutes() {
    Instant now = Instant.parse("2026-11-28T10:00:00Z");
    List<Instant> tenSent = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      tenSent.add(now.minusSeconds(60L * i));
    }
    List<QueuedNotification> pending = List.of(queued(1, "warning", "performance", now), queued(2, "critical", "storage", now));

    DeliveryPlan.Decision d = DeliveryPlan.decide(pending, tenSent, null, 10, null, 0, now);
    assertNull(d.one());
    assertEquals(2, d.digest().size());
    Notification digest = DeliveryPlan.digestOf(d.digest(), "c1", now);
    assertEquals("[DIGEST] 2 alert changes", digest.subject());
    assertEquals("critical", digest.level());
    assertTrue(digest.message().contains("[CRITICAL] web2: CPU high"));
    assertTrue(DeliveryPlan.decide(pending, tenSent, now, 10, null, 0, now.plus(Duration.ofMinutes(14))).nothing());
    assertEquals(2, DeliveryPlan.decide(pending, tenSent, now, 10, null, 0, now.plus(Duration.ofMinutes(15))).digest().size());
  }

  @Test
  void alertsFiringWithinTheGroupingWindowGoOutAsOneMessage() {
    Instant t = Instant.parse("2026-11-28T10:00:00Z");
    List<QueuedNotification> pending = List.of(queued(1, "warning", "performance", t), queued(2, "warning", "storage", t.plusSeconds(20)),
        queued(3, "warning", "storage", t.plusSeconds(45)));
    assertTrue(DeliveryPlan.decide(pending, List.of(), null, 0, null, 30, t.plusSeconds(29)).nothing(), "the window is open");
    DeliveryPlan.Decision d = DeliveryPlan.decide(pending, List.of(), null, 0, null, 30, t.plusSeconds(30));
    assertTrue(d.grouped());
    assertEquals(List.of(1L, 2L), d.digest().stream().map(QueuedNotification::id).toList(), "the third came after the window");
    assertEquals(3, DeliveryPlan.decide(pending.subList(2, 3), List.of(), null, 0, null, 30, t.plusSeconds(75)).one().id(), "alone");
  }

  /**
   * A storm of random size and pace through a channel limited to 10 an hour: every notification is
   * delivered exactly once (alone or in a digest), and no hour holds more than 10 messages plus a
   * digest per quarter.
   */
  @RepeatedTest(100)
  void inAStormEveryNotificationArrivesOnceAndAnHourHoldsAtMostTheLimitPlusFourDigests(RepetitionInfo info) {
    Random random = new Random(info.getCurrentRepetition());
    Instant t = Instant.parse("2026-11-28T10:00:00Z");
    List<QueuedNotification> pending = new ArrayList<>();
    List<Instant> sends = new ArrayList<>();
    Set<Long> delivered = new HashSet<>();
    Instant lastDigest = null;
    long next = 1;
    int total = 20 + random.nextInt(200);
    for (int second = 0; second < 4 * 3600; second += 10) {
      Instant now = t.plusSeconds(second);
      while (next <= total && random.nextInt(4) == 0) {
        pending.add(queued(next++, random.nextBoolean() ? "warning" : "critical", "performance", now));
      }
      List<Instant> lastHour = sends.stream().filter(s -> s.isAfter(now.minus(Duration.ofHours(1)))).toList();
      DeliveryPlan.Decision d = DeliveryPlan.decide(pending, lastHour, lastDigest, 10, null, 0, now);
      if (d.one() != null) {
        assertTrue(delivered.add(d.one().id()), "delivered twice: " + d.one().id());
        pending.remove(d.one());
        sends.add(now);
      } else if (!d.digest().isEmpty()) {
        for (QueuedNotification q : d.digest()) {
          assertTrue(delivered.add(q.id()), "delivered twice: " + q.id());
        }
        pending.removeAll(d.digest());
        sends.add(now);
        lastDigest = now;
      }
      long inWindow = sends.stream().filter(s -> s.isAfter(now.minus(Duration.ofHours(1)))).count();
      assertTrue(inWindow <= 10 + 4, "messages in the last hour: " + inWindow);
    }
    assertEquals(next - 1, delivered.size(), "every notification arrived");
    assertTrue(pending.isEmpty());
  }
}
