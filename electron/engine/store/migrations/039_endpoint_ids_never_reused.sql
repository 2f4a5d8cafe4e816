-- Endpoint ids are never reused (AUTOINCREMENT). Captures and per-minute counts keep the id of the endpoint they
-- arrived on; with a plain rowid, the next endpoint created after a delete took the deleted one's id, and its captures
-- moved to the new endpoint. The sequence starts above every id anything still names.
CREATE TABLE endpoints_autoincrement (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  is_default INTEGER NOT NULL DEFAULT 0,
  rule TEXT NOT NULL,
  auth TEXT NOT NULL DEFAULT '{"kind":"none"}',
  verify TEXT,
  rate_limit_per_minute INTEGER NOT NULL DEFAULT 0,
  created_at_ms INTEGER NOT NULL,
  capture_count INTEGER NOT NULL DEFAULT 0,
  status_2xx INTEGER NOT NULL DEFAULT 0,
  status_3xx INTEGER NOT NULL DEFAULT 0,
  status_4xx INTEGER NOT NULL DEFAULT 0,
  status_5xx INTEGER NOT NULL DEFAULT 0
);
INSERT INTO endpoints_autoincrement (id, slug, name, is_default, rule, auth, verify, rate_limit_per_minute,
    created_at_ms, capture_count, status_2xx, status_3xx, status_4xx, status_5xx)
  SELECT id, slug, name, is_default, rule, auth, verify, rate_limit_per_minute, created_at_ms, capture_count,
    status_2xx, status_3xx, status_4xx, status_5xx
  FROM endpoints;
DROP TABLE endpoints;
ALTER TABLE endpoints_autoincrement RENAME TO endpoints;
DELETE FROM sqlite_sequence WHERE name = 'endpoints';
INSERT INTO sqlite_sequence (name, seq) VALUES ('endpoints', MAX(
  COALESCE((SELECT MAX(id) FROM endpoints), 0),
  COALESCE((SELECT MAX(endpoint_id) FROM captures), 0),
  COALESCE((SELECT MAX(endpoint_id) FROM capture_minutes), 0)
));
