-- Deleted captures kept for a few minutes so a delete can be undone (capture-trash.ts): the capture as the inbox holds
-- one (JSON, with the labels it was filed with) and its body. Undo moves a row back into capture_inbox under its id.
CREATE TABLE capture_trash (
  id INTEGER PRIMARY KEY,
  deleted_at_ms INTEGER NOT NULL,
  capture TEXT NOT NULL,
  body BLOB NOT NULL
);
CREATE INDEX capture_trash_by_age ON capture_trash (deleted_at_ms);
