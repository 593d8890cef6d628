-- Jobs: a bulk submission sent with Prefer: respond-async, or a re-extraction, run after its request
-- (as migrations/sqlite/006_jobs.sql). A job a dead process held is run again from its start: writes
-- are idempotent by content, and its counts and failures are recomputed from scratch.
CREATE TABLE jobs (
  id          TEXT COLLATE "C" PRIMARY KEY,
  kind        TEXT COLLATE "C" NOT NULL CHECK (kind IN ('bulk', 'reindex')),
  state       TEXT COLLATE "C" NOT NULL CHECK (state IN ('queued', 'running', 'succeeded', 'failed')),
  created_at  TIMESTAMPTZ NOT NULL,
  started_at  TIMESTAMPTZ,
  finished_at TIMESTAMPTZ,
  done        INTEGER NOT NULL DEFAULT 0,
  total       INTEGER,
  created     INTEGER NOT NULL DEFAULT 0,
  existing    INTEGER NOT NULL DEFAULT 0,
  failed      INTEGER NOT NULL DEFAULT 0,
  error       TEXT,
  input       BYTEA -- a bulk job's NDJSON body, as sent; NULL for a re-extraction and once finished
);

CREATE INDEX jobs_unfinished ON jobs (created_at, id) WHERE state IN ('queued', 'running');

CREATE TABLE job_failures (
  job_id  TEXT COLLATE "C" NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
  line    INTEGER NOT NULL,
  problem JSONB NOT NULL, -- the line's problem+json
  PRIMARY KEY (job_id, line)
);
