package dev.pulse.adapters.sqlite.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * One series in memory: its newest chunk per tier and the open rollup buckets. A raw sample goes into
 * the raw chunk and the open minute bucket; when a sample falls in a later minute, the finished
 * minute becomes a point of the minute tier, which feeds the open hour bucket the same way, and the
 * hour the day. Chunks cover fixed windows (raw 2 h, minutes 6 h, hours 7 days, days 90 days),
 * aligned so that a bucket never spans two windows, and sized so that a chunk stays within one 4 KiB
 * database page (a few hundred points) and expires soon after its retention. Guarded by its own
 * lock. Internal: not API.
 */
public final class SeriesState {

  static final long[] WINDOW = {7_200, 6 * 3_600, 7 * 86_400L, 90 * 86_400L};
  static final long[] STEP = {0, 60, 3_600, 86_400};
  static final int TIERS = 4;

  final String resourceId;
  final String metric;
  volatile long id;
  boolean loaded;
  /** Set when the store forgot this idle series: a writer holding it must fetch it again. */
  boolean evicted;
  long lastAt = Long.MIN_VALUE;
  final Head[] heads = new Head[TIERS];
  /** open[t]: tier t's points in the current bucket of tier t + 1. */
  final Bucket[] open = new Bucket[TIERS - 1];
  /** Chunks replaced by a newer window whose last points are not written yet. */
  final List<Head> sealed = new ArrayList<>();

  SeriesState(String resourceId, String metric, long id) {
    this.resourceId = resourceId;
    this.metric = metric;
    this.id = id;
  }

  static long floor(long t, long unit) {
    return Math.floorDiv(t, unit) * unit;
  }

  /** Takes a raw sample; {@code false} when it is not newer than the last one. */
  boolean append(long t, double v) {
    if (t <= lastAt) {
      return false;
    }
    lastAt = t;
    add(0, t, v, v, v, 1);
    return true;
  }

  private void add(int tier, long t, double lo, double hi, double sum, long n) {
    if (tier < TIERS - 1) {
      long bucket = floor(t, STEP[tier + 1]);
      if (open[tier] != null && open[tier].start != bucket) {
        close(tier);
      }
      if (open[tier] == null) {
        open[tier] = new Bucket(bucket);
      }
      open[tier].add(lo, hi, sum, n);
    }
    long window = floor(t, WINDOW[tier]);
    Head head = heads[tier];
    if (head == null || head.windowStart != window) {
      if (head != null) {
        sealed.add(head); // written once more, to the finished chunks
      }
      head = new Head(tier, window, null);
      heads[tier] = head;
    }
    head.add(t, lo, hi, sum, n);
  }

  /** Ends tier's open bucket: it becomes a point of the next tier. */
  private void close(int tier) {
    Bucket b = open[tier];
    open[tier] = null;
    add(tier + 1, b.start, b.min, b.max, b.sum.value(), b.count);
  }

  /**
   * Ends the open buckets that finished before {@code cutoff} (epoch seconds): a series that stopped
   * reporting still gets its last minute, hour and day rolled up.
   */
  void closeBefore(long cutoff) {
    for (int tier = 0; tier < TIERS - 1; tier++) {
      if (open[tier] != null && open[tier].start + STEP[tier + 1] <= cutoff) {
        close(tier);
      }
    }
  }

  /** The chunks of a tier held in memory (decoded), by window start: newer than what is stored. */
  synchronized java.util.Map<Long, PointBuffer> inMemory(int tier) {
    java.util.Map<Long, PointBuffer> out = new java.util.HashMap<>();
    for (Head h : sealed) {
      if (h.tier == tier) {
        out.put(h.windowStart, h.points());
      }
    }
    if (heads[tier] != null) {
      out.put(heads[tier].windowStart, heads[tier].points());
    }
    return out;
  }

  /** Chunks with points not yet written, oldest first; each is folded into its encoded form. */
  List<ChunkRow> takeDirty() {
    List<ChunkRow> rows = new ArrayList<>();
    for (Head h : sealed) {
      rows.add(ChunkRow.of(id, h.tier, h.windowStart, h.fold(), h.encoded(), false));
    }
    sealed.clear();
    for (Head h : heads) {
      if (h != null && h.dirty()) {
        rows.add(ChunkRow.of(id, h.tier, h.windowStart, h.fold(), h.encoded(), true));
      }
    }
    return rows;
  }

  boolean dirty() {
    if (!sealed.isEmpty()) {
      return true;
    }
    for (Head h : heads) {
      if (h != null && h.dirty()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Restores the state from each tier's newest stored chunk: the heads, the last raw time, and the
   * open buckets from the points not yet rolled into the next tier.
   */
  void restore(ChunkRow[] newest) {
    for (int tier = 0; tier < TIERS; tier++) {
      if (newest[tier] != null) {
        heads[tier] = new Head(tier, newest[tier].windowStart(), newest[tier].data());
      }
    }
    for (int tier = 0; tier < TIERS - 1; tier++) {
      if (heads[tier] == null) {
        continue;
      }
      PointBuffer points = heads[tier].points();
      if (tier == 0 && points.size() > 0) {
        lastAt = points.lastAt();
      }
      long rolledUntil = newest[tier + 1] == null ? Long.MIN_VALUE : newest[tier + 1].lastAt() + STEP[tier + 1];
      for (int i = 0; i < points.size(); i++) {
        long bucket = floor(points.at(i), STEP[tier + 1]);
        if (bucket < rolledUntil) {
          continue;
        }
        if (open[tier] == null || open[tier].start != bucket) {
          open[tier] = new Bucket(bucket); // only the newest bucket can still be open
        }
        open[tier].add(points.min(i), points.max(i), points.sum(i), points.count(i));
      }
    }
    loaded = true;
  }
}
