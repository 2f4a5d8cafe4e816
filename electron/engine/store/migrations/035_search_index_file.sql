-- The full-text index moved to its own database file (hookscope-index.sqlite, see store/search-index), written by a
-- worker thread: FTS5's merges there hold neither the receiver's thread nor this database's write lock. It is rebuilt
-- from the captures on first start.
DROP TABLE captures_fts_vocab;
DROP TABLE captures_fts;
DELETE FROM counters WHERE name = 'fts_indexed_upto';
