package dev.pulse.domain.history;

import java.util.List;

/**
 * The history of one metric of one resource over a range.
 *
 * @param tier the tier the points were read from (finer tiers fill in the newest part that is not
 *     yet rolled up)
 * @param points oldest first; empty when there is no data yet
 */
public record HistorySeries(String resourceId, String metric, HistoryTier tier, List<HistoryPoint> points) {

  public HistorySeries {
    points = List.copyOf(points);
  }
}
