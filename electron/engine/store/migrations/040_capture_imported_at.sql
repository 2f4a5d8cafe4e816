-- When an imported capture was imported. Age retention counts an import from then: its received_at_ms is when the
-- request was originally sent (a HAR entry's startedDateTime), often older than the retention age, so it went at the
-- next prune. NULL for every capture the receiver or tunnel took.
ALTER TABLE captures ADD COLUMN imported_at_ms INTEGER;
-- Imports from before this column: when they came in is unknown, so they count from the upgrade.
UPDATE captures SET imported_at_ms = CAST(strftime('%s', 'now') AS INTEGER) * 1000 WHERE source = 'imported';
CREATE INDEX captures_by_import_time ON captures (imported_at_ms) WHERE imported_at_ms IS NOT NULL;
