-- A request refused before `100 Continue` (failed auth, a rate limit): its body was never sent, so the capture holds
-- none of it. 1 tells it from a body cut at the size limit or one the sender broke off.
ALTER TABLE captures ADD COLUMN body_not_sent INTEGER NOT NULL DEFAULT 0;
