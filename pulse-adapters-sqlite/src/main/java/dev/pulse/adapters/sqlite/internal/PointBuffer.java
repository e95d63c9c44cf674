package dev.pulse.adapters.sqlite.internal;

import dev.pulse.domain.history.HistoryPoint;
import java.time.Instant;
import java.util.Arrays;

/**
 * The points of one chunk, oldest first: raw samples (a time and a value) or rollup points (a bucket
 * start with min, max, sum and count). Times are epoch seconds. Not thread-safe. Internal: not API.
 */
final class PointBuffer {

  final boolean raw;
  final long windowStart;
  private int size;
  private long[] at;
  private double[] min;
  private double[] max;
  private double[] sum;
  private double[] count;

  PointBuffer(boolean raw, long windowStart, int capacity) {
    this.raw = raw;
    this.windowStart = windowStart;
    int c = Math.max(capacity, 4);
    at = new long[c];
    min = new double[c];
    if (!raw) {
      max = new double[c];
      sum = new double[c];
      count = new double[c];
    }
  }

  int size() {
    return size;
  }

  long at(int i) {
    return at[i];
  }

  double min(int i) {
    return min[i];
  }

  double max(int i) {
    return raw ? min[i] : max[i];
  }

  double sum(int i) {
    return raw ? min[i] : sum[i];
  }

  long count(int i) {
    return raw ? 1 : (long) count[i];
  }

  long lastAt() {
    return size == 0 ? Long.MIN_VALUE : at[size - 1];
  }

  void add(long t, double value) {
    grow();
    at[size] = t;
    min[size] = value;
    size++;
  }

  void add(long t, double lo, double hi, double total, long n) {
    grow();
    at[size] = t;
    min[size] = lo;
    max[size] = hi;
    sum[size] = total;
    count[size] = n;
    size++;
  }

  HistoryPoint point(int i) {
    long n = count(i);
    return new HistoryPoint(Instant.ofEpochSecond(at[i]), min(i), sum(i) / n, max(i), n);
  }

  private void grow() {
    if (size == at.length) {
      int c = at.length * 2;
      at = Arrays.copyOf(at, c);
      min = Arrays.copyOf(min, c);
      if (!raw) {
        max = Arrays.copyOf(max, c);
        sum = Arrays.copyOf(sum, c);
        count = Arrays.copyOf(count, c);
      }
    }
  }

  long[] times() {
    return at;
  }

  double[] values() {
    return min;
  }

  double[] maxima() {
    return max;
  }

  double[] sums() {
    return sum;
  }

  double[] counts() {
    return count;
  }

  /** Used by the codec when decoding: the arrays are filled directly. */
  static PointBuffer filled(boolean raw, long windowStart, long[] at, double[] min, double[] max, double[] sum, double[] count,
      int size) {
    PointBuffer b = new PointBuffer(raw, windowStart, 0);
    b.at = at;
    b.min = min;
    b.max = max;
    b.sum = sum;
    b.count = count;
    b.size = size;
    return b;
  }
}
