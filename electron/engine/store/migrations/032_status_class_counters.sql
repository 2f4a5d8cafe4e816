-- Kept counts of captures per response status class, so the status breakdown of everything stored is a lookup, not a
-- scan of the status index (≈ 1M entries at 1M captures, on the receiver's thread, every few seconds while the charts
-- are open). Maintained with the 'captures' counter by every insert and delete.
INSERT INTO counters (name, value) SELECT 'status_2xx', COUNT(*) FROM captures WHERE response_status BETWEEN 200 AND 299;
INSERT INTO counters (name, value) SELECT 'status_3xx', COUNT(*) FROM captures WHERE response_status BETWEEN 300 AND 399;
INSERT INTO counters (name, value) SELECT 'status_4xx', COUNT(*) FROM captures WHERE response_status BETWEEN 400 AND 499;
INSERT INTO counters (name, value) SELECT 'status_5xx', COUNT(*) FROM captures WHERE response_status BETWEEN 500 AND 599;
