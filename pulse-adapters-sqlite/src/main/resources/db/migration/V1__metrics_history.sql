-- One row per series: a metric of a resource.
CREATE TABLE history_series (
  id          INTEGER PRIMARY KEY,
  resource_id TEXT NOT NULL,
  metric      TEXT NOT NULL,
  UNIQUE (resource_id, metric)
);

-- Finished chunks: a series' points of one tier (0 raw, 1 minute, 2 hour, 3 day) within one
-- window, compressed (see ChunkCodec), written once. Times are epoch seconds. Ordered by tier and
-- time, so that new chunks go at the end of their tier and retention frees whole pages at its
-- start, which incremental vacuum gives back: no half-empty pages are left behind.
CREATE TABLE history_chunk (
  tier         INTEGER NOT NULL,
  window_start INTEGER NOT NULL,
  series_id    INTEGER NOT NULL,
  first_at     INTEGER NOT NULL,
  last_at      INTEGER NOT NULL,
  points       INTEGER NOT NULL,
  data         BLOB NOT NULL,
  PRIMARY KEY (tier, window_start, series_id)
) WITHOUT ROWID;

CREATE INDEX history_chunk_series ON history_chunk (series_id, tier, window_start);

-- The chunks still being filled, rewritten at every flush. Kept apart so that their churn does
-- not leave the finished chunks' pages half empty.
CREATE TABLE history_head (
  tier         INTEGER NOT NULL,
  window_start INTEGER NOT NULL,
  series_id    INTEGER NOT NULL,
  first_at     INTEGER NOT NULL,
  last_at      INTEGER NOT NULL,
  points       INTEGER NOT NULL,
  data         BLOB NOT NULL,
  PRIMARY KEY (tier, window_start, series_id)
) WITHOUT ROWID;

CREATE INDEX history_head_series ON history_head (series_id, tier, window_start);
