-- When the delivery was last claimed for an attempt (≈ when its request went out). A reclaim after a crash logs the
-- interrupted attempt from then, and the rate gate is seeded from it. NULL: claimed before this column existed.
ALTER TABLE deliveries ADD COLUMN claimed_at_ms INTEGER;
