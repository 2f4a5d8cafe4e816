-- Outgoing deliveries (a request plus a retry policy) and every attempt made for them.
CREATE TABLE deliveries (
  id                INTEGER PRIMARY KEY,
  uid               TEXT    NOT NULL UNIQUE,
  created_at_ms     INTEGER NOT NULL,
  name              TEXT    NOT NULL DEFAULT '',
  type              TEXT    NOT NULL,
  policy            TEXT    NOT NULL,
  policy_json       TEXT    NOT NULL DEFAULT '{}',
  state             TEXT    NOT NULL,
  method            TEXT    NOT NULL,
  url               TEXT    NOT NULL,
  origin            TEXT    NOT NULL,
  headers_json      TEXT    NOT NULL,
  body              BLOB    NOT NULL,
  signing_json      TEXT,
  time_scale        REAL    NOT NULL DEFAULT 1,
  timeout_ms        INTEGER NOT NULL,
  rate_per_minute   REAL,
  concurrency       INTEGER,
  webhook_id        INTEGER,
  bulk_job_id       INTEGER,
  bulk_row          INTEGER,
  attempts          INTEGER NOT NULL DEFAULT 0,
  -- attempts made before the last retry-now on a finished delivery: the schedule restarts after them
  policy_offset     INTEGER NOT NULL DEFAULT 0,
  next_attempt_at_ms INTEGER,
  lease_owner       TEXT,
  lease_until_ms    INTEGER,
  last_status       INTEGER,
  last_error        TEXT,
  last_duration_ms  REAL,
  last_attempt_at_ms INTEGER,
  last_response_preview TEXT,
  finished_at_ms    INTEGER
);
CREATE INDEX deliveries_due ON deliveries (state, next_attempt_at_ms);
CREATE INDEX deliveries_bulk ON deliveries (bulk_job_id, state) WHERE bulk_job_id IS NOT NULL;
CREATE UNIQUE INDEX deliveries_bulk_row ON deliveries (bulk_job_id, bulk_row) WHERE bulk_job_id IS NOT NULL;

CREATE TABLE delivery_attempts (
  id                  INTEGER PRIMARY KEY,
  delivery_id         INTEGER NOT NULL REFERENCES deliveries (id) ON DELETE CASCADE,
  attempt_no          INTEGER NOT NULL,
  started_at_ms       INTEGER NOT NULL,
  duration_ms         REAL    NOT NULL,
  status              INTEGER,
  error               TEXT,
  outcome             TEXT    NOT NULL,
  next_wait_ms        INTEGER,
  request_headers_json TEXT   NOT NULL,
  response_headers_json TEXT  NOT NULL,
  response_body       BLOB    NOT NULL,
  response_body_bytes INTEGER NOT NULL,
  signed_string       TEXT,
  UNIQUE (delivery_id, attempt_no)
);
CREATE INDEX delivery_attempts_started ON delivery_attempts (started_at_ms);
