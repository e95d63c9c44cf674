package dev.pulse.domain.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A signed-in browser. Kept by the SHA-256 of its cookie, never the cookie itself, and the
 * SHA-256 of its CSRF token, never the token. Immutable.
 *
 * @param csrfSha256 the hex SHA-256 of the CSRF token the UI sends back on every change it asks
 *     for (a page on another site cannot read the token)
 * @param remember whether it lasts {@link #REMEMBERED} rather than {@link #IDLE} without use
 */
public record Session(String sha256, String userId, String csrfSha256, Instant createdAt, Instant lastSeenAt, boolean remember,
    String address) {

  /** How long a session lasts without use. */
  public static final Duration IDLE = Duration.ofHours(12);
  /** How long a remembered session lasts without use. */
  public static final Duration REMEMBERED = Duration.ofDays(30);
  /** How long any session lasts, used or not. */
  public static final Duration ABSOLUTE = Duration.ofDays(90);

  public Session {
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(csrfSha256, "csrfSha256");
  }

  public boolean expired(Instant now) {
    return !now.isBefore(lastSeenAt.plus(remember ? REMEMBERED : IDLE)) || !now.isBefore(createdAt.plus(ABSOLUTE));
  }

  public Session seenAt(Instant now) {
    return new Session(sha256, userId, csrfSha256, createdAt, now, remember, address);
  }
}
