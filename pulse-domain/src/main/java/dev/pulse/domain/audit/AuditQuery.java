package dev.pulse.domain.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Which entries to read, newest first. {@code null} fields do not filter.
 *
 * @param action a part of the action, case-insensitive
 */
public record AuditQuery(@Nullable Instant since, @Nullable Instant until, @Nullable String actor, @Nullable String action,
    @Nullable String outcome, int limit) {

  public AuditQuery {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
  }

  public boolean matches(AuditEvent e) {
    return (since == null || !e.at().isBefore(since)) && (until == null || e.at().isBefore(until))
        && (actor == null || e.actor().equalsIgnoreCase(actor))
        && (action == null || e.action().toLowerCase(java.util.Locale.ROOT).contains(action.toLowerCase(java.util.Locale.ROOT)))
        && (outcome == null || e.outcome().startsWith(outcome));
  }
}
