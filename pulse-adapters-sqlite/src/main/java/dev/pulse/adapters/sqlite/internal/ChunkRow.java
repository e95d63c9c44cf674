package dev.pulse.adapters.sqlite.internal;

/**
 * One stored chunk: a series' points of one tier within one window. Times are epoch seconds.
 *
 * @param open whether it is still being filled (stored apart, in {@code history_head})
 *     Internal: not API.
 */
public record ChunkRow(long seriesId, int tier, long windowStart, long firstAt, long lastAt, int points, byte[] data,
    boolean open) {

  static ChunkRow of(long seriesId, int tier, long windowStart, PointBuffer points, byte[] data, boolean open) {
    return new ChunkRow(seriesId, tier, windowStart, points.size() == 0 ? windowStart : points.at(0), points.lastAt(),
        points.size(), data, open);
  }
}
