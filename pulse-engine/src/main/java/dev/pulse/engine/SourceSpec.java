package dev.pulse.engine;

import dev.pulse.domain.source.ResourceCollector;
import java.time.Duration;
import java.util.Objects;

/**
 * A source the engine polls: its collector, how often and how long one collection may take.
 *
 * @param id the source id; resource ids are derived from it, so keep it stable across restarts
 * @param name the display name
 * @param collector the collector, owned by the engine from now on and closed when removed
 * @param interval the time between the starts of two collections
 * @param timeout how long one collection may take before it is abandoned and reported as failed
 */
public record SourceSpec(String id, String name, ResourceCollector collector, Duration interval, Duration timeout) {

  public SourceSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(collector, "collector");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive: " + interval);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
  }
}
