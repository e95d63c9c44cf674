package dev.pulse.domain.history;

import java.time.Instant;

/**
 * One point of a chart: the samples of one step summarised. A raw sample has min = avg = max.
 *
 * @param at the start of the step (the sample's own time for raw samples)
 * @param count how many raw samples it summarises
 */
public record HistoryPoint(Instant at, double min, double avg, double max, long count) {

  public static HistoryPoint of(Instant at, double value) {
    return new HistoryPoint(at, value, value, value, 1);
  }
}
