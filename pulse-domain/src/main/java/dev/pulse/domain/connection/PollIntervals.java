package dev.pulse.domain.connection;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How often a connection's tiers are polled; {@code null} means the default.
 *
 * @param fast node and guest state (default: the engine's poll interval, 10 s)
 * @param slow guest agents, balloon sizes and other detail (default 60 s)
 * @param disks physical disks, SMART and ZFS pools (default 5 min)
 */
public record PollIntervals(@Nullable Duration fast, @Nullable Duration slow, @Nullable Duration disks) {

  public static final PollIntervals DEFAULT = new PollIntervals(null, null, null);
  public static final Duration DEFAULT_SLOW = Duration.ofSeconds(60);
  public static final Duration DEFAULT_DISKS = Duration.ofMinutes(5);

  public Duration slowOrDefault() {
    return slow != null ? slow : DEFAULT_SLOW;
  }

  public Duration disksOrDefault() {
    return disks != null ? disks : DEFAULT_DISKS;
  }
}
