-- Bulk sends: one template over many rows; rows are enqueued as deliveries batch by batch.
CREATE TABLE bulk_jobs (
  id             INTEGER PRIMARY KEY,
  created_at_ms  INTEGER NOT NULL,
  state          TEXT    NOT NULL,
  template_json  TEXT    NOT NULL,
  options_json   TEXT    NOT NULL,
  rows_json      TEXT    NOT NULL,
  total          INTEGER NOT NULL,
  next_row       INTEGER NOT NULL DEFAULT 0,
  skipped        INTEGER NOT NULL DEFAULT 0,
  row_errors_json TEXT   NOT NULL DEFAULT '[]',
  finished_at_ms INTEGER
);
