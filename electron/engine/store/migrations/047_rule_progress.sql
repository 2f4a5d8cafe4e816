-- How far each endpoint's fail-first or sequence rule has counted, so a restart does not start the count again.
-- rule_version is a hash of the rule the count belongs to: a count for another rule is not used.
CREATE TABLE rule_progress (
  endpoint_id INTEGER PRIMARY KEY,
  rule_version TEXT NOT NULL,
  counted INTEGER NOT NULL
);
