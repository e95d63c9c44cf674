package dev.pulse.engine;

import dev.pulse.domain.alert.Alert;
import dev.pulse.domain.alert.AlertConfig;
import dev.pulse.domain.alert.AlertEvent;
import dev.pulse.domain.notify.Channel;
import dev.pulse.domain.notify.ChannelSender;
import dev.pulse.domain.notify.ChannelStore;
import dev.pulse.domain.notify.DeliveryPlan;
import dev.pulse.domain.notify.Notification;
import dev.pulse.domain.notify.NotificationQueue;
import dev.pulse.domain.notify.QueuedNotification;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns alert changes worth telling (fired, escalated, resolved; not while flapping, not for
 * monitor-only resources) into queued notifications, one per enabled channel, and delivers them:
 * in order per channel, holding them through the channel's quiet hours, folding them into a digest
 * past its hourly limit, retrying after 1 s doubling to 60 s, and after 8 failed attempts (or one
 * that cannot succeed, such as a 400) moving them to the dead-letter list. The queue is durable, so
 * a restart delivers what was waiting and repeats nothing that was sent. Thread-safe.
 */
public final class NotificationService {

  static final int MAX_ATTEMPTS = 8;
  private static final Logger LOG = LoggerFactory.getLogger(NotificationService.class);
  private static final Set<AlertEvent.Type> TOLD = Set.of(AlertEvent.Type.FIRED, AlertEvent.Type.ESCALATED, AlertEvent.Type.RESOLVED);

  private final ChannelStore store;
  private final NotificationQueue queue;
  private final List<ChannelSender> senders;
  private final Clock clock;
  private List<Channel> channels;
  private final Map<String, Instant> lastDigest = new java.util.concurrent.ConcurrentHashMap<>();

  NotificationService(ChannelStore store, NotificationQueue queue, List<ChannelSender> senders, Clock clock) {
    this.store = store;
    this.queue = queue;
    this.senders = List.copyOf(senders);
    this.clock = clock;
    this.channels = List.copyOf(store.load());
  }

  /** Queues the change for every enabled channel, when it is one to tell. */
  void onAlert(AlertEvent event) {
    if (!event.send() || !TOLD.contains(event.type())) {
      return;
    }
    List<String> ids = channels().stream().filter(Channel::enabled).map(Channel::id).toList();
    if (!ids.isEmpty()) {
      queue.enqueue(Notification.of(event), ids, clock.instant());
    }
  }

  /**
   * Delivers what is due, channel by channel (see {@link DeliveryPlan}): the oldest pending
   * notification that quiet hours do not hold, or a digest once the channel's hourly limit is
   * reached. Returns how many messages went out.
   */
  public int deliverDue() {
    Instant now = clock.instant();
    Map<String, List<QueuedNotification>> byChannel = new LinkedHashMap<>();
    for (QueuedNotification q : queue.pending(2_000)) {
      byChannel.computeIfAbsent(q.channelId(), k -> new ArrayList<>()).add(q);
    }
    int sent = 0;
    for (Map.Entry<String, List<QueuedNotification>> e : byChannel.entrySet()) {
      Channel channel = channel(e.getKey()).orElse(null);
      if (channel == null) {
        e.getValue().forEach(q -> queue.markFailed(q.id(), "the channel was deleted", now, true));
        continue;
      }
      List<Instant> recent = channel.maxPerHour() > 0 ? queue.sentSince(channel.id(), now.minus(Duration.ofHours(1))) : List.of();
      DeliveryPlan.Decision d = DeliveryPlan.decide(e.getValue(), recent, lastDigest.get(channel.id()), channel.maxPerHour(),
          channel.quietHours(), channel.groupSeconds(), now);
      if (d.one() != null) {
        sent += deliver(channel, d.one(), now) ? 1 : 0;
      } else if (!d.digest().isEmpty()) {
        sent += digest(channel, d.digest(), !d.grouped(), now) ? 1 : 0;
      }
    }
    return sent;
  }

  private boolean deliver(Channel channel, QueuedNotification q, Instant now) {
    try {
      sender(channel).send(channel, q.notification());
      queue.markSent(q.id(), clock.instant());
      return true;
    } catch (ChannelSender.DeliveryFailed e) {
      int attempts = q.attempts() + 1;
      boolean dead = e.permanent() || attempts >= MAX_ATTEMPTS;
      queue.markFailed(q.id(), e.getMessage(), now.plus(backoff(attempts)), dead);
      LOG.warn("notification {} to {} failed ({} of {}){}: {}", q.id(), channel.name(), attempts, MAX_ATTEMPTS,
          dead ? ", given up" : "", e.getMessage());
      return false;
    }
  }

  /** One message for many; on success all of them count as sent. */
  private boolean digest(Channel channel, List<QueuedNotification> entries, boolean overLimit, Instant now) {
    try {
      sender(channel).send(channel, DeliveryPlan.digestOf(entries, channel.id(), now));
      Instant at = clock.instant();
      entries.forEach(q -> queue.markSent(q.id(), at));
      if (overLimit) {
        lastDigest.put(channel.id(), now);
      }
      return true;
    } catch (ChannelSender.DeliveryFailed e) {
      if (!overLimit) { // a group that failed goes one by one, with the usual retries
        deliver(channel, entries.get(0), now);
        return false;
      }
      lastDigest.put(channel.id(), now); // try the digest again after the digest interval
      LOG.warn("a digest of {} notifications to {} failed: {}", entries.size(), channel.name(), e.getMessage());
      return false;
    }
  }

  /**
   * Sends firing alerts that nobody acknowledged within a step's time to that step's channels, once
   * per alert and step (the queue ignores a repeat of the same notification id).
   */
  void escalate(List<Alert> active, List<AlertConfig.Escalation> steps) {
    if (steps.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    for (Alert a : active) {
      if (!a.firing() || a.acknowledgement() != null || !a.sendNotifications() || a.flapping() || a.firedAt() == null) {
        continue;
      }
      for (int i = 0; i < steps.size(); i++) {
        AlertConfig.Escalation step = steps.get(i);
        if (now.isBefore(a.firedAt().plus(step.after()))) {
          continue;
        }
        List<String> ids = step.channelIds().stream().filter(id -> channel(id).map(Channel::enabled).orElse(false)).toList();
        if (!ids.isEmpty()) {
          Notification base = Notification.of(new AlertEvent(AlertEvent.Type.ESCALATED, a, now, true));
          Notification n = new Notification(a.id() + ":escalation-" + (i + 1) + ":" + a.firedAt().toEpochMilli(), "escalated",
              base.alertId(), base.ruleId(), base.resourceId(), base.resourceName(), base.level(),
              base.message() + " (unacknowledged for " + step.after().toMinutes() + " min)", base.value(), base.threshold(), now,
              base.since(), base.category());
          queue.enqueue(n, ids, now);
        }
      }
    }
  }

  void escalateQuietly(List<Alert> active, List<AlertConfig.Escalation> steps) {
    try {
      escalate(active, steps);
    } catch (RuntimeException e) {
      LOG.warn("escalating alerts failed: {}", e.getMessage(), e);
    }
  }

  void deliverQuietly() {
    try {
      deliverDue();
    } catch (RuntimeException e) {
      LOG.warn("delivering notifications failed: {}", e.getMessage(), e);
    }
  }

  /** 1 s, 2 s, 4 s … up to 60 s. */
  static Duration backoff(int attempts) {
    return Duration.ofSeconds(Math.min(60, 1L << Math.min(attempts - 1, 6)));
  }

  private ChannelSender sender(Channel channel) throws ChannelSender.DeliveryFailed {
    for (ChannelSender s : senders) {
      if (s.supports(channel.type())) {
        return s;
      }
    }
    throw new ChannelSender.DeliveryFailed("Pulse cannot send to " + channel.type().wireName() + " channels", true);
  }

  public synchronized List<Channel> channels() {
    return channels;
  }

  public Optional<Channel> channel(String id) {
    return channels().stream().filter(c -> c.id().equals(id)).findFirst();
  }

  /**
   * Adds or replaces a channel (by id), after its sender checked its settings.
   *
   * @throws dev.pulse.domain.InvalidFieldException naming a setting its sender cannot use
   */
  public synchronized Channel save(Channel channel) {
    for (ChannelSender s : senders) {
      if (s.supports(channel.type())) {
        s.check(channel);
      }
    }
    List<Channel> next = new ArrayList<>(channels);
    next.removeIf(c -> c.id().equals(channel.id()));
    next.add(channel);
    store.save(next);
    channels = List.copyOf(next);
    return channel;
  }

  public synchronized boolean delete(String id) {
    List<Channel> next = new ArrayList<>(channels);
    if (!next.removeIf(c -> c.id().equals(id))) {
      return false;
    }
    store.save(next);
    channels = List.copyOf(next);
    return true;
  }

  /** Sends a test notification to a channel now, outside the queue; empty when it went, else why not. */
  public Optional<String> test(String id) {
    Channel channel = channel(id).orElseThrow(() -> new NoSuchElementException("no channel " + id));
    Instant now = clock.instant();
    Notification n = new Notification("test:" + id + ":" + now.toEpochMilli(), "test", "test@" + id, "test", "test",
        "Pulse", "warning", "This is a test notification from Pulse", null, null, now, now, "health");
    try {
      sender(channel).send(channel, n);
      return Optional.empty();
    } catch (ChannelSender.DeliveryFailed e) {
      return Optional.of(e.getMessage());
    }
  }

  public List<QueuedNotification> queue(String state, int limit) {
    return queue.list(state, limit);
  }
}
