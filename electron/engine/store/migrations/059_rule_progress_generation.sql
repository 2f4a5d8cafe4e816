-- How many times saving each endpoint restarted its rule's count. A response records it with the rule step it took, so
-- a step taken before a save that left the rule unchanged (the rule version alone cannot tell) is never given back to
-- the count that save restarted, after a kill too. Restarting a count keeps the row and raises this.
ALTER TABLE rule_progress ADD COLUMN generation INTEGER NOT NULL DEFAULT 0;
