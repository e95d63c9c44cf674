package dev.pulse.domain.history;

import java.time.Instant;

/**
 * One measurement of one metric of one resource.
 *
 * @param resourceId the resource, for example {@code lab:node-pve1}
 * @param metric a name from {@link HistoryMetric}, for example {@code cpu}
 * @param at when it was measured; stores keep it to the second
 * @param value in the metric's unit; never NaN or infinite (an unknown value is no sample)
 */
public record Sample(String resourceId, String metric, Instant at, double value) {

  public Sample {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("a sample must be a finite number, not " + value + ": leave unknown values out");
    }
  }
}
