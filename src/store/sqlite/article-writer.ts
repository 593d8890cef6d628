import type { Statement } from 'better-sqlite3'
import { placeIdentifiers } from '../../extract/index.js'
import type { ExtractedEntity, ParsedArticle } from '../../domain/extraction.js'
import type { Db } from './connection.js'
import { EntityResolver } from './entity-resolver.js'
import { SearchIndex } from './search-index.js'
import { NEXT_ARTICLE_KEY, articleKeyBase } from './search-key.js'
import { structureColumnsOf } from '../article-structure.js'
import { DEFAULT_STATEMENT_SETTINGS } from '../statements/settings.js'
import { ClassFingerprints } from '../statements/class-fingerprints.js'
import { syncStatements, type SyncSummary } from '../statements/sync.js'
import { runSync, type RemovedQuote } from '../statements/tables.js'
import { SqliteStatementTables } from './statement-tables.js'

import { articleIdOf, quoteIdOf } from '../ids.js'
import type { ArticleMetadata, CreateOutcome, SaveOutcome } from '../store.js'

interface StoredArticle {
  text: string
  title_from_text: 0 | 1
  extractor_version: string
  created_at: string
  title: string | null
  published_at: string | null
  url: string | null
  publisher: string | null
  language: string
}

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
 * Stores parsed articles: the article, its paragraphs, entities, mentions and quotes in one
 * synchronous transaction, keeping the entities' counters right.
 */
export class ArticleWriter {
  readonly #db: Db
  readonly #stored: Statement<[string], StoredArticle>
  readonly #insertArticle: Statement
  readonly #insertParagraph: Statement
  readonly #insertEntity: Statement
  readonly #insertAlias: Statement
  readonly #insertTitle: Statement
  readonly #insertArticleEntity: Statement
  readonly #insertMention: Statement
  readonly #countEntity: Statement
  readonly #insertQuote: Statement
  readonly #countSpeaker: Statement
  readonly #entitiesOf: Statement<[string], { entity_id: string }>
  readonly #uncountEntities: Statement
  readonly #uncountSpeakers: Statement
  readonly #deleteArticle: Statement
  readonly #deleteIfOrphan: Statement
  readonly #identify: Statement
  readonly #unredirect: Statement
  readonly #dropRedirects: Statement
  readonly #resolver: EntityResolver
  readonly #search: SearchIndex
  readonly #statements: SqliteStatementTables
  readonly #quotesOf: Statement<[string], RemovedQuote>
  /** Quotes removed in this transaction whose statements are yet to be mended. */
  #removedQuotes: RemovedQuote[] = []
  #batching = false
  readonly #assignsStatements: boolean
  readonly #fingerprints = new ClassFingerprints(DEFAULT_STATEMENT_SETTINGS)

  /** `assignStatements` false leaves new quotes unassigned (stale) for a later backfill: what benchmarks compare against. */
  constructor (db: Db, options: { assignStatements?: boolean } = {}) {
    this.#assignsStatements = options.assignStatements ?? true
    this.#db = db
    this.#stored = db.prepare(`SELECT text, title_from_text, extractor_version, created_at, title, published_at, url,
        publisher, language
      FROM articles WHERE id = ?`)
    // keyed by time (migration 007): the full-text index finds a search's newest matches by rowid
    this.#insertArticle = db.prepare(`INSERT INTO articles (rowid, id, title, title_from_text, dek, byline, dateline,
        dateline_text, dateline_agency, dateline_date, trailer, published_at, publisher,
        url, language, text, lede, extractor_version, created_at, sort_at, quote_count, entity_count)
      VALUES (${NEXT_ARTICLE_KEY}, @id, @title, @titleFromText, @dek, @byline, @dateline,
        @datelineText, @datelineAgency, @datelineDate, @trailer, @publishedAt, @publisher, @url, @language,
        @text, @lede, @extractorVersion, @createdAt, @sortAt, @quoteCount, @entityCount)`)
    this.#insertParagraph = db.prepare(`INSERT INTO paragraphs (article_id, idx, kind, text, start, "end")
      VALUES (?, ?, ?, ?, ?, ?)`)
    this.#insertEntity = db.prepare(`INSERT INTO entities (id, name, type, iso3166, geonames_id) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (id) DO NOTHING`)
    // places stored before their identifiers were known get them when an article names them again
    this.#identify = db.prepare(`UPDATE entities SET iso3166 = coalesce(iso3166, ?), geonames_id = coalesce(geonames_id, ?)
      WHERE id = ? AND iso3166 IS NULL AND geonames_id IS NULL`)
    // an id stored again is itself, no longer a redirect; a deleted entity's redirects go with it
    this.#unredirect = db.prepare('DELETE FROM entity_redirects WHERE from_id = ?')
    this.#dropRedirects = db.prepare('DELETE FROM entity_redirects WHERE to_id = ? AND NOT EXISTS (SELECT 1 FROM entities WHERE id = ?)')
    this.#resolver = new EntityResolver(db)
    this.#search = new SearchIndex(db)
    this.#insertAlias = db.prepare('INSERT OR IGNORE INTO entity_aliases (entity_id, alias) VALUES (?, ?)')
    this.#insertTitle = db.prepare('INSERT OR IGNORE INTO entity_titles (entity_id, title) VALUES (?, ?)')
    this.#insertArticleEntity = db.prepare(`INSERT INTO article_entities (article_id, entity_id, position, sort_at)
      VALUES (?, ?, ?, ?)`)
    this.#insertMention = db.prepare(`INSERT OR IGNORE INTO mentions (article_id, entity_id, start, "end", text)
      VALUES (?, ?, ?, ?, ?)`)
    this.#countEntity = db.prepare(`UPDATE entities SET article_count = article_count + 1,
      mention_count = mention_count + ? WHERE id = ?`)
    this.#insertQuote = db.prepare(`INSERT INTO quotes (id, article_id, position, kind, text, spans,
        cue_text, cue_start, cue_end, source_text, source_start, source_end, speaker_id, paragraph, sort_at)
      VALUES (@id, @articleId, @position, @kind, @text, @spans,
        @cueText, @cueStart, @cueEnd, @sourceText, @sourceStart, @sourceEnd, @speakerId, @paragraph, @sortAt)`)
    this.#countSpeaker = db.prepare('UPDATE entities SET quote_count = quote_count + 1 WHERE id = ?')
    this.#entitiesOf = db.prepare('SELECT entity_id FROM article_entities WHERE article_id = ?')
    this.#uncountEntities = db.prepare(`UPDATE entities SET article_count = article_count - 1,
        mention_count = mention_count - (SELECT count(*) FROM mentions m WHERE m.article_id = @id AND m.entity_id = entities.id)
      WHERE id IN (SELECT entity_id FROM article_entities WHERE article_id = @id)`)
    this.#uncountSpeakers = db.prepare(`UPDATE entities SET
        quote_count = quote_count - (SELECT count(*) FROM quotes q WHERE q.article_id = @id AND q.speaker_id = entities.id)
      WHERE id IN (SELECT speaker_id FROM quotes WHERE article_id = @id AND speaker_id IS NOT NULL)`)
    this.#deleteArticle = db.prepare('DELETE FROM articles WHERE id = ?')
    this.#deleteIfOrphan = db.prepare('DELETE FROM entities WHERE id = ? AND article_count <= 0')
    this.#statements = new SqliteStatementTables(db)
    this.#quotesOf = db.prepare(`SELECT statement_text_id AS classId, statement_id AS statementId FROM quotes
      WHERE article_id = ? AND statement_text_id IS NOT NULL`)
  }

  /**
   * Assigns statements to the quotes this transaction stored (and those whose speaker merged into
   * another) and mends those its removed quotes held; `limit` bounds a backfill's batch.
   */
  assignStatements (limit: number | null = null): SyncSummary {
    const removed = this.#removedQuotes
    this.#removedQuotes = []
    return runSync(syncStatements(this.#fingerprints, removed, limit), this.#statements)
  }

  /**
   * Runs `work`, the writer's calls for many articles, in one transaction, and adds the new articles
   * to the search indexes once, at its end (see SearchIndex). Its articles are written without a
   * savepoint each, so an error inside `work` must end it, catching none: the transaction then rolls
   * back whole. Inside a transaction already open, `work` simply runs in that one.
   */
  batch<T> (work: () => T): T {
    if (this.#db.inTransaction) return work()
    return this.#db.transaction(() => {
      this.#batching = true
      try {
        const done = this.#search.deferred(work)
        if (this.#assignsStatements) this.assignStatements()
        return done
      } finally {
        this.#removedQuotes = []
        this.#batching = false
      }
    }).immediate()
  }

  /**
   * Runs one article's write atomically: in a transaction of its own, or, within a batch, in the
   * batch's, without a savepoint. A savepoint makes SQLite copy every page the write then touches
   * into its statement journal (a temporary file past 64 KiB): about 600 page writes an article.
   * A batch fails whole instead (see batch()).
   */
  #atomically<T> (write: () => T): T {
    if (this.#batching) return write()
    return this.#db.transaction(() => {
      try {
        const done = write()
        if (this.#assignsStatements) this.assignStatements()
        return done
      } finally {
        this.#removedQuotes = []
      }
    }).immediate()
  }

  /**
   * Stores `text` parsed as `parsed`. An article already stored from the same text by the same
   * extractor version with the same metadata is left as it is; otherwise it is replaced whole,
   * keeping its id and creation time.
   */
  save (text: string, metadata: ArticleMetadata, parsed: ParsedArticle, extractorVersion: string, now = new Date()): { id: string, outcome: SaveOutcome } {
    const id = articleIdOf(text)
    const wanted = wantedMetadata(metadata, parsed)
    this.#search.flush()
    return this.#atomically(() => {
      const stored = this.#stored.get(id)
      if (stored && stored.extractor_version === extractorVersion && sameMetadata(stored, wanted)) {
        return { id, outcome: 'unchanged' as const }
      }
      if (stored) this.#remove(id)
      const createdAt = stored?.created_at ?? now.toISOString()
      this.#insert(id, text, wanted, parsed, extractorVersion, createdAt)
      return { id, outcome: stored ? 'updated' as const : 'created' as const }
    })
  }

  /**
   * Stores a new article, or finds it already stored from the same text and leaves it untouched
   * (metadata included: a submission never rewrites someone else's article).
   * `parse` is called only when the article is new: callers parse before the transaction when they
   * can, so the write lock is not held while the pipeline runs. Call it inside a transaction of your
   * own to batch several; it opens one otherwise.
   */
  create (text: string, metadata: ArticleMetadata, parse: () => ParsedArticle, extractorVersion: string, now = new Date()): { id: string, outcome: CreateOutcome } {
    const id = articleIdOf(text)
    return this.#atomically(() => {
      if (this.#stored.get(id)) return { id, outcome: 'existing' as const }
      const parsed = parse()
      this.#insert(id, text, wantedMetadata(metadata, parsed), parsed, extractorVersion, now.toISOString())
      return { id, outcome: 'created' as const }
    })
  }

  /**
   * Replaces a stored article's parse with `parsed` (made from its stored text by `extractorVersion`),
   * keeping its id, metadata and creation time. A title taken from the text follows the new parse.
   * Returns false when the article is gone.
   */
  reparse (id: string, parsed: ParsedArticle, extractorVersion: string): boolean {
    this.#search.flush()
    return this.#atomically(() => {
      const stored = this.#stored.get(id)
      if (!stored) return false
      const meta: ArticleColumns = {
        title: stored.title_from_text ? parsed.title : stored.title,
        title_from_text: stored.title_from_text,
        published_at: stored.published_at,
        url: stored.url,
        publisher: stored.publisher,
        language: stored.language
      }
      this.#remove(id)
      this.#insert(id, stored.text, meta, parsed, extractorVersion, stored.created_at)
      return true
    })
  }

  /** Removes an article with its quotes and mentions; entities left with no article go too. */
  delete (id: string): boolean {
    this.#search.flush()
    return this.#atomically(() => {
      if (!this.#stored.get(id)) return false
      this.#remove(id)
      return true
    })
  }

  #remove (id: string): void {
    this.#removedQuotes.push(...this.#quotesOf.all(id))
    const entityIds = this.#entitiesOf.all(id).map((row) => row.entity_id)
    this.#uncountEntities.run({ id })
    this.#uncountSpeakers.run({ id })
    this.#deleteArticle.run(id)
    for (const entityId of entityIds) {
      if (this.#deleteIfOrphan.run(entityId).changes > 0) this.#dropRedirects.run(entityId, entityId)
    }
  }

  #insert (id: string, text: string, meta: ArticleColumns,
    parsed: ParsedArticle, extractorVersion: string, createdAt: string): void {
    const sortAt = meta.published_at ?? createdAt
    // the stored entity each of the article's stands for: the same referent keeps one id across articles
    const storedIds = this.#resolver.resolve(parsed.entities)
    const entities = mergeById(parsed.entities.map((e) => ({ ...e, id: storedIds.get(e.id) ?? e.id })))
    const entityIds = new Set(entities.map((e) => e.id))
    this.#insertArticle.run({
      ...structureOf(parsed),
      id, text, title: meta.title, titleFromText: meta.title_from_text, publishedAt: meta.published_at, publisher: meta.publisher,
      url: meta.url, language: meta.language, lede: parsed.lede, extractorVersion, createdAt, sortAt,
      keyBase: articleKeyBase(sortAt), quoteCount: parsed.quotes.length, entityCount: entities.length
    })
    for (const p of parsed.paragraphs) this.#insertParagraph.run(id, p.index, p.kind, p.text, p.start, p.end)
    entities.forEach((entity, position) => this.#insertEntityOf(id, entity, position, sortAt))
    parsed.quotes.forEach((quote, position) => {
      const stored = quote.speakerId === null ? null : storedIds.get(quote.speakerId) ?? quote.speakerId
      const speakerId = stored !== null && entityIds.has(stored) ? stored : null
      this.#insertQuote.run({
        id: quoteIdOf(id, position), articleId: id, position, kind: quote.kind, text: quote.text,
        spans: JSON.stringify(quote.spans.map(({ start, end }) => ({ start, end }))),
        cueText: quote.cue?.text ?? null, cueStart: quote.cue?.start ?? null, cueEnd: quote.cue?.end ?? null,
        sourceText: quote.source?.text ?? null, sourceStart: quote.source?.start ?? null, sourceEnd: quote.source?.end ?? null,
        speakerId, paragraph: quote.paragraph, sortAt
      })
      if (speakerId !== null) this.#countSpeaker.run(speakerId)
    })
    this.#search.added(id)
  }

  #insertEntityOf (articleId: string, entity: ExtractedEntity, position: number, sortAt: string): void {
    const { iso3166 = null, geonamesId = null } = entity.type === 'location' ? placeIdentifiers(entity.name) : {}
    const created = this.#insertEntity.run(entity.id, entity.name, entity.type, iso3166, geonamesId).changes > 0
    if (created) this.#unredirect.run(entity.id)
    else if (iso3166 !== null || geonamesId !== null) this.#identify.run(iso3166, geonamesId, entity.id)
    this.#resolver.remember(entity.id, entity.type, entity.name, entity.aliases)
    for (const alias of entity.aliases) this.#insertAlias.run(entity.id, alias)
    for (const title of entity.titles) this.#insertTitle.run(entity.id, title)
    this.#insertArticleEntity.run(articleId, entity.id, position, sortAt)
    let mentions = 0
    for (const m of entity.mentions) mentions += this.#insertMention.run(articleId, entity.id, m.start, m.end, m.text).changes
    this.#countEntity.run(mentions, entity.id)
    // Last, once this article's rows are in: an entity stored under a shorter name ("Lavrov", "SDF")
    // folds into this one, its rows merging with these and every counter recounted from the rows.
    if (created) this.#resolver.absorbSurname(entity.id, entity.type, entity.name, entity.titles)
    this.#resolver.absorbShortForms(entity.id, entity.type, entity.name, entity.aliases)
  }
}

/** The article's columns that its submitter decides (or the text, for a title nobody gave). */
type ArticleColumns = Omit<StoredArticle, 'text' | 'extractor_version' | 'created_at'>

function wantedMetadata (metadata: ArticleMetadata, parsed: ParsedArticle): ArticleColumns {
  const given = metadata.title ?? null
  return {
    title: given ?? parsed.title,
    title_from_text: given === null ? 1 : 0,
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

/** The structure columns as the insert binds them: the trailer as JSON text. */
function structureOf (parsed: ParsedArticle) {
  const columns = structureColumnsOf(parsed)
  return { ...columns, trailer: JSON.stringify(columns.trailer) }
}
