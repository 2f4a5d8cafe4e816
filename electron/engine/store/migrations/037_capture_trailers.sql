-- Trailer fields a sender put after a chunked body (Node's rawTrailers), as JSON [name, value] pairs in the order and
-- case sent; NULL when there were none, which is nearly always.
ALTER TABLE captures ADD COLUMN trailers TEXT;
