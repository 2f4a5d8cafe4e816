-- Before the large-body waiting mark (largeBody.pendingAfterId), a stop before the background classifier reached a
-- capture over 64 KB (or compressed) left it unlabelled for good, and nothing tells such a capture from one classified
-- with no vendor. The captures filed before this upgrade are classified once more in the background, newest first
-- (large-body-backlog.ts); those after a waiting mark are resumed from it as usual.
INSERT INTO settings (key, value)
  SELECT 'largeBody.uncheckedBelowId',
    MIN(MAX(id), COALESCE((SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'largeBody.pendingAfterId'), MAX(id))) + 1
  FROM captures HAVING MAX(id) IS NOT NULL;
