-- FTS5 merges up to 8 segments of a level at a time (default 4). Every index write pays for automerge work in
-- proportion to the number of levels; with 8 per level there are fewer levels, and a 48-row write under a saturated
-- receiver took p99 8.7-12.7 ms instead of 15-15.6 ms (A/B, 15 s runs). Queries read a few more segments per level.
INSERT INTO captures_fts (captures_fts, rank) VALUES ('automerge', 8);
