-- A bulk send keeps its first 100 row errors; this counts the ones left out, so the job can say how many went unnamed.
ALTER TABLE bulk_jobs ADD COLUMN row_errors_omitted INTEGER NOT NULL DEFAULT 0;
