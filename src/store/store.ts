// The store as every layer above it sees it: asynchronous, one method per use case, each write one
// transaction. The SQLite adapter (store/sqlite/) answers synchronously inside each call; a
// PostgreSQL adapter answers over a pool. Services and routes depend on this interface alone.
import type { ParsedArticle } from '../domain/extraction.js'
import type { Job, JobCounts, JobFailure, JobKind } from '../domain/jobs.js'
import type {
  ArticleEntityFilters, ArticleFilters, EntityFilters, QuoteFilters, RelatedEntityFilters, StatementFilters, TimelineFilters
} from '../domain/queries.js'
import type {
  Article, ArticleEntity, ArticleHit, Entity, FacetBucket, Page, Quote, QuoteHit, RelatedEntity, TimelineBucket
} from '../domain/resources.js'
import type { Statement } from '../domain/statements.js'
import type { ArticleFacet, EntityFacet, EntitySort, QuoteFacet, SearchSort, StatementSort, TimelineInterval } from '../domain/values.js'

/** One resource's list: keyset pages, the walk of the whole filtered set, its total and its facets. */
export interface ListReader<Filters, Sort extends string, Item, Facet extends string = never> {
  /** `limit` items after the cursor, and the next page's cursor if there is one. */
  page: (filters: Filters, sort: Sort, limit: number, cursor?: string) => Promise<Page<Item>>
  /** Every item from the cursor on, in order, read in bounded chunks as the consumer pulls. */
  walk: (filters: Filters, sort: Sort, cursor?: string) => AsyncIterable<Item> | Iterable<Item>
  count: (filters: Filters) => Promise<number>
  facets: (filters: Filters, facets: readonly Facet[], size: number) => Promise<Partial<Record<Facet, FacetBucket[]>>>
}

export interface StoreLists {
  articles: ListReader<ArticleFilters, SearchSort, ArticleHit, ArticleFacet>
  quotes: ListReader<QuoteFilters, SearchSort, QuoteHit, QuoteFacet>
  entities: ListReader<EntityFilters, EntitySort, Entity, EntityFacet>
  /** An article's entities in document order, with their mentions there. */
  articleEntities: ListReader<ArticleEntityFilters, 'document', ArticleEntity>
  /** The entities that co-occur with one, with the articles that show it. */
  relatedEntities: ListReader<RelatedEntityFilters, 'shared', RelatedEntity>
  /** Statements: the same words by the same speaker across articles (docs/statements.md). */
  statements: ListReader<StatementFilters, StatementSort, Statement>
}

/** What a client or a seed file says of an article besides its text. */
export interface ArticleMetadata {
  title?: string | null | undefined
  publishedAt?: string | null | undefined
  url?: string | null | undefined
  publisher?: string | null | undefined
  language?: string | undefined
}

/** What a save did: stored a new article, replaced a stale one, or found it as it is. */
export type SaveOutcome = 'created' | 'updated' | 'unchanged'

/** What a submission did: stored a new article, or found the same text already stored. */
export type CreateOutcome = 'created' | 'existing'

/** An article to store unless its text is stored already; `parse` runs only for a new one. */
export interface NewArticle {
  text: string
  metadata: ArticleMetadata
  parse: () => ParsedArticle
  extractorVersion: string
}

/** The request an idempotency key was first used for, and what it answered. */
export interface RememberedRequest {
  fingerprint: string
  articleId: string
  status: number
}

/** A key to remember with the write: scoped to a client, for the request it fingerprints. */
export interface IdempotentWrite {
  client: string
  key: string
  fingerprint: string
}

/** The health of the store's database(s), for /ready. */
export interface StoreReadiness {
  /** Migrations the code knows; every one must be applied to serve. */
  migrations: number
  pending: number
  /** Why it cannot serve (closed, unreachable), or null. */
  problem: string | null
  /** What it cannot do while it serves the rest (the primary down: reads from replicas, writes 503), or null. */
  degraded?: string | null
  /** Each database of a store that has several (a primary and its replicas). */
  databases?: { name: string, role: 'primary' | 'replica', problem: string | null }[]
}

export interface Store {
  readonly lists: StoreLists

  getArticle: (id: string) => Promise<Article | null>
  articleExists: (id: string) => Promise<boolean>
  isEmpty: () => Promise<boolean>
  getQuote: (id: string) => Promise<Quote | null>
  getStatement: (id: string) => Promise<Statement | null>
  getEntity: (id: string) => Promise<Entity | null>
  entityExists: (id: string) => Promise<boolean>
  /** Where an entity id merged into another now lives, or null. */
  entityMergedInto: (id: string) => Promise<string | null>
  timeline: (filters: TimelineFilters, interval: TimelineInterval) => Promise<TimelineBucket[]>

  /**
   * Stores `text` parsed as `parsed`, with its quotes, mentions and entities, in one transaction: an
   * article stored from the same text by the same extractor version with the same metadata is left
   * as it is; otherwise it is replaced whole, keeping its id and creation time.
   */
  saveArticle: (text: string, metadata: ArticleMetadata, parsed: ParsedArticle, extractorVersion: string, now?: Date) =>
    Promise<{ id: string, outcome: SaveOutcome }>
  /**
   * Stores a new article or finds its text stored, in one transaction; with `idempotency`, the key
   * is checked again and remembered in that transaction (a key used since for another request
   * throws IdempotencyKeyReused).
   */
  createArticle: (article: NewArticle, idempotency?: IdempotentWrite, now?: Date) => Promise<{ id: string, outcome: CreateOutcome }>
  /**
   * Stores many, in as few transactions as the store likes: each article's result in order, or the
   * error that kept that one (alone) from being stored.
   */
  createArticles: (articles: NewArticle[], now?: Date) => Promise<({ id: string, outcome: CreateOutcome } | Error)[]>
  /** Removes an article with its quotes and mentions; entities left with no article go too. */
  deleteArticle: (id: string) => Promise<boolean>
  findIdempotencyKey: (client: string, key: string, now?: Date) => Promise<RememberedRequest | null>

  /**
   * Assigns statements to quotes stored before statements existed (or left unassigned), at most
   * `limit` in one transaction; how many it assigned (0: none left). Writes assign their own quotes.
   */
  assignPendingStatements: (limit: number) => Promise<number>

  /** How many articles each extractor version parsed. */
  countByExtractorVersion: () => Promise<Map<string, number>>
  /** The next `limit` articles (id and text) parsed by `version`, in id order after `afterId`. */
  articlesParsedBy: (version: string, afterId: string, limit: number) => Promise<{ id: string, text: string }[]>
  /** Replaces the parses of stored articles in one transaction; how many were still there. */
  reparseArticles: (parses: { id: string, parsed: ParsedArticle }[], extractorVersion: string) => Promise<number>

  /** A new queued job; a bulk job holds its NDJSON input until it finishes. */
  createJob: (job: { id: string, kind: JobKind, input: Buffer | null, total: number | null }, now?: Date) => Promise<Job>
  getJob: (id: string) => Promise<Job | null>
  jobInput: (id: string) => Promise<Buffer | null>
  /** Marks a queued job, or one orphaned by a process that died, as running from scratch; false if it is not to run. */
  claimJob: (id: string, now?: Date) => Promise<boolean>
  /** The counts so far (absolute, so a rerun overwrites them) and the lines that failed since the last record. */
  recordJob: (id: string, counts: JobCounts, failures: readonly JobFailure[]) => Promise<void>
  finishJob: (id: string, state: 'succeeded' | 'failed', error: string | null, now?: Date) => Promise<void>
  /** Jobs queued or running, oldest first: what a runner starting up takes over. */
  unfinishedJobs: () => Promise<string[]>
  /**
   * For stores with a queue (PostgreSQL: pg-boss): calls `run` with each job id delivered to this
   * process, one at a time, until the returned stop is called.
   */
  deliverJobs?: (run: (id: string) => Promise<void>) => Promise<() => Promise<void>>

  /**
   * A token that changes whenever stored data may have changed, by this process or another: what a
   * response cache keys on. Synchronous and cheap: it is read on every cached request.
   */
  dataVersion: () => string

  /**
   * Read-your-writes across processes, for stores that read from replicas: the position of this
   * process's last write (null when there is nothing to wait for), and a way to run reads that
   * must see the write a client's token names.
   */
  consistencyToken?: () => string | null
  readingAfter?: (token: string, run: () => void) => void

  readiness: () => Promise<StoreReadiness>
  close: () => Promise<void>
}
