package dev.pulse.http;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * Who may call the API. Every {@code /api/**} route but health and version, and the WebSocket,
 * need a token that {@code tokenCheck} accepts. With {@code publicReads} (demo mode) reads and the
 * WebSocket are open to anyone; writes still need the token.
 *
 * @param tokenCheck accepts a presented token; must compare in constant time
 */
public record AccessPolicy(Predicate<String> tokenCheck, boolean publicReads) {

  public AccessPolicy {
    Objects.requireNonNull(tokenCheck, "tokenCheck");
  }
}
