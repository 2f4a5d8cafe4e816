-- Saved webhook ids are never reused (AUTOINCREMENT). Deliveries keep the id of the saved webhook they were sent
-- from; with a plain rowid, the next webhook saved after a delete took the deleted one's id, and the delivery log
-- (its Webhook ID column and filter) gave the old sends to the new webhook. The sequence starts above every id
-- anything still names.
CREATE TABLE saved_webhooks_autoincrement (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
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
INSERT INTO saved_webhooks_autoincrement (id, collection_id, name, method, url, headers_json, body, policy,
    options_json, created_at_ms, updated_at_ms)
  SELECT id, collection_id, name, method, url, headers_json, body, policy, options_json, created_at_ms, updated_at_ms
  FROM saved_webhooks;
DROP TABLE saved_webhooks;
ALTER TABLE saved_webhooks_autoincrement RENAME TO saved_webhooks;
DELETE FROM sqlite_sequence WHERE name = 'saved_webhooks';
INSERT INTO sqlite_sequence (name, seq) VALUES ('saved_webhooks', MAX(
  COALESCE((SELECT MAX(id) FROM saved_webhooks), 0),
  COALESCE((SELECT MAX(webhook_id) FROM deliveries), 0)
));
