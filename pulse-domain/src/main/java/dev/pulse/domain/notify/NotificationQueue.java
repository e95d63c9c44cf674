package dev.pulse.domain.notify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The notifications waiting to be delivered, kept across restarts: what was sent stays sent, what
 * was waiting is delivered after the restart.
 */
public interface NotificationQueue {

  /** Adds one notification per channel, pending at once. */
  void enqueue(Notification notification, List<String> channelIds, Instant now);

  /** Pending entries, oldest first, due or not: a channel's later ones wait for its oldest. */
  List<QueuedNotification> pending(int limit);

  void markSent(long id, Instant at);

  /** Records a failed attempt: pending again at {@code nextAttempt}, or dead. */
  void markFailed(long id, String error, Instant nextAttempt, boolean dead);

  /** When the channel sent something since {@code since} (a digest counts once), oldest first. */
  List<Instant> sentSince(String channelId, Instant since);

  /** Newest first: the queue as the API shows it. */
  List<QueuedNotification> list(String state, int limit);

  /** A queue that forgets everything when the process ends: for tests and embedding. */
  static NotificationQueue inMemory() {
    return new NotificationQueue() {
      private final List<QueuedNotification> entries = new ArrayList<>();
      private final Set<String> seen = new HashSet<>();
      private long next = 1;

      @Override
      public synchronized void enqueue(Notification n, List<String> channelIds, Instant now) {
        for (String channel : channelIds) {
          if (seen.add(channel + "|" + n.id())) {
            entries.add(new QueuedNotification(next++, channel, n, QueuedNotification.PENDING, 0, now, null, null));
          }
        }
      }

      @Override
      public synchronized List<QueuedNotification> pending(int limit) {
        return entries.stream().filter(e -> e.state().equals(QueuedNotification.PENDING)).limit(limit).toList();
      }

      @Override
      public synchronized void markSent(long id, Instant at) {
        replace(id, e -> new QueuedNotification(id, e.channelId(), e.notification(), QueuedNotification.SENT, e.attempts() + 1,
            e.nextAttempt(), at, null));
      }

      @Override
      public synchronized void markFailed(long id, String error, Instant nextAttempt, boolean dead) {
        replace(id, e -> new QueuedNotification(id, e.channelId(), e.notification(),
            dead ? QueuedNotification.DEAD : QueuedNotification.PENDING, e.attempts() + 1, nextAttempt, null, error));
      }

      @Override
      public synchronized List<Instant> sentSince(String channelId, Instant since) {
        return entries.stream().filter(e -> e.channelId().equals(channelId) && e.sentAt() != null && !e.sentAt().isBefore(since))
            .map(QueuedNotification::sentAt).distinct().sorted().toList();
      }

      @Override
      public synchronized List<QueuedNotification> list(String state, int limit) {
        List<QueuedNotification> out = new ArrayList<>();
        for (int i = entries.size() - 1; i >= 0 && out.size() < limit; i--) {
          if (state == null || entries.get(i).state().equals(state)) {
            out.add(entries.get(i));
          }
        }
        return out;
      }

      private void replace(long id, java.util.function.UnaryOperator<QueuedNotification> change) {
        entries.replaceAll(e -> e.id() == id ? change.apply(e) : e);
      }
    };
  }
}
