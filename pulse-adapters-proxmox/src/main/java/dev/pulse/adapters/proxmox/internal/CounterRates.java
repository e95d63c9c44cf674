package dev.pulse.adapters.proxmox.internal;

import dev.pulse.domain.resource.RateMetric;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns cumulative byte counters into rates between two samples. A counter that went down, or a
 * guest whose uptime went down (it restarted), gives no rate for that sample rather than a
 * negative or a huge one; so does the first sample. Not thread-safe: one per collector.
 * Internal: not API.
 */
public final class CounterRates {

  private record Sample(long value, Long uptime, Instant at) {}

  private final Map<String, Sample> previous = new HashMap<>();
  private final String source;

  public CounterRates(String source) {
    this.source = source;
  }

  /**
   * @param key identifies the counter, for example {@code qemu-100/netin}
   * @param value the counter now, or {@code null} when not reported
   * @param uptime the owner's uptime in seconds, to spot restarts, or {@code null}
   * @return the rate since the previous sample, or {@code null} when it cannot be known
   */
  public RateMetric rate(String key, Long value, Long uptime, Instant now) {
    if (value == null) {
      previous.remove(key);
      return null;
    }
    Sample before = previous.put(key, new Sample(value, uptime, now));
    if (before == null || value < before.value()) {
      return null;
    }
    if (uptime != null && before.uptime() != null && uptime < before.uptime()) {
      return null;
    }
    double seconds = Duration.between(before.at(), now).toMillis() / 1000.0;
    if (seconds <= 0) {
      return null;
    }
    return new RateMetric((value - before.value()) / seconds, source);
  }

  /** Forgets counters whose keys are not in the set, so that vanished guests do not pile up. */
  public void retainOnly(java.util.Set<String> keyPrefixes) {
    previous.keySet().removeIf(k -> keyPrefixes.stream().noneMatch(k::startsWith));
  }
}
