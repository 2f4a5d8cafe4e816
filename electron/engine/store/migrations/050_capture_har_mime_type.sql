-- An imported capture whose HAR entry had no Content-Type header keeps the type postData.mimeType gave, parameters
-- and all (`text/plain; charset=iso-8859-1`): content_type holds the media type alone, for filters and counts, and
-- replay, cURL and HAR export would send the body without its charset or boundary.
ALTER TABLE captures ADD COLUMN har_mime_type TEXT;
