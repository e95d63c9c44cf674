-- CSRF tokens are kept as their SHA-256 from now on. Sessions opened by an earlier version hold the
-- token itself, which the new check can never match: they end, and people sign in once more.
DELETE FROM account_session;
