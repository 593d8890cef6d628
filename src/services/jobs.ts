import { randomUUID } from 'node:crypto'
import { Readable } from 'node:stream'
import { MAX_LISTED_FAILURES, type Job, type JobCounts, type JobFailure } from '../domain/jobs.js'
import type { ParsedArticle } from '../domain/extraction.js'
import type { Store } from '../store/store.js'
import { ingestStream } from './bulk.js'
import { reindex, staleVersions } from './reindex.js'
import { PIPELINE, type Parser } from './submissions.js'

export interface JobOptions {
  /** The longest bulk line, in bytes (the limit of one article's body). */
  maxLineBytes: number
  batchSize?: number
  parser?: Parser
  /** Parses bulk lines off this thread (see ingestStream). */
  pool?: { parse: (text: string) => Promise<ParsedArticle> }
  /** Stops a job between two batches; it is left running, to start over when a runner takes it again. */
  signal?: AbortSignal
  /** How often progress is recorded, at most (default 1 s). */
  recordEveryMs?: number
}

/** Counts and new failures gathered between two records of a job's progress. */
class Progress {
  readonly counts: JobCounts = { done: 0, total: null, created: 0, existing: 0, failed: 0 }
  #failures: JobFailure[] = []
  #listed = 0
  #recordedAt = Date.now()

  constructor (readonly store: Store, readonly id: string, readonly everyMs: number) {}

  fail (failure: JobFailure): void {
    this.counts.failed++
    if (this.#listed++ < MAX_LISTED_FAILURES) this.#failures.push(failure)
  }

  async record (force = false): Promise<void> {
    if (!force && Date.now() - this.#recordedAt < this.everyMs) return
    await this.store.recordJob(this.id, this.counts, this.#failures)
    this.#failures = []
    this.#recordedAt = Date.now()
  }
}

/** Queues a bulk submission's NDJSON body as a job. */
export async function queueBulkJob (store: Store, input: Buffer, now = new Date()): Promise<Job> {
  return store.createJob({ id: randomUUID(), kind: 'bulk', input, total: null }, now)
}

/** Queues a re-extraction of every article parsed by an older extractor than `parser`'s. */
export async function queueReindexJob (store: Store, parser: Parser = PIPELINE, now = new Date()): Promise<Job> {
  const total = (await staleVersions(store, parser.version)).reduce((sum, v) => sum + v.count, 0)
  return store.createJob({ id: randomUUID(), kind: 'reindex', input: null, total }, now)
}

async function runBulk (store: Store, id: string, progress: Progress, options: JobOptions): Promise<boolean> {
  const input = await store.jobInput(id)
  if (input === null) throw new Error('the job\'s input is gone')
  const lines = ingestStream(Readable.from([input]), store, {
    maxLineBytes: options.maxLineBytes,
    instance: `/jobs/${id}`,
    ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
    ...(options.pool ? { pool: options.pool } : {})
  }, options.parser ?? PIPELINE)
  for await (const result of lines) {
    if (options.signal?.aborted === true) return false
    if (result.status === 'done') {
      progress.counts.done = progress.counts.total = result.lines
      continue
    }
    progress.counts.done = result.line
    if (result.status === 'failed') progress.fail({ line: result.line, problem: result.problem })
    else progress.counts[result.status]++
    await progress.record()
  }
  return true
}

async function runReindex (store: Store, progress: Progress, options: JobOptions): Promise<boolean> {
  const summary = await reindex(store, {
    ...(options.parser ? { parser: options.parser } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    onProgress: async (n) => {
      progress.counts.done += n
      await progress.record() // renews the job's lease too
    }
  })
  progress.counts.total = progress.counts.done + summary.remaining
  return !summary.interrupted
}

/**
 * Runs one job: claims it (from scratch, if a process that died had it), does its work recording
 * progress, and finishes it. Stopped by `signal`, it is left running for a later runner to redo:
 * writes are idempotent by content, so a rerun stores nothing twice. False when it was not to run.
 */
export async function runJob (store: Store, id: string, options: JobOptions): Promise<boolean> {
  if (!await store.claimJob(id)) return false
  const job = await store.getJob(id)
  if (!job) return false
  const progress = new Progress(store, id, options.recordEveryMs ?? 1000)
  try {
    const finished = job.kind === 'bulk' ? await runBulk(store, id, progress, options) : await runReindex(store, progress, options)
    if (!finished) return true
    await progress.record(true)
    await store.finishJob(id, 'succeeded', null)
  } catch (error) {
    if (options.signal?.aborted === true) return true
    await progress.record(true)
    await store.finishJob(id, 'failed', error instanceof Error ? error.message : String(error))
  }
  return true
}

/** Where a queued job goes: a runner in this process, or the workers (`npm run worker`). */
export interface JobQueue {
  enqueue: (id: string) => void
  resume: () => Promise<void>
  idle: () => Promise<void>
  close: () => Promise<void>
}

/** Jobs left in the store for `npm run worker` processes to claim (PostgreSQL: the jobs are theirs). */
export const LEFT_TO_WORKERS: JobQueue = {
  enqueue: () => {},
  resume: async () => {},
  idle: async () => {},
  close: async () => {}
}

/**
 * Runs jobs in this process, one at a time, in the order queued: the SQLite store's runner (one
 * process owns a SQLite file's writes). On start it takes over the jobs left unfinished.
 */
export class InProcessJobs implements JobQueue {
  readonly #store: Store
  readonly #options: JobOptions
  readonly #stop = new AbortController()
  #chain: Promise<unknown> = Promise.resolve()

  constructor (store: Store, options: Omit<JobOptions, 'signal'>) {
    this.#store = store
    this.#options = { ...options, signal: this.#stop.signal }
  }

  /** Queues the unfinished jobs the store holds (after a restart). */
  async resume (): Promise<void> {
    for (const id of await this.#store.unfinishedJobs()) this.enqueue(id)
  }

  enqueue (id: string): void {
    this.#chain = this.#chain.then(() => this.#stop.signal.aborted ? false : runJob(this.#store, id, this.#options)).catch(() => {})
  }

  /** Resolves when the queue is empty: tests wait for their jobs here. */
  async idle (): Promise<void> {
    for (let chain = this.#chain; ; chain = this.#chain) {
      await chain
      if (chain === this.#chain) return
    }
  }

  /** Stops after the batch in progress; the job left running is redone by the next start. */
  async close (): Promise<void> {
    this.#stop.abort()
    await this.#chain
  }
}
