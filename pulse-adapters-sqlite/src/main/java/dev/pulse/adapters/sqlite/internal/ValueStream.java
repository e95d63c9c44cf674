package dev.pulse.adapters.sqlite.internal;

/**
 * Encodes a block of doubles exactly, in whichever of two ways is smaller for it.
 *
 * <ul>
 *   <li><b>Decimal</b>: when every value is exactly an integer over 10<sup>k</sup> (k ≤ 6), as
 *       metrics rounded to their resolution are (CPU to 0.01 %, temperatures to 0.1 °C, bytes to
 *       1), the integers' differences are divided by their greatest common divisor (memory moves in
 *       whole pages) and Rice-coded, either as they are (a random walk) or as differences of
 *       differences (steady growth), whichever is shorter.
 *   <li><b>XOR</b> (Gorilla, Pelkonen et al. 2015): any other doubles, NaN included: each value's
 *       bits XOR the previous one's, and only the changed bits are written.
 * </ul>
 *
 * Decoding gives back the very same bits. Internal: not API.
 */
final class ValueStream {

  static final double[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};
  private static final long LIMIT = 1L << 52;

  private ValueStream() {}

  static void write(BitOutput out, double[] values, int count) {
    int scale = decimalScale(values, count);
    if (scale < 0) {
      out.bit(true);
      writeXor(out, values, count);
      return;
    }
    out.bit(false);
    out.write(scale, 3);
    long[] ints = new long[count];
    for (int i = 0; i < count; i++) {
      ints[i] = (long) Math.rint(values[i] * POW10[scale]);
    }
    out.write(ints[0], 64);
    if (count == 1) {
      return;
    }
    long[] deltas = new long[count - 1];
    long gcd = 0;
    for (int i = 1; i < count; i++) {
      deltas[i - 1] = ints[i] - ints[i - 1];
      gcd = gcd(gcd, Math.abs(deltas[i - 1]));
    }
    gcd = Math.max(gcd, 1);
    long[] second = new long[deltas.length];
    for (int i = 0; i < deltas.length; i++) {
      deltas[i] /= gcd;
      second[i] = i == 0 ? deltas[0] : deltas[i] - deltas[i - 1];
    }
    int kDelta = RiceCoding.bestParameter(deltas, 0, deltas.length);
    int kSecond = RiceCoding.bestParameter(second, 0, second.length);
    boolean bySecond = RiceCoding.cost(second, 0, second.length, kSecond) < RiceCoding.cost(deltas, 0, deltas.length, kDelta);
    writeVarLong(out, gcd);
    out.bit(bySecond);
    RiceCoding.write(out, bySecond ? second : deltas, 0, deltas.length, bySecond ? kSecond : kDelta);
  }

  static void read(BitInput in, double[] into, int count) {
    if (in.bit()) {
      readXor(in, into, count);
      return;
    }
    int scale = (int) in.read(3);
    long previous = in.read(64);
    into[0] = previous / POW10[scale];
    if (count == 1) {
      return;
    }
    long gcd = readVarLong(in);
    boolean bySecond = in.bit();
    long[] coded = new long[count - 1];
    RiceCoding.read(in, coded, count - 1);
    long delta = 0;
    for (int i = 1; i < count; i++) {
      delta = bySecond ? (i == 1 ? coded[0] : delta + coded[i - 1]) : coded[i - 1];
      previous += delta * gcd;
      into[i] = previous / POW10[scale];
    }
  }

  /** The smallest k ≤ 6 such that every value is exactly an integer over 10^k, or −1. */
  static int decimalScale(double[] values, int count) {
    int scale = 0;
    for (int i = 0; i < count; i++) {
      while (!exact(values[i], scale)) {
        if (++scale >= POW10.length) {
          return -1;
        }
      }
    }
    return scale;
  }

  /** Whether {@code v} is exactly an integer (below 2^52) over 10^scale, bit for bit. */
  static boolean exact(double v, int scale) {
    if (!Double.isFinite(v)) {
      return false;
    }
    double scaled = Math.rint(v * POW10[scale]);
    return Math.abs(scaled) < LIMIT
        && Double.doubleToRawLongBits(scaled / POW10[scale]) == Double.doubleToRawLongBits(v);
  }

  private static void writeXor(BitOutput out, double[] values, int count) {
    long previous = Double.doubleToRawLongBits(values[0]);
    out.write(previous, 64);
    int leading = Integer.MAX_VALUE;
    int trailing = 0;
    for (int i = 1; i < count; i++) {
      long bits = Double.doubleToRawLongBits(values[i]);
      long xor = bits ^ previous;
      previous = bits;
      if (xor == 0) {
        out.bit(false);
        continue;
      }
      out.bit(true);
      int lz = Math.min(Long.numberOfLeadingZeros(xor), 31);
      int tz = Long.numberOfTrailingZeros(xor);
      if (leading != Integer.MAX_VALUE && lz >= leading && tz >= trailing) {
        out.bit(false); // fits in the previous window
        out.write(xor >>> trailing, 64 - leading - trailing);
      } else {
        leading = lz;
        trailing = tz;
        int meaningful = 64 - lz - tz;
        out.bit(true);
        out.write(lz, 5);
        out.write(meaningful - 1, 6);
        out.write(xor >>> tz, meaningful);
      }
    }
  }

  private static void readXor(BitInput in, double[] into, int count) {
    long previous = in.read(64);
    into[0] = Double.longBitsToDouble(previous);
    int leading = 0;
    int trailing = 0;
    for (int i = 1; i < count; i++) {
      if (in.bit()) {
        if (in.bit()) {
          leading = (int) in.read(5);
          int meaningful = (int) in.read(6) + 1;
          trailing = 64 - leading - meaningful;
        }
        previous ^= in.read(64 - leading - trailing) << trailing;
      }
      into[i] = Double.longBitsToDouble(previous);
    }
  }

  /** 6 bits of length, then that many bits: for a non-negative value below 2^63. */
  static void writeVarLong(BitOutput out, long v) {
    int length = 64 - Long.numberOfLeadingZeros(v);
    out.write(length, 6);
    out.write(v, length);
  }

  static long readVarLong(BitInput in) {
    int length = (int) in.read(6);
    return in.read(length);
  }

  private static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return a;
  }
}
