-- The alerts in progress (pending and firing), replaced as a whole at each change: a few dozen rows.
CREATE TABLE alert_active (
  id            TEXT PRIMARY KEY,
  rule_id       TEXT NOT NULL,
  resource_id   TEXT NOT NULL,
  resource_name TEXT NOT NULL,
  resource_type TEXT NOT NULL,
  parent_id     TEXT,
  category      TEXT NOT NULL,
  level         TEXT NOT NULL,
  phase         TEXT NOT NULL,
  message       TEXT NOT NULL,
  value         REAL,
  threshold     REAL,
  since_ms      INTEGER NOT NULL,
  fired_at_ms   INTEGER,
  clear_streak  INTEGER NOT NULL,
  ack_by        TEXT,
  ack_at_ms     INTEGER,
  flapping      INTEGER NOT NULL,
  send          INTEGER NOT NULL
);

-- Alerts cleared by hand while their condition still holds: they stay away until it has gone once.
CREATE TABLE alert_cleared (id TEXT PRIMARY KEY);

-- What happened to alerts, kept 90 days.
CREATE TABLE alert_history (
  seq           INTEGER PRIMARY KEY AUTOINCREMENT,
  at_ms         INTEGER NOT NULL,
  type          TEXT NOT NULL,
  alert_id      TEXT NOT NULL,
  rule_id       TEXT NOT NULL,
  resource_id   TEXT NOT NULL,
  resource_name TEXT NOT NULL,
  level         TEXT NOT NULL,
  message       TEXT NOT NULL,
  value         REAL,
  actor         TEXT
);

CREATE INDEX alert_history_at ON alert_history (at_ms);
