package dev.pulse.domain.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * Something someone did, or tried to: who, what, to what, from where, with what result.
 *
 * @param actor a person's username, a token's name, {@code admin}, or {@code anonymous}
 * @param action what was asked, for example {@code POST /api/connections} or {@code login}
 * @param target what it was done to (an id), or empty
 * @param outcome {@code success}, {@code denied} or {@code failure}, with the HTTP status: {@code denied 403}
 * @param detail a short explanation, or empty; never a secret
 */
public record AuditEvent(Instant at, String actor, String action, String target, String address, String outcome,
    String detail) {

  public AuditEvent {
    Objects.requireNonNull(at, "at");
    actor = actor == null ? "anonymous" : actor;
    Objects.requireNonNull(action, "action");
    target = target == null ? "" : target;
    address = address == null ? "" : address;
    Objects.requireNonNull(outcome, "outcome");
    detail = detail == null ? "" : detail;
  }
}
