-- The index's vocabulary, so a search can tell a whole word the user finished typing (matched exactly: streams
-- newest-first and stops after one page) from a partial one (matched as a prefix, which must gather every match).
CREATE VIRTUAL TABLE captures_fts_vocab USING fts5vocab(captures_fts, 'row');
