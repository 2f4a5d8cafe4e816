-- Custom labels for field IDs (imported Ortto instance schemas, CSV/JSON id → label, hand edits).
CREATE TABLE decode_dictionaries (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('ortto-schema', 'csv', 'json', 'manual')),
  created_at_ms INTEGER NOT NULL,
  updated_at_ms INTEGER NOT NULL
);

-- activity_id '' = a label for the ID everywhere; otherwise only for that activity's attribute.
CREATE TABLE decode_dictionary_entries (
  dictionary_id INTEGER NOT NULL REFERENCES decode_dictionaries(id) ON DELETE CASCADE,
  field_id TEXT NOT NULL,
  activity_id TEXT NOT NULL DEFAULT '',
  label TEXT NOT NULL,
  display_type TEXT,
  PRIMARY KEY (dictionary_id, field_id, activity_id)
) WITHOUT ROWID;
