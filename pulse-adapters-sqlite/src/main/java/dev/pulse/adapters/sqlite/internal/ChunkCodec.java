package dev.pulse.adapters.sqlite.internal;

/**
 * A chunk's bytes: a version byte, a kind byte (0 raw, 1 rollup), then bits: the point count, the
 * first time in full and the times' differences of differences Rice-coded (regular samples cost
 * about a bit each), then each value column as a {@link ValueStream} (raw: the values; rollup: min,
 * max, sum and count). Round-trips exactly. Internal: not API.
 */
final class ChunkCodec {

  private static final int VERSION = 1;

  private ChunkCodec() {}

  static byte[] encode(PointBuffer points) {
    int n = points.size();
    BitOutput out = new BitOutput();
    out.write(VERSION, 8);
    out.write(points.raw ? 0 : 1, 8);
    out.write(n, 32);
    if (n == 0) {
      return out.toByteArray();
    }
    long[] t = points.times();
    out.write(t[0], 64);
    long[] second = new long[n - 1];
    long previousDelta = 0;
    for (int i = 1; i < n; i++) {
      long delta = t[i] - t[i - 1];
      second[i - 1] = delta - previousDelta;
      previousDelta = delta;
    }
    RiceCoding.write(out, second, 0, second.length, RiceCoding.bestParameter(second, 0, second.length));
    ValueStream.write(out, points.values(), n);
    if (!points.raw) {
      ValueStream.write(out, points.maxima(), n);
      ValueStream.write(out, points.sums(), n);
      ValueStream.write(out, points.counts(), n);
    }
    return out.toByteArray();
  }

  static PointBuffer decode(byte[] data, long windowStart) {
    if (data.length < 6 || data[0] != VERSION) {
      throw new IllegalStateException("not a history chunk of version " + VERSION);
    }
    boolean raw = data[1] == 0;
    BitInput in = new BitInput(data, 2);
    int n = (int) in.read(32);
    long[] t = new long[Math.max(n, 1)];
    double[] min = new double[t.length];
    double[] max = raw ? null : new double[t.length];
    double[] sum = raw ? null : new double[t.length];
    double[] count = raw ? null : new double[t.length];
    if (n > 0) {
      t[0] = in.read(64);
      long[] second = new long[n - 1];
      RiceCoding.read(in, second, n - 1);
      long delta = 0;
      for (int i = 1; i < n; i++) {
        delta += second[i - 1];
        t[i] = t[i - 1] + delta;
      }
      ValueStream.read(in, min, n);
      if (!raw) {
        ValueStream.read(in, max, n);
        ValueStream.read(in, sum, n);
        ValueStream.read(in, count, n);
      }
    }
    return PointBuffer.filled(raw, windowStart, t, min, max, sum, count, n);
  }
}
