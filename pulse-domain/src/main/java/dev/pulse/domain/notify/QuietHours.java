package dev.pulse.domain.notify;

import dev.pulse.domain.alert.AlertCategory;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * When a channel stays quiet: from {@code start} to {@code end} in {@code zone} (across midnight
 * when end is before start), for alerts of these categories. Critical alerts get through unless
 * {@code criticalToo}. Held notifications are sent when the quiet hours end, never dropped.
 */
public record QuietHours(LocalTime start, LocalTime end, ZoneId zone, Set<AlertCategory> categories, boolean criticalToo) {

  public QuietHours {
    categories = Set.copyOf(categories);
    if (start.equals(end)) {
      throw new IllegalArgumentException("quiet hours must not start and end at the same time");
    }
  }

  /** Whether a notification of this category and level is held at {@code t}. */
  public boolean holds(Instant t, AlertCategory category, String level) {
    if (!categories.contains(category) || ("critical".equals(level) && !criticalToo)) {
      return false;
    }
    LocalTime local = t.atZone(zone).toLocalTime();
    return start.isBefore(end) ? !local.isBefore(start) && local.isBefore(end) : !local.isBefore(start) || local.isBefore(end);
  }

  /** The end of the quiet hours that contain {@code t} (assumes they do). */
  public Instant endAfter(Instant t) {
    ZonedDateTime local = t.atZone(zone);
    ZonedDateTime end = local.with(this.end);
    if (!end.isAfter(local)) {
      end = end.plusDays(1);
    }
    return end.toInstant();
  }
}
