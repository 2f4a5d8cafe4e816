-- Saved requests in collections, and named environments of {{variables}}.
CREATE TABLE webhook_collections (
  id            INTEGER PRIMARY KEY,
  name          TEXT    NOT NULL,
  created_at_ms INTEGER NOT NULL
);

CREATE TABLE saved_webhooks (
  id            INTEGER PRIMARY KEY,
  collection_id INTEGER REFERENCES webhook_collections (id) ON DELETE SET NULL,
  name          TEXT    NOT NULL,
  method        TEXT    NOT NULL,
  url           TEXT    NOT NULL,
  headers_json  TEXT    NOT NULL,
  body          TEXT    NOT NULL,
  policy        TEXT    NOT NULL,
  options_json  TEXT    NOT NULL DEFAULT '{}',
  created_at_ms INTEGER NOT NULL,
  updated_at_ms INTEGER NOT NULL
);

CREATE TABLE environments (
  id             INTEGER PRIMARY KEY,
  name           TEXT    NOT NULL UNIQUE,
  variables_json TEXT    NOT NULL,
  active         INTEGER NOT NULL DEFAULT 0
);
