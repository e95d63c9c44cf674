-- The audit log: numbered without gaps, each entry sealed over the one before (HMAC-SHA256).
CREATE TABLE audit_log (
  seq     INTEGER PRIMARY KEY,
  at_ms   INTEGER NOT NULL,
  actor   TEXT NOT NULL,
  action  TEXT NOT NULL,
  target  TEXT NOT NULL,
  address TEXT NOT NULL,
  outcome TEXT NOT NULL,
  detail  TEXT NOT NULL,
  mac     TEXT NOT NULL
);

CREATE INDEX audit_log_at ON audit_log (at_ms);

-- Where the kept chain starts: the number and seal of the newest entry retention removed.
CREATE TABLE audit_anchor (
  id  INTEGER PRIMARY KEY CHECK (id = 1),
  seq INTEGER NOT NULL,
  mac TEXT NOT NULL
);

INSERT INTO audit_anchor (id, seq, mac) VALUES (1, 0, '');
