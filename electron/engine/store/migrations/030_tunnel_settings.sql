-- Tunnel options of this profile (one row). Absent row = defaults (public localtunnel.me, server-chosen subdomain).
CREATE TABLE tunnel_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  subdomain TEXT,
  host TEXT NOT NULL,
  auto_start INTEGER NOT NULL DEFAULT 0,
  updated_at_ms INTEGER NOT NULL
);
