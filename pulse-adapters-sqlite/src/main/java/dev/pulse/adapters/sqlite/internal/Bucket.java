package dev.pulse.adapters.sqlite.internal;

/**
 * The points of one tier that fall in the current bucket of the next coarser tier, summed up as
 * they arrive: min, max, an exact sum and a count. Internal: not API.
 */
final class Bucket {

  final long start;
  double min = Double.POSITIVE_INFINITY;
  double max = Double.NEGATIVE_INFINITY;
  final DecimalSum sum = new DecimalSum();
  long count;

  Bucket(long start) {
    this.start = start;
  }

  void add(double lo, double hi, double total, long n) {
    min = Math.min(min, lo);
    max = Math.max(max, hi);
    sum.add(total);
    count += n;
  }
}
