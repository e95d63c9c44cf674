-- People who sign in, custom roles, and sessions (kept by the SHA-256 of their cookie only).
CREATE TABLE account_user (
  id            TEXT PRIMARY KEY,
  username      TEXT NOT NULL UNIQUE COLLATE NOCASE,
  password_hash TEXT,
  roles         TEXT NOT NULL,
  source        TEXT NOT NULL,
  created_ms    INTEGER NOT NULL,
  last_login_ms INTEGER,
  disabled      INTEGER NOT NULL
);

CREATE TABLE account_role (
  name        TEXT PRIMARY KEY,
  description TEXT NOT NULL,
  allow       TEXT NOT NULL,
  deny        TEXT NOT NULL
);

CREATE TABLE account_session (
  sha256       TEXT PRIMARY KEY,
  user_id      TEXT NOT NULL REFERENCES account_user (id) ON DELETE CASCADE,
  csrf_token   TEXT NOT NULL,
  created_ms   INTEGER NOT NULL,
  last_seen_ms INTEGER NOT NULL,
  remember     INTEGER NOT NULL,
  address      TEXT NOT NULL
);

CREATE INDEX account_session_user ON account_session (user_id);
