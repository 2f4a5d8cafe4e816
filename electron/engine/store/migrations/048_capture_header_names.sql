-- The header names each capture has, lower-cased by SQLite's lower() (ASCII only) as the header filter compares them,
-- so filtering or counting by a name most captures have (content-type, user-agent) reads an index instead of every
-- capture's headers (seconds at 1M captures). Names only: a value filter reads the headers of the captures named here.
-- Request headers only, as the filter. Deleting a capture deletes its rows (capture-store.ts).
CREATE TABLE capture_header_names (
  name TEXT NOT NULL,
  capture_id INTEGER NOT NULL,
  PRIMARY KEY (name, capture_id)
) WITHOUT ROWID;
-- Every capture filed from now on (the filer's insert, or an undone delete filed again).
CREATE TRIGGER capture_header_names_on_file AFTER INSERT ON captures BEGIN
  INSERT OR IGNORE INTO capture_header_names (name, capture_id)
    SELECT lower(h.value ->> 0), NEW.id FROM json_each(NEW.headers) h;
END;
-- Captures filed before this migration are covered in the background, newest first (header-name-backfill.ts); until it
-- is done, the filter reads the headers of those below this id.
INSERT INTO settings (key, value)
  SELECT 'headerNames.uncoveredBelowId', id + 1 FROM captures ORDER BY id DESC LIMIT 1;
