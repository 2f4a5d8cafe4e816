-- The queue looks for attempts still out on every wake-up, whatever the row's state now (a cancel or a 410 does not
-- end the attempt); only those rows hold a lease, so this stays small however many deliveries have finished.
CREATE INDEX deliveries_leased ON deliveries (lease_until_ms) WHERE lease_owner IS NOT NULL;
