-- Captures whose rule delayed the response, marked just before that response is written. After a kill, a capture here
-- and not in responses_written was killed mid-write: its client may or may not have the response, and the next start
-- says so instead of recording it as never sent (see unsent-after-kill.ts). Emptied at each start.
CREATE TABLE responses_being_written (capture_id INTEGER PRIMARY KEY);
