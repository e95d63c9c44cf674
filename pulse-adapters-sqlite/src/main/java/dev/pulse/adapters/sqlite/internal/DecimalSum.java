package dev.pulse.adapters.sqlite.internal;

/**
 * A sum of doubles kept exact while they are decimals with at most 6 places, so that the sum of
 * 23.47 and 25.12 is 48.59 and not 48.589999999999996: rollup sums then stay exactly decimal, which
 * keeps them small on disk and their averages right. Falls back to plain double addition for other
 * values. Internal: not API.
 */
final class DecimalSum {

  private static final double[] POW10 = ValueStream.POW10;
  private static final long[] LONG10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};
  private static final double LIMIT = 0x1p52;

  private long units;
  private int scale;
  private boolean exact = true;
  private double plain;

  void add(double v) {
    plain += v;
    if (!exact) {
      return;
    }
    int k = scale;
    while (k < POW10.length && !ValueStream.exact(v, k)) {
      k++;
    }
    if (k == POW10.length) {
      exact = false;
      return;
    }
    try {
      if (k > scale) {
        units = Math.multiplyExact(units, LONG10[k - scale]);
        scale = k;
      }
      units = Math.addExact(units, (long) Math.rint(v * POW10[scale]));
      if (Math.abs((double) units) >= LIMIT) {
        exact = false;
      }
    } catch (ArithmeticException e) {
      exact = false;
    }
  }

  double value() {
    return exact ? units / POW10[scale] : plain;
  }

}
