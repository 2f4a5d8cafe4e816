-- Whether an attempt's response_body_bytes is only the bytes read before the read limit (1), the answer declaring no
-- size (chunked): its full size is unknown, at least that. 0 for every attempt recorded before this column existed.
ALTER TABLE delivery_attempts ADD COLUMN response_body_size_unknown INTEGER NOT NULL DEFAULT 0;
