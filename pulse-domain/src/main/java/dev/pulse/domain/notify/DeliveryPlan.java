package dev.pulse.domain.notify;

import dev.pulse.domain.alert.AlertCategory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Decides what one channel sends now, given its quiet hours, grouping window and hourly limit: the
 * oldest notification that is not held (with those that fired within the window after it, as one
 * message), or, once the channel has sent its limit within the last hour, one
 * digest of everything waiting at most every 15 minutes, so that nothing is dropped and a storm is
 * a handful of messages. Pure.
 */
public final class DeliveryPlan {

  /** The shortest time between two digests of one channel. */
  public static final Duration DIGEST_EVERY = Duration.ofMinutes(15);

  private DeliveryPlan() {}

  /**
   * Send one entry, send a digest of several, or nothing yet.
   *
   * @param grouped whether the digest is a group of alerts that fired together, not the hourly limit's
   */
  public record Decision(@Nullable QueuedNotification one, List<QueuedNotification> digest, boolean grouped) {
    static final Decision NOTHING = new Decision(null, List.of(), false);

    public boolean nothing() {
      return one == null && digest.isEmpty();
    }
  }

  /**
   * @param pending the channel's pending notifications, oldest first
   * @param sentLastHour when the channel sent in the last hour (a digest counts once)
   * @param lastDigest when it last sent a digest, or {@code null}
   * @param maxPerHour 0 for no limit
   * @param quiet the channel's quiet hours, or {@code null}
   * @param groupSeconds 0, or how long to wait for more alerts to send with the oldest one
   */
  public static Decision decide(List<QueuedNotification> pending, List<Instant> sentLastHour, @Nullable Instant lastDigest,
      int maxPerHour, @Nullable QuietHours quiet, int groupSeconds, Instant now) {
    List<QueuedNotification> ready = new ArrayList<>();
    for (QueuedNotification q : pending) {
      Notification n = q.notification();
      if (quiet != null && quiet.holds(now, category(n), n.level())) {
        continue; // held: it goes when the quiet hours end
      }
      ready.add(q);
    }
    if (ready.isEmpty()) {
      return Decision.NOTHING;
    }
    if (maxPerHour <= 0 || sentLastHour.size() < maxPerHour) {
      QueuedNotification first = ready.get(0);
      if (first.nextAttempt().isAfter(now)) {
        return Decision.NOTHING;
      }
      if (groupSeconds > 0 && first.attempts() == 0) { // a retry goes alone
        Instant closes = first.notification().at().plusSeconds(groupSeconds);
        if (now.isBefore(closes)) {
          return Decision.NOTHING; // wait for others firing at the same moment
        }
        List<QueuedNotification> group = ready.stream()
            .filter(q -> q.attempts() == 0 && !q.notification().at().isAfter(closes)).toList();
        if (group.size() > 1) {
          return new Decision(null, group, true);
        }
      }
      return new Decision(first, List.of(), false);
    }
    if (lastDigest != null && lastDigest.plus(DIGEST_EVERY).isAfter(now)) {
      return Decision.NOTHING;
    }
    return new Decision(null, ready, false);
  }

  /** The digest of several notifications, as one notification. */
  public static Notification digestOf(List<QueuedNotification> entries, String channelId, Instant now) {
    StringBuilder text = new StringBuilder();
    boolean critical = false;
    for (QueuedNotification q : entries) {
      text.append("• ").append(q.notification().subject()).append('\n');
      critical |= "critical".equals(q.notification().level()) && !q.notification().resolved();
    }
    return new Notification("digest:" + channelId + ":" + now.toEpochMilli(), "digest", "digest", "digest", "digest",
        entries.size() + " alert changes", critical ? "critical" : "warning", text.toString().strip(), null, null, now, null,
        AlertCategory.HEALTH.wireName());
  }

  private static AlertCategory category(Notification n) {
    for (AlertCategory c : AlertCategory.values()) {
      if (c.wireName().equals(n.category())) {
        return c;
      }
    }
    return AlertCategory.HEALTH;
  }
}
