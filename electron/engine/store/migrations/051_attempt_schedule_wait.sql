-- When a target's Retry-After set a longer wait than the policy's schedule, the attempt keeps the schedule's own
-- wait beside it, so its detail can say where the wait came from. NULL: the wait is the schedule's.
ALTER TABLE delivery_attempts ADD COLUMN schedule_wait_ms INTEGER;
