package dev.pulse.adapters.sqlite.internal;

/**
 * Golomb–Rice coding of signed integers, with the parameter chosen per block: each value is
 * zigzag-mapped, its high part written in unary and its low {@code k} bits as they are; a value
 * whose high part would take 32 or more bits is escaped and written whole. Small differences cost a
 * few bits, and a block of large ones adapts by taking a larger {@code k}. Internal: not API.
 */
final class RiceCoding {

  private static final int ESCAPE = 32;

  private RiceCoding() {}

  static long zigzag(long v) {
    return (v << 1) ^ (v >> 63);
  }

  static long unzigzag(long u) {
    return (u >>> 1) ^ -(u & 1);
  }

  /** Bits that {@link #write} would take for these values with parameter {@code k}. */
  static long cost(long[] values, int from, int to, int k) {
    long total = 6;
    for (int i = from; i < to; i++) {
      long q = zigzag(values[i]) >>> k;
      total += q < ESCAPE ? q + 1 + k : ESCAPE + 64;
    }
    return total;
  }

  /**
   * The parameter that costs fewest bits: near log2 of the mean zigzagged value, so only the
   * neighbours of that guess are priced.
   */
  static int bestParameter(long[] values, int from, int to) {
    if (to <= from) {
      return 0;
    }
    double mean = 0;
    for (int i = from; i < to; i++) {
      mean += (double) zigzag(values[i]) / (to - from);
    }
    int guess = mean < 1 ? 0 : 63 - Long.numberOfLeadingZeros((long) Math.min(mean, 0x1p62));
    int best = 0;
    long bestCost = Long.MAX_VALUE;
    for (int k = Math.max(0, guess - 3); k <= Math.min(62, guess + 2); k++) {
      long c = cost(values, from, to, k);
      if (c < bestCost) {
        bestCost = c;
        best = k;
      }
    }
    return best;
  }

  static void write(BitOutput out, long[] values, int from, int to, int k) {
    out.write(k, 6);
    for (int i = from; i < to; i++) {
      long u = zigzag(values[i]);
      long q = u >>> k;
      if (q < ESCAPE) {
        out.unary((int) q);
        if (k > 0) {
          out.write(u, k);
        }
      } else {
        out.write(0xFFFF_FFFFL, ESCAPE);
        out.write(u, 64);
      }
    }
  }

  static void read(BitInput in, long[] into, int count) {
    int k = (int) in.read(6);
    for (int i = 0; i < count; i++) {
      int q = in.unary(ESCAPE);
      long u = q == ESCAPE ? in.read(64) : ((long) q << k) | (k > 0 ? in.read(k) : 0);
      into[i] = unzigzag(u);
    }
  }
}
