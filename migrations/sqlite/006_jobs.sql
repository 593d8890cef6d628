-- Jobs: a bulk submission sent with Prefer: respond-async, or a re-extraction, run after its request.
-- A job is restarted from its beginning when the process running it died: writes are idempotent by
-- content (an article's id is its text's hash), so a rerun stores nothing twice, and the counts and
-- failures are recomputed from scratch.
CREATE TABLE jobs (
  id          TEXT PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('bulk', 'reindex')),
  state       TEXT NOT NULL CHECK (state IN ('queued', 'running', 'succeeded', 'failed')),
  created_at  TEXT NOT NULL,
  started_at  TEXT,
  finished_at TEXT,
  done        INTEGER NOT NULL DEFAULT 0,
  total       INTEGER,
  created     INTEGER NOT NULL DEFAULT 0,
  existing    INTEGER NOT NULL DEFAULT 0,
  failed      INTEGER NOT NULL DEFAULT 0,
  error       TEXT,
  input       BLOB -- a bulk job's NDJSON body, as sent; NULL for a re-extraction
) STRICT;

CREATE INDEX jobs_unfinished ON jobs (state, created_at) WHERE state IN ('queued', 'running');

CREATE TABLE job_failures (
  job_id  TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
  line    INTEGER NOT NULL,
  problem TEXT NOT NULL, -- the line's problem+json
  PRIMARY KEY (job_id, line)
) STRICT, WITHOUT ROWID;
