-- Captures whose rule delayed the response, once that response was written. A capture is committed (and its response
-- recorded) before the delay runs out; when the process is killed meanwhile, the next start finds its capture here or
-- not, and records the response as never sent (see unsent-after-kill.ts). Written after the response, never before the
-- acknowledgement; emptied at each start.
CREATE TABLE responses_written (capture_id INTEGER PRIMARY KEY);
