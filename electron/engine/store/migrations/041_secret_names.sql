-- Header and query names an endpoint has ever made secret (its auth header or query parameter, its signature
-- header), lower case. Exports redact them in every capture: a capture keeps the secret it arrived with after its
-- endpoint is deleted or its auth changed. Seeded from the endpoints there are now.
CREATE TABLE secret_names (
  kind TEXT NOT NULL CHECK (kind IN ('header', 'query')),
  name TEXT NOT NULL,
  PRIMARY KEY (kind, name)
) WITHOUT ROWID;
INSERT OR IGNORE INTO secret_names (kind, name)
  SELECT json_extract(auth, '$.kind'), lower(json_extract(auth, '$.name')) FROM endpoints
  WHERE json_valid(auth) AND json_extract(auth, '$.kind') IN ('header', 'query')
    AND COALESCE(json_extract(auth, '$.name'), '') <> '';
INSERT OR IGNORE INTO secret_names (kind, name)
  SELECT 'header', lower(json_extract(verify, '$.header')) FROM endpoints
  WHERE json_valid(verify) AND COALESCE(json_extract(verify, '$.header'), '') <> '';
