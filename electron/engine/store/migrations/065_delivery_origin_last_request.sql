-- The latest request to each destination among deliveries the user cleared (or retention pruned), and the rate its
-- delivery had: the rate gate is seeded from it after a restart when the rows themselves are gone.
CREATE TABLE delivery_origin_last_request (
  origin TEXT PRIMARY KEY,
  at_ms INTEGER NOT NULL,
  rate_per_minute REAL
) WITHOUT ROWID;
