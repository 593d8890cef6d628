import type { Statement } from 'better-sqlite3'
import { MAX_LISTED_FAILURES, type Job, type JobCounts, type JobFailure, type JobKind, type JobState } from '../../domain/jobs.js'
import type { Db } from './connection.js'

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

/** Jobs and their failed lines: what /jobs/{id} shows and what a runner claims, records and finishes. */
export class JobRepository {
  readonly #db: Db
  readonly #insert: Statement
  readonly #get: Statement<[string], JobRow>
  readonly #failures: Statement<[string, number], { line: number, problem: string }>
  readonly #input: Statement<[string], { input: Buffer | null }>
  readonly #claim: Statement<{ id: string, now: string }>
  readonly #clearFailures: Statement<[string]>
  readonly #progress: Statement
  readonly #addFailure: Statement<[string, number, string]>
  readonly #finish: Statement
  readonly #unfinished: Statement<[], { id: string }>

  constructor (db: Db) {
    this.#db = db
    this.#insert = db.prepare(`INSERT INTO jobs (id, kind, state, created_at, total, input)
      VALUES (@id, @kind, 'queued', @createdAt, @total, @input)`)
    this.#get = db.prepare(`SELECT ${COLUMNS} FROM jobs WHERE id = ?`)
    this.#failures = db.prepare('SELECT line, problem FROM job_failures WHERE job_id = ? ORDER BY line LIMIT ?')
    this.#input = db.prepare('SELECT input FROM jobs WHERE id = ?')
    // a running job claimed again belonged to a process that died: it starts over, counts and all
    this.#claim = db.prepare(`UPDATE jobs SET state = 'running', started_at = @now, finished_at = NULL, done = 0,
        created = 0, existing = 0, failed = 0, error = NULL
      WHERE id = @id AND state IN ('queued', 'running')`)
    this.#clearFailures = db.prepare('DELETE FROM job_failures WHERE job_id = ?')
    this.#progress = db.prepare(`UPDATE jobs SET done = @done, total = coalesce(@total, total), created = @created,
        existing = @existing, failed = @failed WHERE id = @id AND state = 'running'`)
    this.#addFailure = db.prepare('INSERT OR REPLACE INTO job_failures (job_id, line, problem) VALUES (?, ?, ?)')
    this.#finish = db.prepare(`UPDATE jobs SET state = @state, finished_at = @now, error = @error, input = NULL
      WHERE id = @id AND state = 'running'`)
    this.#unfinished = db.prepare(`SELECT id FROM jobs WHERE state IN ('queued', 'running') ORDER BY created_at, id`)
  }

  create (id: string, kind: JobKind, input: Buffer | null, total: number | null, now: Date): Job {
    this.#insert.run({ id, kind, createdAt: now.toISOString(), total, input })
    const job = this.get(id)
    if (!job) throw new Error(`job ${id} vanished as it was created`)
    return job
  }

  get (id: string): Job | null {
    const row = this.#get.get(id)
    if (!row) return null
    const failures = this.#failures.all(id, MAX_LISTED_FAILURES)
      .map(({ line, problem }) => ({ line, problem: JSON.parse(problem) as JobFailure['problem'] }))
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

  input (id: string): Buffer | null {
    return this.#input.get(id)?.input ?? null
  }

  /** Marks a queued (or orphaned running) job as running, from scratch; false when it is finished or gone. */
  claim (id: string, now: Date): boolean {
    return this.#db.transaction(() => {
      if (this.#claim.run({ id, now: now.toISOString() }).changes === 0) return false
      this.#clearFailures.run(id)
      return true
    }).immediate()
  }

  /** Sets the counts so far (absolute: a rerun overwrites them) and adds the lines that failed. */
  record (id: string, counts: JobCounts, failures: readonly JobFailure[]): void {
    this.#db.transaction(() => {
      this.#progress.run({ id, ...counts })
      for (const f of failures) this.#addFailure.run(id, f.line, JSON.stringify(f.problem))
    }).immediate()
  }

  finish (id: string, state: 'succeeded' | 'failed', error: string | null, now: Date): void {
    this.#finish.run({ id, state, error, now: now.toISOString() })
  }

  unfinished (): string[] {
    return this.#unfinished.all().map((row) => row.id)
  }
}
