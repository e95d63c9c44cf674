-- One row per series: a metric of a resource.
CREATE TABLE history_series (
  id          INTEGER PRIMARY KEY,
  resource_id TEXT NOT NULL,
  metric      TEXT NOT NULL,
  UNIQUE (resource_id, metric)
);

-- One row per chunk: a series' points of one tier (0 raw, 1 minute, 2 hour, 3 day) within one
-- window, compressed (see ChunkCodec). Times are epoch seconds.
CREATE TABLE history_chunk (
  series_id    INTEGER NOT NULL REFERENCES history_series (id) ON DELETE CASCADE,
  tier         INTEGER NOT NULL,
  window_start INTEGER NOT NULL,
  first_at     INTEGER NOT NULL,
  last_at      INTEGER NOT NULL,
  points       INTEGER NOT NULL,
  data         BLOB NOT NULL,
  PRIMARY KEY (series_id, tier, window_start)
);

CREATE INDEX history_chunk_expiry ON history_chunk (tier, last_at);
