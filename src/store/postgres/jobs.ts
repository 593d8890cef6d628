import { MAX_LISTED_FAILURES, type Job, type JobCounts, type JobFailure, type JobKind, type JobState } from '../../domain/jobs.js'
import type { Queryable } from './connection.js'

interface JobRow {
  id: string
  kind: JobKind
  state: JobState
  created_at: string
  started_at: string | null
  finished_at: string | null
  done: number
  total: number | null
  created: number
  existing: number
  failed: number
  error: string | null
}

const COLUMNS = 'id, kind, state, created_at, started_at, finished_at, done, total, created, existing, failed, error'

function toJob (row: JobRow, failures: JobFailure[]): Job {
  return {
    id: row.id,
    kind: row.kind,
    state: row.state,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    counts: { done: row.done, total: row.total, created: row.created, existing: row.existing, failed: row.failed },
    failures,
    error: row.error
  }
}

/** How long a runner holds a job without recording progress before another may take it over. */
export const JOB_LEASE_SECONDS = 30

/** Jobs and their failed lines, as the SQLite adapter keeps them (store/sqlite/jobs.ts), leased to one runner at a time. */
export const pgJobs = {
  async create (db: Queryable, id: string, kind: JobKind, input: Buffer | null, total: number | null, now: Date): Promise<Job> {
    const { rows } = await db.query<JobRow>(`INSERT INTO jobs (id, kind, state, created_at, total, input)
      VALUES ($1, $2, 'queued', $3, $4, $5) RETURNING ${COLUMNS}`, [id, kind, now.toISOString(), total, input])
    return toJob(rows[0] as JobRow, [])
  },

  async get (db: Queryable, id: string): Promise<Job | null> {
    const { rows } = await db.query<JobRow>(`SELECT ${COLUMNS} FROM jobs WHERE id = $1`, [id])
    const row = rows[0]
    if (!row) return null
    const failures = await db.query<JobFailure>('SELECT line, problem FROM job_failures WHERE job_id = $1 ORDER BY line LIMIT $2',
      [id, MAX_LISTED_FAILURES])
    return toJob(row, failures.rows)
  },

  async input (db: Queryable, id: string): Promise<Buffer | null> {
    const { rows } = await db.query<{ input: Buffer | null }>('SELECT input FROM jobs WHERE id = $1', [id])
    return rows[0]?.input ?? null
  },

  /**
   * Running from scratch under a new lease: a queued job, or a running one whose runner stopped
   * renewing its lease (it died). One statement, so two runners never both take a job.
   */
  async claim (db: Queryable, id: string, now: Date): Promise<boolean> {
    const { rows } = await db.query<{ id: string }>(`WITH claimed AS (
        UPDATE jobs SET state = 'running', started_at = $2, finished_at = NULL, done = 0, created = 0, existing = 0,
          failed = 0, error = NULL, lease_until = $2::timestamptz + make_interval(secs => ${JOB_LEASE_SECONDS})
        WHERE id = $1 AND (state = 'queued' OR (state = 'running' AND (lease_until IS NULL OR lease_until < $2)))
        RETURNING id),
      cleared AS (DELETE FROM job_failures WHERE job_id IN (SELECT id FROM claimed))
      SELECT id FROM claimed`, [id, now.toISOString()])
    return rows.length > 0
  },

  async record (db: Queryable, id: string, counts: JobCounts, failures: readonly JobFailure[]): Promise<void> {
    await db.query(`UPDATE jobs SET done = $2, total = coalesce($3, total), created = $4, existing = $5, failed = $6,
        lease_until = now() + make_interval(secs => ${JOB_LEASE_SECONDS})
      WHERE id = $1 AND state = 'running'`, [id, counts.done, counts.total, counts.created, counts.existing, counts.failed])
    if (failures.length === 0) return
    await db.query(`INSERT INTO job_failures (job_id, line, problem)
      SELECT $1, line, problem FROM unnest($2::int[], $3::jsonb[]) AS f (line, problem)
      ON CONFLICT (job_id, line) DO UPDATE SET problem = excluded.problem`,
    [id, failures.map((f) => f.line), failures.map((f) => JSON.stringify(f.problem))])
  },

  async finish (db: Queryable, id: string, state: 'succeeded' | 'failed', error: string | null, now: Date): Promise<void> {
    await db.query(`UPDATE jobs SET state = $2, finished_at = $3, error = $4, input = NULL WHERE id = $1 AND state = 'running'`,
      [id, state, now.toISOString(), error])
  },

  async unfinished (db: Queryable): Promise<string[]> {
    const { rows } = await db.query<{ id: string }>(`SELECT id FROM jobs WHERE state IN ('queued', 'running') ORDER BY created_at, id`)
    return rows.map((row) => row.id)
  }
}
