-- When a bulk send last began to run: started, resumed, or picked up again by an engine start. After a kill, the
-- downtime up to the next start is counted from the later of this and the job's last delivery activity, so a second
-- kill before the job did anything does not count the first one's downtime (or a pause) again. NULL: since created.
ALTER TABLE bulk_jobs ADD COLUMN running_since_ms INTEGER;
