-- Environment ids are never reused (AUTOINCREMENT). A window or the composer holds the id of the environment it shows;
-- with a plain rowid, the next environment created after a delete took the deleted one's id, and the other window's
-- Delete (or its composer's variables) acted on the new environment under the old one's name.
CREATE TABLE environments_autoincrement (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  name           TEXT    NOT NULL UNIQUE,
  variables_json TEXT    NOT NULL,
  active         INTEGER NOT NULL DEFAULT 0,
  updated_at_ms  INTEGER NOT NULL DEFAULT 0
);
INSERT INTO environments_autoincrement (id, name, variables_json, active, updated_at_ms)
  SELECT id, name, variables_json, active, updated_at_ms FROM environments;
DROP TABLE environments;
ALTER TABLE environments_autoincrement RENAME TO environments;
DELETE FROM sqlite_sequence WHERE name = 'environments';
INSERT INTO sqlite_sequence (name, seq) VALUES ('environments', COALESCE((SELECT MAX(id) FROM environments), 0));
