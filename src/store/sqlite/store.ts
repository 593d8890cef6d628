import { IdempotencyKeyReused } from '../../domain/errors.js'
import type { ParsedArticle } from '../../domain/extraction.js'
import type { JobCounts, JobFailure, JobKind } from '../../domain/jobs.js'
import type {
  ArticleMetadata, CreateOutcome, IdempotentWrite, ListReader, NewArticle, SaveOutcome, Store, StoreLists, StoreReadiness
} from '../store.js'
import { openDatabase, type Db } from './connection.js'
import { migrate, pendingMigrations, readMigrations, type Migration } from './migrate.js'
import { createRepositories, type Repositories } from './repositories.js'
import type { ResourceList } from './resource-list.js'

/** How stale dataVersion() may be about writes made by other processes (see dataVersion). */
export const EXTERNAL_WRITES_SEEN_WITHIN_MS = 100

export interface SqliteStoreOptions {
  /** A file path (':memory:' for a throw-away database) or an open handle, which stays the caller's to close. */
  database: string | Db
  /** Apply pending migrations on open (default true). */
  migrate?: boolean
  /**
   * Assign statements to quotes in each write (default true). False defers it: quotes stay
   * unassigned until assignPendingStatements (run at every start) takes them; the benchmarks'
   * baseline for what assignment costs.
   */
  assignStatements?: boolean
}

type Created = { id: string, outcome: CreateOutcome }

/** A synchronous ResourceList seen through the Store's asynchronous ListReader. */
function readerOf<F, S extends string, I, Fa extends string, R> (list: () => ResourceList<F, S, I, Fa, R>): ListReader<F, S, I, Fa> {
  return {
    page: async (filters, sort, limit, cursor) => list().page(filters, sort, limit, cursor),
    // the walk stays synchronous: each chunk is one quick read, and the stream pulls it as it goes
    walk: (filters, sort, cursor) => list().walk(filters, sort, cursor),
    count: async (filters) => list().count(filters),
    facets: async (filters, facets, size) => list().facets(filters, facets, size)
  }
}

/**
 * The SQLite store: one connection, its migrations applied, and its repositories behind the Store
 * interface. Every call runs synchronously inside (better-sqlite3), each write in one transaction.
 */
export class SqliteStore implements Store {
  readonly db: Db
  /** The migrations this open applied. */
  readonly applied: Migration[]
  readonly lists: StoreLists
  readonly #ownsHandle: boolean
  readonly #assignStatements: boolean
  #repos: Repositories | null = null

  constructor (options: SqliteStoreOptions) {
    this.#ownsHandle = typeof options.database === 'string'
    this.#assignStatements = options.assignStatements ?? true
    this.db = typeof options.database === 'string' ? openDatabase(options.database) : options.database
    this.applied = (options.migrate ?? true) ? migrate(this.db) : []
    // the repositories are made on first use (see repos), so each reader looks its list up per call
    this.lists = {
      articles: readerOf(() => this.repos.lists.articles),
      quotes: readerOf(() => this.repos.lists.quotes),
      entities: readerOf(() => this.repos.lists.entities),
      articleEntities: readerOf(() => this.repos.lists.articleEntities),
      relatedEntities: readerOf(() => this.repos.lists.relatedEntities),
      statements: readerOf(() => this.repos.lists.statements)
    }
  }

  /**
   * The repositories, made on first use: they prepare their statements against the schema, so an
   * unmigrated database still opens, and /ready says why it is not ready.
   */
  get repos (): Repositories {
    return (this.#repos ??= createRepositories(this.db, { assignStatements: this.#assignStatements }))
  }

  async getArticle (id: string) { return this.repos.articles.get(id) }
  async articleExists (id: string) { return this.repos.articles.exists(id) }
  async isEmpty () { return this.repos.articles.isEmpty() }
  async getQuote (id: string) { return this.repos.quotes.get(id) }
  async getStatement (id: string) { return this.repos.statements.get(id) }
  async getEntity (id: string) { return this.repos.entities.get(id) }
  async entityExists (id: string) { return this.repos.entities.exists(id) }
  async entityMergedInto (id: string) { return this.repos.entities.mergedInto(id) }
  async timeline (...args: Parameters<Store['timeline']>) { return this.repos.stats.timeline(...args) }

  async saveArticle (text: string, metadata: ArticleMetadata, parsed: ParsedArticle, extractorVersion: string, now = new Date()):
    Promise<{ id: string, outcome: SaveOutcome }> {
    return this.repos.writer.save(text, metadata, parsed, extractorVersion, now)
  }

  async createArticle (article: NewArticle, idempotency?: IdempotentWrite, now = new Date()): Promise<Created> {
    const { writer, idempotencyKeys } = this.repos
    return this.db.transaction(() => {
      // another process (an ingest beside the server) may have used the key since the caller looked
      const raced = idempotency && idempotencyKeys.find(idempotency.client, idempotency.key, now)
      if (raced && raced.fingerprint !== idempotency.fingerprint) throw new IdempotencyKeyReused()
      const created = writer.create(article.text, article.metadata, article.parse, article.extractorVersion, now)
      if (idempotency) {
        const status = created.outcome === 'created' ? 201 : 200
        idempotencyKeys.remember(idempotency.client, idempotency.key, { fingerprint: idempotency.fingerprint, articleId: created.id, status }, now)
      }
      return created
    }).immediate()
  }

  /** One transaction for them all; if it fails, each alone, so one bad write cannot sink the rest. */
  async createArticles (articles: NewArticle[], now = new Date()): Promise<(Created | Error)[]> {
    const { writer } = this.repos
    const createOne = (a: NewArticle): Created => writer.create(a.text, a.metadata, a.parse, a.extractorVersion, now)
    try {
      return writer.batch(() => articles.map(createOne))
    } catch {
      return articles.map((a) => {
        try {
          return createOne(a)
        } catch (error) {
          return error instanceof Error ? error : new Error(String(error))
        }
      })
    }
  }

  async deleteArticle (id: string) { return this.repos.writer.delete(id) }
  async findIdempotencyKey (client: string, key: string, now = new Date()) { return this.repos.idempotencyKeys.find(client, key, now) }
  async assignPendingStatements (limit: number): Promise<number> {
    return this.db.transaction(() => this.repos.writer.assignStatements(limit).assigned).immediate()
  }

  async countByExtractorVersion () { return this.repos.articles.countByExtractorVersion() }
  async articlesParsedBy (version: string, afterId: string, limit: number) { return this.repos.articles.parsedBy(version, afterId, limit) }

  async reparseArticles (parses: { id: string, parsed: ParsedArticle }[], extractorVersion: string): Promise<number> {
    return this.db.transaction(() => parses.filter(({ id, parsed }) => this.repos.writer.reparse(id, parsed, extractorVersion)).length).immediate()
  }

  async createJob (job: { id: string, kind: JobKind, input: Buffer | null, total: number | null }, now = new Date()) {
    return this.repos.jobs.create(job.id, job.kind, job.input, job.total, now)
  }

  async getJob (id: string) { return this.repos.jobs.get(id) }
  async jobInput (id: string) { return this.repos.jobs.input(id) }
  async claimJob (id: string, now = new Date()) { return this.repos.jobs.claim(id, now) }
  async recordJob (id: string, counts: JobCounts, failures: readonly JobFailure[]) { this.repos.jobs.record(id, counts, failures) }
  async finishJob (id: string, state: 'succeeded' | 'failed', error: string | null, now = new Date()) { this.repos.jobs.finish(id, state, error, now) }
  async unfinishedJobs () { return this.repos.jobs.unfinished() }

  // total_changes() counts this connection's row changes: every write of this process, seen at once.
  // data_version moves with other connections' commits (an ingest beside the server), but reading it
  // costs 5 µs, a tenth of a cached answer's whole time, so it is read at most every 100 ms: another
  // process's write reaches cached answers within that.
  #ownChanges: { get: () => unknown } | null = null
  #external = { version: '', readAt: -Infinity }

  dataVersion (): string {
    if (!this.db.open) return 'closed'
    this.#ownChanges ??= this.db.prepare('SELECT total_changes()').pluck()
    const now = performance.now()
    if (now - this.#external.readAt >= EXTERNAL_WRITES_SEEN_WITHIN_MS) {
      this.#external = { version: String(this.db.pragma('data_version', { simple: true })), readAt: now }
    }
    return `${String(this.#ownChanges.get())}.${this.#external.version}`
  }

  async readiness (): Promise<StoreReadiness> {
    const migrations = readMigrations()
    if (!this.db.open) return { migrations: migrations.length, pending: 0, problem: 'The database is not open' }
    return { migrations: migrations.length, pending: pendingMigrations(this.db, migrations).length, problem: null }
  }

  /** Checkpoints the write-ahead log and closes the connection, if this store opened it. */
  async close (): Promise<void> {
    if (!this.#ownsHandle || !this.db.open) return
    this.db.pragma('wal_checkpoint(TRUNCATE)')
    this.db.close()
  }
}
