package dev.pulse.domain.alert;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the evaluator remembers between evaluations: the alerts (pending and firing), each
 * alert's recent firings and resolutions (for flapping), until when a flapping alert stays quiet,
 * and the alerts someone cleared while their condition still holds (they do not come back until it
 * has gone once). Immutable.
 */
public record AlertBook(Map<String, Alert> alerts, Map<String, List<Instant>> changes, Map<String, Instant> quietUntil,
    Set<String> cleared) {

  public static final AlertBook EMPTY = new AlertBook(Map.of(), Map.of(), Map.of(), Set.of());

  public AlertBook {
    alerts = Map.copyOf(alerts);
    changes = Map.copyOf(changes);
    quietUntil = Map.copyOf(quietUntil);
    cleared = Set.copyOf(cleared);
  }
}
