-- Each capture's request headers as keys of (lower-cased name, value), so filtering or counting by a header name AND
-- value reads an index instead of every named capture's headers (seconds at 1M captures when most have the value).
-- header_value_key is a function the app registers on its connection (header-value-key.ts). Deleting a capture
-- deletes its rows (capture-store.ts).
CREATE TABLE capture_header_values (
  value_key INTEGER NOT NULL,
  capture_id INTEGER NOT NULL,
  PRIMARY KEY (value_key, capture_id)
) WITHOUT ROWID;
CREATE TRIGGER capture_header_values_on_file AFTER INSERT ON captures BEGIN
  INSERT OR IGNORE INTO capture_header_values (value_key, capture_id)
    SELECT header_value_key(lower(h.value ->> 0), h.value ->> 1), NEW.id FROM json_each(NEW.headers) h;
END;
-- Captures filed before this migration get their rows from the same background pass as their names
-- (header-name-backfill.ts), started again from the newest; until it is done, the filter reads the headers of those
-- below this id (their names are filed again, harmlessly).
INSERT OR REPLACE INTO settings (key, value)
  SELECT 'headerNames.uncoveredBelowId', id + 1 FROM captures ORDER BY id DESC LIMIT 1;
