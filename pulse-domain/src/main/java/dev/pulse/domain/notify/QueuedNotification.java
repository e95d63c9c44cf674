package dev.pulse.domain.notify;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One notification on its way to one channel.
 *
 * @param state pending, sent or dead (gave up after its attempts: the dead-letter list)
 */
public record QueuedNotification(long id, String channelId, Notification notification, String state, int attempts,
    Instant nextAttempt, @Nullable Instant sentAt, @Nullable String lastError) {

  public static final String PENDING = "pending";
  public static final String SENT = "sent";
  public static final String DEAD = "dead";
}
