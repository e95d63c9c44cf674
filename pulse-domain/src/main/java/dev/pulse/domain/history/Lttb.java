package dev.pulse.domain.history;

import java.util.ArrayList;
import java.util.List;

/**
 * Largest-Triangle-Three-Buckets downsampling (Steinarsson 2013): keeps the points that shape a line
 * chart, so peaks and dips survive where averaging would flatten them. The first and last points are
 * kept; the others are split into equal buckets and each bucket gives the point forming the largest
 * triangle with the point chosen before it and the next bucket's average. Each output point keeps
 * its chosen time and average, but its min, max and count cover its whole bucket, so no extreme is
 * lost. Pure.
 */
public final class Lttb {

  private Lttb() {}

  public static List<HistoryPoint> downsample(List<HistoryPoint> points, int maxPoints) {
    int n = points.size();
    if (maxPoints >= n || n <= 2) {
      return List.copyOf(points);
    }
    if (maxPoints < 3) {
      return maxPoints <= 1 ? List.of(merge(points, 0, n, n - 1)) : List.of(points.get(0), points.get(n - 1));
    }
    List<HistoryPoint> out = new ArrayList<>(maxPoints);
    out.add(points.get(0));
    double bucketSize = (double) (n - 2) / (maxPoints - 2);
    int chosen = 0;
    for (int b = 0; b < maxPoints - 2; b++) {
      int start = (int) Math.floor(b * bucketSize) + 1;
      int end = Math.min((int) Math.floor((b + 1) * bucketSize) + 1, n - 1);
      int nextStart = end;
      int nextEnd = Math.min((int) Math.floor((b + 2) * bucketSize) + 1, n);
      double avgX = 0;
      double avgY = 0;
      for (int i = nextStart; i < nextEnd; i++) {
        avgX += x(points.get(i));
        avgY += points.get(i).avg();
      }
      int span = Math.max(1, nextEnd - nextStart);
      avgX /= span;
      avgY /= span;
      double ax = x(points.get(chosen));
      double ay = points.get(chosen).avg();
      double best = -1;
      int pick = start;
      for (int i = start; i < end; i++) {
        double area = Math.abs((ax - avgX) * (points.get(i).avg() - ay) - (ax - x(points.get(i))) * (avgY - ay));
        if (area > best) {
          best = area;
          pick = i;
        }
      }
      out.add(merge(points, start, end, pick));
      chosen = pick;
    }
    out.add(points.get(n - 1));
    return out;
  }

  private static double x(HistoryPoint p) {
    return p.at().getEpochSecond();
  }

  /** The chosen point's time and average, with min, max and count over {@code [from, to)}. */
  private static HistoryPoint merge(List<HistoryPoint> points, int from, int to, int chosen) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    long count = 0;
    for (int i = from; i < to; i++) {
      HistoryPoint p = points.get(i);
      min = Math.min(min, p.min());
      max = Math.max(max, p.max());
      count += p.count();
    }
    HistoryPoint c = points.get(chosen);
    return new HistoryPoint(c.at(), min, c.avg(), max, count);
  }
}
