-- Captures per endpoint per minute of arrival, kept like the counters, so the charts' rate over the last 30 minutes is
-- at most 30 rows per endpoint. Walking the time index instead cost one entry per capture in the window (9M after
-- half an hour at 5k/s) on the receiver's thread every 5 s, and an endpoint's rate a table lookup per entry on top.
-- endpoint 0 holds captures with no endpoint (imports). Maintained by every insert and delete; rows at 0 are removed.
CREATE TABLE capture_minutes (
  endpoint_id INTEGER NOT NULL,
  minute INTEGER NOT NULL,
  captures INTEGER NOT NULL,
  PRIMARY KEY (endpoint_id, minute)
) WITHOUT ROWID;
CREATE INDEX capture_minutes_by_minute ON capture_minutes (minute);

INSERT INTO capture_minutes (endpoint_id, minute, captures)
  SELECT COALESCE(endpoint_id, 0), received_at_ms / 60000, COUNT(*) FROM captures GROUP BY 1, 2;
