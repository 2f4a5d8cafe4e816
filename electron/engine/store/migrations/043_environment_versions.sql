-- The version of each environment, so an edit opened before another client changed it is refused instead of saved
-- over (environments.save's ifUpdatedAtMs).
ALTER TABLE environments ADD COLUMN updated_at_ms INTEGER NOT NULL DEFAULT 0;
