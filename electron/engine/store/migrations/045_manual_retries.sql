-- "Retry now" marks the delivery, and the attempt it starts records that it was started by hand, not by the schedule,
-- so the delivery's detail can say why it ran before the wait the previous attempt announced.
ALTER TABLE deliveries ADD COLUMN retry_now INTEGER NOT NULL DEFAULT 0;
ALTER TABLE delivery_attempts ADD COLUMN manual INTEGER NOT NULL DEFAULT 0;
