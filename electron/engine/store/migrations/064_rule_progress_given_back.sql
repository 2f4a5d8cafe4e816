-- The steps of each endpoint's count given back (their senders left before the delayed answer) and not yet handed out
-- again, as a JSON array, lowest first: the next requests take them before the count goes on, after a restart too.
-- `counted` keeps its meaning (steps handed out and not given back), so a row written before this column reads as before.
ALTER TABLE rule_progress ADD COLUMN given_back TEXT NOT NULL DEFAULT '[]';
