-- A request target ending in a bare `?` (`/hook?`): its query is '' as for `/hook`, which had none. 1 keeps the `?`,
-- so the capture URL, a replay and the exports send the target as received.
ALTER TABLE captures ADD COLUMN empty_query INTEGER NOT NULL DEFAULT 0;
