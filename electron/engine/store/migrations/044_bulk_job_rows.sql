-- A bulk send's rows (megabytes for a large file) in a table of their own, in parts written one per event-loop turn:
-- in bulk_jobs every update of the job's cursor rewrote them, and reading any later column walked through them.
-- `rows_key` links a job to its parts; parts no running or paused job links to are dropped.
CREATE TABLE bulk_job_rows (
  rows_key  INTEGER NOT NULL,
  part      INTEGER NOT NULL,
  rows_json TEXT    NOT NULL,
  PRIMARY KEY (rows_key, part)
);
ALTER TABLE bulk_jobs ADD COLUMN rows_key INTEGER;
INSERT INTO bulk_job_rows (rows_key, part, rows_json) SELECT id, 0, rows_json FROM bulk_jobs WHERE rows_json <> '[]';
UPDATE bulk_jobs SET rows_key = id WHERE rows_json <> '[]';
UPDATE bulk_jobs SET rows_json = '[]';
