import { AsyncLocalStorage } from 'node:async_hooks'
import type pg from 'pg'
import { IdempotencyKeyReused, Unavailable } from '../../domain/errors.js'
import type { ParsedArticle } from '../../domain/extraction.js'
import type { JobCounts, JobFailure, JobKind } from '../../domain/jobs.js'
import type {
  ArticleMetadata, CreateOutcome, IdempotentWrite, NewArticle, SaveOutcome, Store, StoreLists, StoreReadiness
} from '../store.js'
import { createPool, type Queryable } from './connection.js'
import { PgArticleWriter } from './article-writer.js'
import { PgIdempotencyKeys } from './idempotency-keys.js'
import { pgJobs } from './jobs.js'
import { JobQueue } from './job-queue.js'
import { lockNames } from './locks.js'
import { createLists } from './lists/index.js'
import { migrate, pendingMigrations, readMigrations } from './migrate.js'
import * as reads from './reads.js'
import { ReadRouting } from './read-routing.js'
import { timeline } from './timeline.js'
import { inTransaction } from './transaction.js'
import { unavailableOn } from './unavailable.js'

export interface PostgresStoreOptions {
  primary: URL
  replicas?: URL[]
  /** Connections per pool (default 10): PostgreSQL's max_connections is shared by every process. */
  poolSize?: number
  /** Apply pending migrations on open (default true); under an advisory lock, so two processes never both do. */
  migrate?: boolean
}

type Created = { id: string, outcome: CreateOutcome }

// every write transaction notifies on commit; every process listens, so its response cache follows
// writes made anywhere
const CHANNEL = 'news_data_changed'

/**
 * The PostgreSQL store: writes on the primary, one transaction each (advisory locks keep concurrent
 * writers from splitting one referent), reads routed to a streaming replica that has replayed this
 * process's writes, else to the primary (read-routing.ts).
 */
export class PostgresStore implements Store {
  readonly primary: pg.Pool
  readonly routing: ReadRouting
  readonly lists: StoreLists
  readonly #replicas: pg.Pool[]
  readonly #writer = new PgArticleWriter()
  readonly #keys = new PgIdempotencyKeys()
  #listener: pg.PoolClient | null = null
  #localWrites = 0
  #notified = 0
  #listening = false
  /** A client's consistency token, for the reads of its request. */
  readonly #after = new AsyncLocalStorage<string>()
  #lastWrite: string | null = null
  readonly #primaryUrl: URL
  #queue: Promise<JobQueue> | null = null

  private constructor (options: PostgresStoreOptions) {
    const max = options.poolSize ?? 10
    this.#primaryUrl = options.primary
    this.primary = createPool(options.primary, { max, applicationName: 'structured-news-api' })
    this.#replicas = (options.replicas ?? []).map((url) => createPool(url, { max, applicationName: 'structured-news-api (reads)' }))
    this.routing = new ReadRouting(this.primary, this.#replicas.map((pool, i) => ({ name: `replica ${i + 1}`, pool })))
    // each list query asks the routing which pool to read from, at the time it runs
    const reader: Queryable = { query: ((...args: Parameters<pg.Pool['query']>) => this.#readPool().query(...args)) as pg.Pool['query'] }
    this.lists = createLists(reader)
  }

  /** Opens the pools, applies pending migrations (default) and starts following writes and replicas. */
  static async open (options: PostgresStoreOptions): Promise<PostgresStore> {
    const store = new PostgresStore(options)
    try {
      if (options.migrate ?? true) await unavailableOn(() => migrate(store.primary), 'The primary database')
      // reads wait for a replica that has what the primary holds now (the schema included)
      await store.#recordPosition()
      await store.#listen()
      await store.routing.check()
    } catch (error) {
      await store.close()
      throw error
    }
    return store
  }

  async #listen (): Promise<void> {
    try {
      this.#listener = await this.primary.connect()
      this.#listener.on('notification', () => { this.#notified++ })
      this.#listener.on('error', () => { this.#listening = false })
      await this.#listener.query(`LISTEN ${CHANNEL}`)
      this.#listening = true
    } catch {
      this.#listening = false
    }
  }

  #readPool (): pg.Pool {
    return this.routing.forRead(this.#after.getStore())
  }

  /** Reads through the routing: a caught-up replica, else the primary. */
  async #read<T> (fn: (db: pg.Pool) => Promise<T>): Promise<T> {
    return unavailableOn(() => fn(this.#readPool()), 'The database')
  }

  consistencyToken (): string | null {
    return this.#lastWrite
  }

  readingAfter (token: string, run: () => void): void {
    this.#after.run(token, run)
  }

  /** One write transaction on the primary, notifying every process on commit. */
  async #write<T> (fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const result = await unavailableOn(() => inTransaction(this.primary, async (client) => {
      const out = await fn(client)
      await client.query(`SELECT pg_notify('${CHANNEL}', '')`)
      return out
    }), 'The primary database', 5)
    this.#localWrites++
    await this.#recordPosition()
    return result
  }

  /** The primary's WAL position after a write: reads wait for a replica to have replayed it. */
  async #recordPosition (): Promise<void> {
    if (this.#replicas.length === 0) return
    try {
      const { rows } = await this.primary.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn')
      if (rows[0]) {
        this.routing.wrote(rows[0].lsn)
        this.#lastWrite = rows[0].lsn
      }
    } catch {
      // the write committed; without its position, reads go to the primary until a position is known
      this.routing.wroteAtUnknownPosition()
    }
  }

  async getArticle (id: string) { return this.#read((db) => reads.getArticle(db, id)) }
  async articleExists (id: string) { return this.#read((db) => reads.articleExists(db, id)) }
  async isEmpty () { return this.#read((db) => reads.isEmpty(db)) }
  async getQuote (id: string) { return this.#read((db) => reads.getQuote(db, id)) }
  async getStatement (id: string) { return this.#read((db) => reads.getStatement(db, id)) }
  async getEntity (id: string) { return this.#read((db) => reads.getEntity(db, id)) }
  async entityExists (id: string) { return this.#read((db) => reads.entityExists(db, id)) }
  async entityMergedInto (id: string) { return this.#read((db) => reads.entityMergedInto(db, id)) }
  async timeline (...[filters, interval]: Parameters<Store['timeline']>) { return this.#read((db) => timeline(db, filters, interval)) }

  async saveArticle (text: string, metadata: ArticleMetadata, parsed: ParsedArticle, extractorVersion: string, now = new Date()):
    Promise<{ id: string, outcome: SaveOutcome }> {
    return this.#write((client) => this.#writer.save(client, text, metadata, parsed, extractorVersion, now))
  }

  async createArticle (article: NewArticle, idempotency?: IdempotentWrite, now = new Date()): Promise<Created> {
    return this.#write(async (client) => {
      // two requests with one key at once: the second waits here, then finds the first's key
      if (idempotency) await lockNames(client, [`idem:${idempotency.client}:${idempotency.key}`])
      const raced = idempotency && await this.#keys.find(client, idempotency.client, idempotency.key, now)
      if (raced && raced.fingerprint !== idempotency.fingerprint) throw new IdempotencyKeyReused()
      const created = await this.#writer.create(client, article.text, article.metadata, article.parse, article.extractorVersion, now)
      if (idempotency) {
        const status = created.outcome === 'created' ? 201 : 200
        await this.#keys.remember(client, idempotency.client, idempotency.key, { fingerprint: idempotency.fingerprint, articleId: created.id, status }, now)
      }
      return created
    })
  }

  /** Each article in a transaction of its own: concurrent writers interleave, and one failure fails alone. */
  async createArticles (articles: NewArticle[], now = new Date()): Promise<(Created | Error)[]> {
    const results: (Created | Error)[] = []
    for (const a of articles) {
      try {
        results.push(await this.#write((client) => this.#writer.create(client, a.text, a.metadata, a.parse, a.extractorVersion, now)))
      } catch (error) {
        if (error instanceof Unavailable) throw error
        results.push(error instanceof Error ? error : new Error(String(error)))
      }
    }
    return results
  }

  async deleteArticle (id: string) { return this.#write((client) => this.#writer.delete(client, id)) }
  async findIdempotencyKey (client: string, key: string, now = new Date()) {
    return unavailableOn(() => this.#keys.find(this.primary, client, key, now), 'The primary database')
  }

  async assignPendingStatements (limit: number): Promise<number> {
    return this.#write(async (client) => (await this.#writer.assignStatements(client, [], limit)).assigned)
  }

  async countByExtractorVersion () { return unavailableOn(() => reads.countByExtractorVersion(this.primary), 'The primary database') }
  async articlesParsedBy (version: string, afterId: string, limit: number) {
    return unavailableOn(() => reads.articlesParsedBy(this.primary, version, afterId, limit), 'The primary database')
  }

  async reparseArticles (parses: { id: string, parsed: ParsedArticle }[], extractorVersion: string): Promise<number> {
    return this.#write(async (client) => {
      let n = 0
      for (const { id, parsed } of parses) if (await this.#writer.reparse(client, id, parsed, extractorVersion)) n++
      return n
    })
  }

  // jobs live on the primary: their state is read right after it is written, by any process
  async createJob (job: { id: string, kind: JobKind, input: Buffer | null, total: number | null }, now = new Date()) {
    const created = await this.#onPrimary((db) => pgJobs.create(db, job.id, job.kind, job.input, job.total, now))
    try {
      await (await this.#jobQueue()).send(job.id)
    } catch {
      // the job is stored: a worker's sweep of unfinished jobs finds it without a delivery
    }
    return created
  }

  /** pg-boss, started on first use: stores that never queue a job never create its schema. */
  async #jobQueue (): Promise<JobQueue> {
    this.#queue ??= JobQueue.start(this.#primaryUrl, { supervise: true })
    this.#queue.catch(() => { this.#queue = null })
    return this.#queue
  }

  async deliverJobs (run: (id: string) => Promise<void>): Promise<() => Promise<void>> {
    const queue = await this.#jobQueue()
    await queue.work(run)
    return async () => queue.stopWorking()
  }

  async getJob (id: string) { return this.#onPrimary((db) => pgJobs.get(db, id)) }
  async jobInput (id: string) { return this.#onPrimary((db) => pgJobs.input(db, id)) }
  async claimJob (id: string, now = new Date()) { return this.#onPrimary((db) => pgJobs.claim(db, id, now)) }
  async recordJob (id: string, counts: JobCounts, failures: readonly JobFailure[]) { return this.#onPrimary((db) => pgJobs.record(db, id, counts, failures)) }
  async finishJob (id: string, state: 'succeeded' | 'failed', error: string | null, now = new Date()) {
    return this.#onPrimary((db) => pgJobs.finish(db, id, state, error, now))
  }

  async unfinishedJobs () { return this.#onPrimary((db) => pgJobs.unfinished(db)) }

  async #onPrimary<T> (fn: (db: pg.Pool) => Promise<T>): Promise<T> {
    return unavailableOn(() => fn(this.primary), 'The primary database', 5)
  }

  /** Changes with every write committed anywhere (NOTIFY); without the listener, every call differs: no caching. */
  dataVersion (): string {
    return this.#listening ? `${this.#localWrites}.${this.#notified}` : `unlistened.${Date.now()}.${Math.random()}`
  }

  /** The primary's migrations and each database's state; with the primary down, replicas still serve reads. */
  async readiness (): Promise<StoreReadiness> {
    const migrations = readMigrations().length
    const replicas = this.routing.replicas.map((r) => ({ name: r.name, role: 'replica' as const, problem: r.problem }))
    try {
      const pending = (await pendingMigrations(this.primary)).length
      return { migrations, pending, problem: null, databases: [{ name: 'primary', role: 'primary', problem: null }, ...replicas] }
    } catch {
      const down = 'The primary database does not answer'
      const databases = [{ name: 'primary', role: 'primary' as const, problem: down }, ...replicas]
      return replicas.some((r) => r.problem === null)
        ? { migrations, pending: 0, problem: null, degraded: `${down}: reads are answered by replicas, writes answer 503`, databases }
        : { migrations, pending: 0, problem: down, databases }
    }
  }

  async close (): Promise<void> {
    this.routing.close()
    const queue = this.#queue
    this.#queue = null
    if (queue) await queue.then((q) => q.stop(), () => {})
    this.#listener?.release()
    this.#listener = null
    await Promise.all([this.primary.end(), ...this.#replicas.map((pool) => pool.end())])
  }
}
