-- Captures acknowledged but not yet filed. The receiver's group commit writes one row per request here (the request
-- and the response it got, as JSON, and the body) and only then answers; the filer (capture-filer.ts) moves rows into
-- captures and capture_bodies soon after, oldest first, so the acknowledge path pays for one insert instead of six
-- index updates, the counters and the vendor classification.
CREATE TABLE capture_inbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  capture TEXT NOT NULL,
  body BLOB NOT NULL
);
-- An inbox id becomes the capture's id: start after every id captures ever used, so ids are never reused.
INSERT INTO sqlite_sequence (name, seq)
  SELECT 'capture_inbox', COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'captures'), 0);
