// The article writer, ported from src/store/sqlite/article-writer.ts: the same outcomes and the
// same stored rows. Each method takes a client already inside a transaction (transaction.ts), so
// the store composes them (a write with its idempotency key, a batch, a re-parse of many).
import type pg from 'pg'
import type { ExtractedEntity, ParsedArticle } from '../../domain/extraction.js'
import { structureColumnsOf } from '../article-structure.js'
import { articleIdOf } from '../ids.js'
import type { ArticleMetadata, CreateOutcome, SaveOutcome } from '../store.js'
import { insertArticle, insertEntities, insertQuotes, removeArticle } from './article-rows.js'
import type { Queryable } from './connection.js'
import { ADVISORY_LOCKS, NO_LOCKS, type Locker } from './entity-locks.js'
import { keysOf, PgEntityResolver } from './entity-resolver.js'
import { articleLock, entityLock, keyLock } from './locks.js'
import { DEFAULT_STATEMENT_SETTINGS } from '../statements/settings.js'
import { ClassFingerprints } from '../statements/class-fingerprints.js'
import { syncStatements, type SyncSummary } from '../statements/sync.js'
import { runAsync, type RemovedQuote } from '../statements/tables.js'
import { pgStatementTables } from './statement-tables.js'

interface StoredArticle {
  text: string
  title_from_text: boolean
  extractor_version: string
  created_at: string
  title: string | null
  published_at: string | null
  url: string | null
  publisher: string | null
  language: string
}

/** The article's columns that its submitter decides (or the text, for a title nobody gave). */
type ArticleColumns = Omit<StoredArticle, 'text' | 'extractor_version' | 'created_at'>

const STORED = `SELECT text, title_from_text, extractor_version, created_at, title, published_at, url, publisher, language
  FROM articles WHERE id = $1`
const ENTITIES_OF = 'SELECT entity_id FROM article_entities WHERE article_id = $1 ORDER BY entity_id'
const QUOTES_OF = `SELECT statement_text_id::float8 AS "classId", statement_id AS "statementId" FROM quotes
  WHERE article_id = $1 AND statement_text_id IS NOT NULL`
// taken last in a write, after the article's and entities' locks: statement assignment is one at a time
const STATEMENTS_LOCK = 'statements'

/** Merges entities that share an id, so a pipeline that splits one referent cannot break a write. */
function mergeById (entities: ExtractedEntity[]): ExtractedEntity[] {
  const byId = new Map<string, ExtractedEntity>()
  for (const entity of entities) {
    const seen = byId.get(entity.id)
    if (!seen) { byId.set(entity.id, { ...entity }); continue }
    seen.aliases = [...new Set([...seen.aliases, ...entity.aliases])]
    seen.titles = [...new Set([...seen.titles, ...entity.titles])]
    seen.mentions = [...seen.mentions, ...entity.mentions].sort((a, b) => a.start - b.start)
  }
  return [...byId.values()]
}

/**
 * The locks an article's write takes before it reads anything: its id, and each extracted entity's
 * id and look-up keys (every path by which the resolver may find a stored entity). A store that
 * writes many articles in one transaction takes all of theirs at once, sorted, to wait in no cycle.
 */
export function writeLocks (text: string, parsed?: ParsedArticle): string[] {
  const names = [articleLock(articleIdOf(text))]
  for (const e of parsed?.entities ?? []) names.push(entityLock(e.id), ...keysOf(e).map(keyLock))
  return names
}

export interface ArticleWriterOptions {
  /**
   * Advisory locks (default true) keep concurrent writers under read committed apart. Off, the
   * store must run every write serializable (and retry), which keeps them apart instead.
   */
  advisoryLocks?: boolean
}

/**
 * Stores parsed articles: the article, its paragraphs, entities, mentions and quotes, within the
 * caller's transaction, keeping the entities' counters right.
 */
export class PgArticleWriter {
  readonly #locks: Locker
  readonly #resolver: PgEntityResolver
  readonly #fingerprints = new ClassFingerprints(DEFAULT_STATEMENT_SETTINGS)

  constructor (options: ArticleWriterOptions = {}) {
    this.#locks = (options.advisoryLocks ?? true) ? ADVISORY_LOCKS : NO_LOCKS
    this.#resolver = new PgEntityResolver(this.#locks)
  }

  /**
   * Stores `text` parsed as `parsed`. An article already stored from the same text by the same
   * extractor version with the same metadata is left as it is; otherwise it is replaced whole,
   * keeping its id and creation time.
   */
  async save (client: pg.PoolClient, text: string, metadata: ArticleMetadata, parsed: ParsedArticle,
    extractorVersion: string, now = new Date()): Promise<{ id: string, outcome: SaveOutcome }> {
    const id = articleIdOf(text)
    const wanted = wantedMetadata(metadata, parsed)
    await this.#locks.names(client, [articleLock(id)])
    const stored = await storedArticle(client, id)
    if (stored && stored.extractor_version === extractorVersion && sameMetadata(stored, wanted)) {
      return { id, outcome: 'unchanged' }
    }
    const removed = await this.#replace(client, id, stored !== null, text, parsed)
    await this.#insert(client, id, text, wanted, parsed, extractorVersion, stored?.created_at ?? now.toISOString())
    await this.assignStatements(client, removed)
    return { id, outcome: stored ? 'updated' : 'created' }
  }

  /**
   * Stores a new article, or finds it already stored from the same text and leaves it untouched
   * (metadata included: a submission never rewrites someone else's article). `parse` is called
   * only when the article is new.
   */
  async create (client: pg.PoolClient, text: string, metadata: ArticleMetadata, parse: () => ParsedArticle,
    extractorVersion: string, now = new Date()): Promise<{ id: string, outcome: CreateOutcome }> {
    const id = articleIdOf(text)
    await this.#locks.names(client, [articleLock(id)])
    if (await storedArticle(client, id)) return { id, outcome: 'existing' }
    const parsed = parse()
    await this.#locks.names(client, writeLocks(text, parsed))
    await this.#insert(client, id, text, wantedMetadata(metadata, parsed), parsed, extractorVersion, now.toISOString())
    await this.assignStatements(client)
    return { id, outcome: 'created' }
  }

  /**
   * Replaces a stored article's parse with `parsed` (made from its stored text by `extractorVersion`),
   * keeping its id, metadata and creation time. A title taken from the text follows the new parse.
   * Returns false when the article is gone.
   */
  async reparse (client: pg.PoolClient, id: string, parsed: ParsedArticle, extractorVersion: string): Promise<boolean> {
    await this.#locks.names(client, [articleLock(id)])
    const stored = await storedArticle(client, id)
    if (!stored) return false
    const meta: ArticleColumns = {
      title: stored.title_from_text ? parsed.title : stored.title,
      title_from_text: stored.title_from_text,
      published_at: stored.published_at,
      url: stored.url,
      publisher: stored.publisher,
      language: stored.language
    }
    const removed = await this.#replace(client, id, true, stored.text, parsed)
    await this.#insert(client, id, stored.text, meta, parsed, extractorVersion, stored.created_at)
    await this.assignStatements(client, removed)
    return true
  }

  /** Removes an article with its quotes and mentions; entities left with no article go too. */
  async delete (client: pg.PoolClient, id: string): Promise<boolean> {
    await this.#locks.names(client, [articleLock(id)])
    if (!await storedArticle(client, id)) return false
    const entityIds = await this.#lockOwnEntities(client, id, [])
    const removed = await removedQuotes(client, id)
    await removeArticle(client, id, entityIds)
    await this.assignStatements(client, removed)
    return true
  }

  /**
   * Assigns statements to the quotes this transaction stored (and those whose speaker merged into
   * another) and mends those its removed quotes held, under the statements' lock; `limit` bounds a
   * backfill's batch.
   */
  async assignStatements (client: pg.PoolClient, removed: RemovedQuote[] = [], limit: number | null = null): Promise<SyncSummary> {
    await this.#locks.names(client, [STATEMENTS_LOCK])
    return runAsync(syncStatements(this.#fingerprints, removed, limit), pgStatementTables(client))
  }

  /** Takes the write's locks (and, when an article is replaced, its old entities') and removes the old one. */
  async #replace (client: pg.PoolClient, id: string, stored: boolean, text: string, parsed: ParsedArticle): Promise<RemovedQuote[]> {
    if (!stored) {
      await this.#locks.names(client, writeLocks(text, parsed))
      return []
    }
    const entityIds = await this.#lockOwnEntities(client, id, writeLocks(text, parsed))
    const removed = await removedQuotes(client, id)
    await removeArticle(client, id, entityIds)
    return removed
  }

  /**
   * Locks the entities of a stored article (with `alongWith`), as their removal may delete them,
   * until the article's entities are the ones locked (an absorption may move its rows meanwhile).
   */
  async #lockOwnEntities (db: Queryable, id: string, alongWith: string[]): Promise<string[]> {
    let ids = await entitiesOf(db, id)
    await this.#locks.entities(db, ids, alongWith)
    if (this.#locks === NO_LOCKS) return ids
    for (;;) {
      const again = await entitiesOf(db, id)
      const fresh = again.filter((e) => !ids.includes(e))
      if (fresh.length === 0 && again.length === ids.length) return again
      await this.#locks.entities(db, fresh)
      ids = again
    }
  }

  async #insert (db: Queryable, id: string, text: string, meta: ArticleColumns, parsed: ParsedArticle,
    extractorVersion: string, createdAt: string): Promise<void> {
    const sortAt = meta.published_at ?? createdAt
    // the stored entity each of the article's stands for: the same referent keeps one id across articles
    const storedIds = await this.#resolver.resolve(db, parsed.entities)
    const entities = mergeById(parsed.entities.map((e) => ({ ...e, id: storedIds.get(e.id) ?? e.id })))
    const entityIds = new Set(entities.map((e) => e.id))
    await insertArticle(db, {
      ...structureColumnsOf(parsed),
      id, text, title: meta.title, titleFromText: meta.title_from_text, publishedAt: meta.published_at,
      publisher: meta.publisher, url: meta.url, language: meta.language, lede: parsed.lede, extractorVersion, createdAt, sortAt,
      quoteCount: parsed.quotes.length, entityCount: entities.length
    }, parsed.paragraphs)
    await this.#insertEntities(db, id, entities, sortAt)
    const speakers = parsed.quotes.map((quote) => {
      const stored = quote.speakerId === null ? null : storedIds.get(quote.speakerId) ?? quote.speakerId
      return stored !== null && entityIds.has(stored) ? stored : null
    })
    await insertQuotes(db, id, sortAt, parsed.quotes, speakers)
  }

  /**
   * Writes the entities in document order, as SQLite's writer does one by one, but in batches: all
   * up to the next that may absorb another in one statement, then that one's absorptions (which run
   * last for it, once its rows are in: an entity stored under a shorter name folds into it, rows
   * merging and counters recounted from the rows). Most articles are one batch.
   */
  async #insertEntities (db: Queryable, articleId: string, entities: ExtractedEntity[], sortAt: string): Promise<void> {
    for (let next = 0; next < entities.length;) {
      const flagged = await this.#resolver.firstMayAbsorb(db, entities.slice(next))
      const end = flagged < 0 ? entities.length : next + flagged + 1
      const created = await insertEntities(db, articleId, entities.slice(next, end), next, sortAt)
      const absorbing = flagged < 0 ? undefined : entities[end - 1]
      if (absorbing) await this.#absorbInto(db, absorbing, created.has(absorbing.id))
      next = end
    }
  }

  async #absorbInto (db: Queryable, entity: ExtractedEntity, created: boolean): Promise<void> {
    if (created) await this.#resolver.absorbSurname(db, entity.id, entity.type, entity.name, entity.titles)
    await this.#resolver.absorbShortForms(db, entity.id, entity.type, entity.name, entity.aliases)
  }
}

async function storedArticle (db: Queryable, id: string): Promise<StoredArticle | null> {
  return (await db.query<StoredArticle>(STORED, [id])).rows[0] ?? null
}

async function removedQuotes (db: Queryable, id: string): Promise<RemovedQuote[]> {
  return (await db.query<RemovedQuote>(QUOTES_OF, [id])).rows
}

async function entitiesOf (db: Queryable, id: string): Promise<string[]> {
  return (await db.query<{ entity_id: string }>(ENTITIES_OF, [id])).rows.map((row) => row.entity_id)
}

function wantedMetadata (metadata: ArticleMetadata, parsed: ParsedArticle): ArticleColumns {
  const given = metadata.title ?? null
  return {
    title: given ?? parsed.title,
    title_from_text: given === null,
    published_at: metadata.publishedAt ?? null,
    url: metadata.url ?? null,
    publisher: metadata.publisher ?? null,
    language: metadata.language ?? 'en'
  }
}

function sameMetadata (stored: StoredArticle, wanted: ArticleColumns): boolean {
  return stored.title === wanted.title && stored.published_at === wanted.published_at && stored.url === wanted.url &&
    stored.publisher === wanted.publisher && stored.language === wanted.language
}
