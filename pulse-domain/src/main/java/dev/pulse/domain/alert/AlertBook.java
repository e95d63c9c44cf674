package dev.pulse.domain.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the evaluator remembers between evaluations: the alerts (pending and firing), each
 * alert's recent firings and resolutions (for flapping), until when a flapping alert stays quiet,
 * the alerts someone cleared while their condition still holds (they do not come back until it has
 * gone once), and the recent readings of counters that rules judge by their rise over a window
 * (restarts). Immutable.
 */
public record AlertBook(Map<String, Alert> alerts, Map<String, List<Instant>> changes, Map<String, Instant> quietUntil,
    Set<String> cleared, Map<String, List<Reading>> readings) {

  public static final AlertBook EMPTY = new AlertBook(Map.of(), Map.of(), Map.of(), Set.of());

  public AlertBook {
    alerts = Map.copyOf(alerts);
    changes = Map.copyOf(changes);
    quietUntil = Map.copyOf(quietUntil);
    cleared = Set.copyOf(cleared);
    readings = Map.copyOf(readings);
  }

  /** A book with no flapping record and no counter readings: what a store gives back after a restart. */
  public AlertBook(Map<String, Alert> alerts, Map<String, List<Instant>> changes, Map<String, Instant> quietUntil,
      Set<String> cleared) {
    this(alerts, changes, quietUntil, cleared, Map.of());
  }

  /** The same book with other alerts and cleared ids, as acknowledging or clearing by hand makes. */
  public AlertBook with(Map<String, Alert> newAlerts, Set<String> newCleared) {
    return new AlertBook(newAlerts, changes, quietUntil, newCleared, readings);
  }

  /** A counter's value when it was read. */
  public record Reading(Instant at, double value) {

    /**
     * The readings kept after this one: the last {@code window}'s.
     *
     * @param earlier the readings so far, oldest first
     */
    static List<Reading> keep(List<Reading> earlier, Reading now, Duration window) {
      List<Reading> kept = new ArrayList<>();
      for (Reading r : earlier) {
        if (!r.at().isBefore(now.at().minus(window))) {
          kept.add(r);
        }
      }
      kept.add(now);
      return List.copyOf(kept);
    }

    /**
     * How much the counter rose over the readings: the sum of its rises, so that a counter that
     * started again from zero (a container recreated) counts from there rather than going negative.
     */
    static double rise(List<Reading> readings) {
      double rise = 0;
      for (int i = 1; i < readings.size(); i++) {
        rise += Math.max(0, readings.get(i).value() - readings.get(i - 1).value());
      }
      return rise;
    }
  }
}
