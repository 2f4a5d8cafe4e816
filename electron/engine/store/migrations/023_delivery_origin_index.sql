-- The queue looks up due rows per destination, so a busy origin never hides the others.
CREATE INDEX deliveries_origin_due ON deliveries (state, origin, next_attempt_at_ms);
