-- Whether an attempt's kept response body was decoded from its Content-Encoding (1) or kept as received (0): a body
-- labelled with a coding it is not in (plain text sent as gzip) is kept as received, though the coding is one the
-- engine undoes. NULL: recorded before this column existed; the detail then judges by the coding alone.
ALTER TABLE delivery_attempts ADD COLUMN response_body_decoded INTEGER;
