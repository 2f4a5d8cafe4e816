-- Core schema: endpoints, captures (metadata), capture bodies (kept apart so list queries never touch blobs),
-- the full-text index (filled asynchronously, off the acknowledge path), counters and settings.

CREATE TABLE endpoints (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  is_default INTEGER NOT NULL DEFAULT 0,
  rule TEXT NOT NULL,
  auth TEXT NOT NULL DEFAULT '{"kind":"none"}',
  verify TEXT,
  rate_limit_per_minute INTEGER NOT NULL DEFAULT 0,
  created_at_ms INTEGER NOT NULL,
  capture_count INTEGER NOT NULL DEFAULT 0
);

-- AUTOINCREMENT: ids are never reused, so keyset cursors and the index watermark stay valid after deletes.
CREATE TABLE captures (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  received_at_ms INTEGER NOT NULL,
  method TEXT NOT NULL,
  path TEXT NOT NULL,
  query TEXT NOT NULL,
  http_version TEXT NOT NULL,
  headers TEXT NOT NULL,
  remote_address TEXT NOT NULL,
  remote_port INTEGER,
  content_type TEXT,
  content_encoding TEXT,
  body_size INTEGER NOT NULL,
  stored_body_size INTEGER NOT NULL,
  truncated INTEGER NOT NULL DEFAULT 0,
  endpoint_id INTEGER,
  source TEXT NOT NULL,
  public_url TEXT,
  vendor TEXT,
  event_label TEXT,
  response_status INTEGER,
  response TEXT,
  verification TEXT
);
CREATE INDEX captures_by_endpoint ON captures (endpoint_id, id);
CREATE INDEX captures_by_time ON captures (received_at_ms);
CREATE INDEX captures_by_method ON captures (method, id);
CREATE INDEX captures_by_status ON captures (response_status, id);
CREATE INDEX captures_by_content_type ON captures (content_type, id);

CREATE TABLE capture_bodies (
  capture_id INTEGER PRIMARY KEY,
  body BLOB NOT NULL
);

-- Contentless: the text lives in captures/capture_bodies; rowid = captures.id.
CREATE VIRTUAL TABLE captures_fts USING fts5 (
  path, query, headers, body, labels,
  content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
INSERT INTO counters (name, value) VALUES ('captures', 0), ('body_bytes', 0), ('fts_indexed_upto', 0);

CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
