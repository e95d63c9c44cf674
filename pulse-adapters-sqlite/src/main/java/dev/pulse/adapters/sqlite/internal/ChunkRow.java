package dev.pulse.adapters.sqlite.internal;

/**
 * One stored chunk: a series' points of one tier within one window. Times are epoch seconds.
 * Internal: not API.
 */
public record ChunkRow(long seriesId, int tier, long windowStart, long firstAt, long lastAt, int points, byte[] data) {

  static ChunkRow of(long seriesId, int tier, long windowStart, PointBuffer points, byte[] data) {
    return new ChunkRow(seriesId, tier, windowStart, points.size() == 0 ? windowStart : points.at(0), points.lastAt(),
        points.size(), data);
  }
}
