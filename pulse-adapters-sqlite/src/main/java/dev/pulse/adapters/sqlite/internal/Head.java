package dev.pulse.adapters.sqlite.internal;

/**
 * The newest chunk of one tier of one series: what is already encoded, plus the points taken since
 * (the tail), which the writer folds in at its next flush. Kept encoded so that a series costs a few
 * kilobytes of memory, not its points. Guarded by its series' lock. Internal: not API.
 */
final class Head {

  final int tier;
  final long windowStart;
  private byte[] encoded;
  private PointBuffer tail;

  Head(int tier, long windowStart, byte[] encoded) {
    this.tier = tier;
    this.windowStart = windowStart;
    this.encoded = encoded;
  }

  boolean raw() {
    return tier == 0;
  }

  void add(long t, double lo, double hi, double sum, long n) {
    if (tail == null) {
      tail = new PointBuffer(raw(), windowStart, 4);
    }
    if (raw()) {
      tail.add(t, lo);
    } else {
      tail.add(t, lo, hi, sum, n);
    }
  }

  boolean dirty() {
    return tail != null && tail.size() > 0;
  }

  /** Every point of the chunk, decoded, with the tail after them. */
  PointBuffer points() {
    PointBuffer all = encoded == null ? new PointBuffer(raw(), windowStart, tail == null ? 4 : tail.size())
        : ChunkCodec.decode(encoded, windowStart);
    if (tail != null) {
      for (int i = 0; i < tail.size(); i++) {
        if (raw()) {
          all.add(tail.at(i), tail.min(i));
        } else {
          all.add(tail.at(i), tail.min(i), tail.max(i), tail.sum(i), tail.count(i));
        }
      }
    }
    return all;
  }

  /** Folds the tail into the encoded chunk and returns the chunk to write. */
  PointBuffer fold() {
    PointBuffer all = points();
    encoded = ChunkCodec.encode(all);
    tail = null;
    return all;
  }

  byte[] encoded() {
    return encoded;
  }
}
