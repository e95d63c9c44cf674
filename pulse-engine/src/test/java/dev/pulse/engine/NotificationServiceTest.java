package dev.pulse.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pulse.domain.alert.Alert;
import dev.pulse.domain.alert.AlertEvent;
import dev.pulse.domain.notify.Channel;
import dev.pulse.domain.notify.ChannelSender;
import dev.pulse.domain.notify.ChannelStore;
import dev.pulse.domain.notify.ChannelType;
import dev.pulse.domain.notify.Notification;
import dev.pulse.domain.notify.NotificationQueue;
import dev.pulse.domain.notify.QueuedNotification;
import dev.pulse.simulators.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotificationServiceTest {

  private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

  /** A receiver that refuses the first {@code failures} deliveries, then takes them. */
  private static final class FlakyReceiver implements ChannelSender {
    int failures;
    boolean permanent;
    final List<String> received = new ArrayList<>();

    @Override
    public boolean supports(ChannelType type) {
      return true;
    }

    @Override
    public void send(Channel channel, Notification n) throws DeliveryFailed {
      if (failures > 0) {
        failures--;
        throw new DeliveryFailed("HTTP 503", permanent);
      }
      received.add(n.alertId() + " " + n.event());
    }
  }

  private final ManualClock clock = new ManualClock(T0);
  private final FlakyReceiver receiver = new FlakyReceiver();
  private final NotificationQueue queue = NotificationQueue.inMemory();
  private final NotificationService service = new NotificationService(ChannelStore.inMemory(), queue, List.of(receiver), clock);

  private static AlertEvent event(String resource, AlertEvent.Type type, boolean send) {
    return Fixtures.alertEvent(resource, type, send, T0);
  }

  private void runFor(Duration d) {
    Instant end = clock.instant().plus(d);
    while (!clock.instant().isAfter(end)) {
      service.deliverDue();
      clock.advance(Duration.ofSeconds(1));
    }
  }

  @Test
  void aReceiverThatFailsFiveTimesThenRecoversGetsEachNotificationOnceAndInOrder() {
    service.save(new Channel("c1", "ops", ChannelType.WEBHOOK, true, Map.of(), Map.of(), true, null, 0, 0));
    receiver.failures = 5;
    service.onAlert(event("a", AlertEvent.Type.FIRED, true));
    service.onAlert(event("b", AlertEvent.Type.FIRED, true));
    service.onAlert(event("a", AlertEvent.Type.RESOLVED, true));

    runFor(Duration.ofMinutes(3)); // 1+2+4+8+16 s of backoff, then all three

    assertEquals(List.of("cpu@a fired", "cpu@b fired", "cpu@a resolved"), receiver.received);
    assertEquals(3, queue.list(QueuedNotification.SENT, 10).size());
    assertEquals(6, queue.list(QueuedNotification.SENT, 10).get(2).attempts(), "the first took six attempts");
  }

  @Test
  void afterEightFailuresOrOneThatCannotSucceedItGoesToTheDeadLetters() {
    service.save(new Channel("c1", "ops", ChannelType.WEBHOOK, true, Map.of(), Map.of(), true, null, 0, 0));
    receiver.failures = 100;
    service.onAlert(event("a", AlertEvent.Type.FIRED, true));
    runFor(Duration.ofMinutes(10));
    assertEquals(1, queue.list(QueuedNotification.DEAD, 10).size());
    assertEquals(NotificationService.MAX_ATTEMPTS, queue.list(QueuedNotification.DEAD, 10).get(0).attempts());

    receiver.failures = 1;
    receiver.permanent = true;
    service.onAlert(event("b", AlertEvent.Type.FIRED, true));
    service.deliverDue();
    assertEquals(2, queue.list(QueuedNotification.DEAD, 10).size(), "a 400 is not retried");
  }

  @Test
  void onlyChangesMeantToBeToldAreQueuedAndOnlyForEnabledChannels() {
    service.save(new Channel("on", "ops", ChannelType.WEBHOOK, true, Map.of(), Map.of(), true, null, 0, 0));
    service.save(new Channel("off", "old", ChannelType.WEBHOOK, false, Map.of(), Map.of(), true, null, 0, 0));
    service.onAlert(event("a", AlertEvent.Type.FIRED, false)); // flapping or monitor-only
    service.onAlert(event("a", AlertEvent.Type.ACKNOWLEDGED, true));
    service.onAlert(event("a", AlertEvent.Type.ESCALATED, true));
    service.deliverDue();
    assertEquals(List.of("cpu@a escalated"), receiver.received);
    assertEquals(1, queue.list(null, 10).size());
  }

  @Test
  void anUnacknowledgedAlertEscalatesToTheNextChannelsOnceAfterItsTime() {
    service.save(new Channel("pager", "pager", ChannelType.PAGERDUTY, true, Map.of(), Map.of(), true, null, 0, 0));
    Alert firing = event("a", AlertEvent.Type.FIRED, true).alert();
    List<dev.pulse.domain.alert.AlertConfig.Escalation> steps = List.of(
        new dev.pulse.domain.alert.AlertConfig.Escalation(Duration.ofMinutes(15), List.of("pager")));

    clock.advance(Duration.ofMinutes(14));
    service.escalate(List.of(firing), steps);
    assertEquals(0, queue.list(null, 10).size(), "not yet");
    clock.advance(Duration.ofMinutes(1));
    service.escalate(List.of(firing), steps);
    service.escalate(List.of(firing), steps);
    service.escalate(List.of(firing.withAcknowledgement(new Alert.Acknowledgement("bob", clock.instant()))), steps);
    service.deliverDue();

    assertEquals(List.of("cpu@a escalated"), receiver.received, "once, however often it is checked");
    assertEquals("CPU 91 % ≥ 80 % (unacknowledged for 15 min)", queue.list(null, 10).get(0).notification().message());
  }

  @Test
  void backoffDoublesFromOneSecondToAMinute() {
    assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L), List.of(1, 2, 3, 4, 5, 6, 7, 8).stream()
        .map(a -> NotificationService.backoff(a).toSeconds()).toList());
  }
}
