-- A bulk send's rate is of the time it ran: the time it spent paused is kept apart. `paused_ms`: the pauses that
-- ended (resumed); `paused_at_ms`: when the current pause began, NULL while it runs.
ALTER TABLE bulk_jobs ADD COLUMN paused_ms INTEGER NOT NULL DEFAULT 0;
ALTER TABLE bulk_jobs ADD COLUMN paused_at_ms INTEGER;
