-- Notifications on their way to channels: pending, sent (kept 7 days) or dead (kept 30 days).
CREATE TABLE notification_queue (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  channel_id      TEXT NOT NULL,
  notification_id TEXT NOT NULL,
  event           TEXT NOT NULL,
  alert_id        TEXT NOT NULL,
  rule_id         TEXT NOT NULL,
  resource_id     TEXT NOT NULL,
  resource_name   TEXT NOT NULL,
  level           TEXT NOT NULL,
  category        TEXT NOT NULL,
  message         TEXT NOT NULL,
  value           REAL,
  threshold       REAL,
  at_ms           INTEGER NOT NULL,
  since_ms        INTEGER,
  state           TEXT NOT NULL,
  attempts        INTEGER NOT NULL,
  next_attempt_ms INTEGER NOT NULL,
  sent_at_ms      INTEGER,
  last_error      TEXT,
  UNIQUE (channel_id, notification_id)
);

CREATE INDEX notification_queue_state ON notification_queue (state, id);
