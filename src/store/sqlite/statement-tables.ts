import type { Statement } from 'better-sqlite3'
import type { Db } from './connection.js'
import type {
  BucketRow, ClassRow, ClassStatement, EdgeRow, MemberRow, NewClass, StaleQuote, StatementRow, StatementStart, StatementTables
} from '../statements/tables.js'

interface ClassColumns { id: number, key: string, speaker_id: string | null, canonical: string }

const toClass = (r: ClassColumns): ClassRow => ({ id: r.id, key: r.key, speakerId: r.speaker_id, canonical: r.canonical })
const json = (values: readonly unknown[]) => JSON.stringify(values)

// the quote's order: its article's publication in UTC, else its creation (what first_seen shows)
const ORDER = 'coalesce(a.published_utc, a.created_at)'

/**
 * The statement tables (migration 009) for the assignment in statements/sync.ts, synchronous, run
 * inside the article's write transaction. Lists of ids are bound as one JSON array, so every
 * statement is prepared once whatever the list's length.
 */
export class SqliteStatementTables implements StatementTables {
  readonly #stale: Statement<[number], StaleQuote>
  readonly #detach: Statement<[string]>
  readonly #empty: Statement<[string], { id: number }>
  readonly #neighboursOf: Statement<[string], { from: number, to: number }>
  readonly #deleteClasses: Statement<[string]>
  readonly #byKeys: Statement<[string], ClassColumns>
  readonly #insertClass: Statement<[string, string | null, string, string]>
  readonly #deleteBuckets: Statement<[string]>
  readonly #insertBuckets: Statement<[string]>
  readonly #bucketRows: Statement<{ keys: string, perKey: number }, BucketRow>
  readonly #insertEdges: Statement<[string]>
  readonly #assign: Statement<[string]>
  readonly #classes: Statement<[string], ClassColumns>
  readonly #members: Statement<[string], MemberRow>
  readonly #setStatements: Statement<[string]>
  readonly #writeStatements: Statement<[string]>
  readonly #deleteStatements: Statement<[string]>
  readonly #deletePublishers: Statement<[string]>
  readonly #writePublishers: Statement<[string]>
  readonly #statementOfClass: Statement<[number], ClassStatement>
  readonly #soleStatement: Statement<[string], { classes: number, statements: number, id: string | null }>
  readonly #statementById: Statement<[string], ClassStatement>
  readonly #startStatements: Statement<[string]>
  readonly #startPublishers: Statement<[string]>
  readonly #setStarted: Statement<[string]>
  readonly #inArticle: Statement<{ statement: string, article: string }, number>
  readonly #addPublisher: Statement<{ statement: string, article: string }>
  readonly #countCopy: Statement<{ statement: string, newArticle: number, newPublisher: number, newWording: number, text: string | null }>
  readonly #setCopy: Statement<{ quote: string, classId: number, statement: string }>

  constructor (db: Db) {
    this.#stale = db.prepare(`SELECT q.id, q.article_id AS articleId, q.text, q.speaker_id AS speakerId, ${ORDER} AS "order",
        q.statement_text_id AS classId, q.statement_id AS statementId
      FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.statement_stale = 1 ORDER BY q.id LIMIT ?`)
    this.#detach = db.prepare('UPDATE quotes SET statement_text_id = NULL WHERE id IN (SELECT value FROM json_each(?))')
    this.#empty = db.prepare(`SELECT t.id FROM statement_texts t WHERE t.id IN (SELECT value FROM json_each(?))
      AND NOT EXISTS (SELECT 1 FROM quotes q WHERE q.statement_text_id = t.id)`)
    this.#neighboursOf = db.prepare(`SELECT text_id AS "from", other_id AS "to" FROM statement_echoes
      WHERE text_id IN (SELECT value FROM json_each(?))`)
    // edges go with their class (ON DELETE CASCADE); its bucket rows are deleted first
    this.#deleteClasses = db.prepare('DELETE FROM statement_texts WHERE id IN (SELECT value FROM json_each(?))')
    this.#byKeys = db.prepare('SELECT id, key, speaker_id, canonical FROM statement_texts WHERE key IN (SELECT value FROM json_each(?))')
    this.#insertClass = db.prepare('INSERT INTO statement_texts (key, speaker_id, canonical, bucket_keys) VALUES (?, ?, ?, ?)')
    this.#deleteBuckets = db.prepare(`DELETE FROM statement_buckets WHERE (key, text_id) IN
      (SELECT k.value, t.id FROM statement_texts t, json_each(t.bucket_keys) k WHERE t.id IN (SELECT value FROM json_each(?)))`)
    // in key order: neighbouring keys share a leaf
    this.#insertBuckets = db.prepare(`INSERT OR IGNORE INTO statement_buckets (key, text_id)
      SELECT value ->> 0, value ->> 1 FROM json_each(?) ORDER BY 1, 2`)
    // each key's perKey most recent classes: its rows from the perKey-th highest id up
    this.#bucketRows = db.prepare(`SELECT k.value AS key, b.text_id AS id FROM json_each(@keys) k
      JOIN statement_buckets b ON b.key = k.value AND b.text_id >= coalesce((SELECT s.text_id FROM statement_buckets s
        WHERE s.key = k.value ORDER BY s.text_id DESC LIMIT 1 OFFSET @perKey - 1), 0)`)
    this.#insertEdges = db.prepare(`INSERT OR REPLACE INTO statement_echoes (text_id, other_id, relation, similarity)
      SELECT value ->> 'from', value ->> 'to', value ->> 'relation', value ->> 'similarity' FROM json_each(?)`)
    this.#assign = db.prepare(`UPDATE quotes SET statement_text_id = p.value ->> 'classId', statement_stale = 0
      FROM json_each(?) p WHERE quotes.id = p.value ->> 'quoteId'`)
    this.#classes = db.prepare('SELECT id, key, speaker_id, canonical FROM statement_texts WHERE id IN (SELECT value FROM json_each(?))')
    this.#members = db.prepare(`SELECT q.id, q.article_id AS articleId, q.statement_text_id AS classId, q.text, ${ORDER} AS "order",
        a.publisher, q.statement_id AS statementId
      FROM quotes q JOIN articles a ON a.id = q.article_id
      WHERE q.statement_text_id IN (SELECT value FROM json_each(?))`)
    this.#setStatements = db.prepare(`UPDATE quotes SET statement_id = p.value ->> 'statementId'
      FROM json_each(?) p WHERE quotes.id = p.value ->> 'quoteId'`)
    this.#writeStatements = db.prepare(`INSERT OR REPLACE INTO statements (id, speaker_id, text, first_quote_id, first_article_id,
        first_seen, quote_count, article_count, publisher_count, variant_count)
      SELECT value ->> 'id', value ->> 'speakerId', value ->> 'text', value ->> 'firstQuoteId', value ->> 'firstArticleId',
        value ->> 'firstSeen', value ->> 'quoteCount', value ->> 'articleCount', value ->> 'publisherCount', value ->> 'variantCount'
      FROM json_each(?)`)
    this.#deleteStatements = db.prepare('DELETE FROM statements WHERE id IN (SELECT value FROM json_each(?))')
    this.#deletePublishers = db.prepare('DELETE FROM statement_publishers WHERE statement_id IN (SELECT value FROM json_each(?))')
    this.#writePublishers = db.prepare(`INSERT OR IGNORE INTO statement_publishers (statement_id, publisher)
      SELECT s.value ->> 'id', p.value FROM json_each(?) s, json_each(s.value -> 'publisherNames') p`)
    this.#statementOfClass = db.prepare(`SELECT s.id, s.text, s.first_seen AS firstSeen, s.first_quote_id AS firstQuoteId FROM statements s
      WHERE s.id = (SELECT statement_id FROM quotes WHERE statement_text_id = ? AND statement_id IS NOT NULL LIMIT 1)`)
    this.#soleStatement = db.prepare(`SELECT count(DISTINCT statement_text_id) AS classes, count(DISTINCT statement_id) AS statements,
        min(statement_id) AS id FROM quotes WHERE statement_text_id IN (SELECT value FROM json_each(?)) AND statement_id IS NOT NULL`)
    this.#statementById = db.prepare('SELECT id, text, first_seen AS firstSeen, first_quote_id AS firstQuoteId FROM statements WHERE id = ?')
    this.#startStatements = db.prepare(`INSERT INTO statements (id, speaker_id, text, first_quote_id, first_article_id, first_seen,
        quote_count, article_count, publisher_count, variant_count)
      SELECT s.value ->> 'id', s.value ->> 'speakerId', s.value ->> 'text', s.value ->> 'id', a.id, s.value ->> 'order', 1, 1,
        a.publisher IS NOT NULL, 1
      FROM json_each(?) s JOIN articles a ON a.id = s.value ->> 'articleId'`)
    this.#startPublishers = db.prepare(`INSERT OR IGNORE INTO statement_publishers (statement_id, publisher)
      SELECT s.value ->> 'id', a.publisher FROM json_each(?) s JOIN articles a ON a.id = s.value ->> 'articleId'
      WHERE a.publisher IS NOT NULL`)
    this.#setStarted = db.prepare(`UPDATE quotes SET statement_text_id = s.value ->> 'classId', statement_id = quotes.id, statement_stale = 0
      FROM json_each(?) s WHERE quotes.id = s.value ->> 'id'`)
    this.#inArticle = db.prepare<{ statement: string, article: string }, number>(`SELECT EXISTS (SELECT 1 FROM quotes
      WHERE article_id = @article AND statement_id = @statement)`).pluck()
    this.#addPublisher = db.prepare(`INSERT OR IGNORE INTO statement_publishers (statement_id, publisher)
      SELECT @statement, publisher FROM articles WHERE id = @article AND publisher IS NOT NULL`)
    this.#countCopy = db.prepare(`UPDATE statements SET quote_count = quote_count + 1, article_count = article_count + @newArticle,
      publisher_count = publisher_count + @newPublisher, variant_count = variant_count + @newWording, text = coalesce(@text, text)
      WHERE id = @statement`)
    this.#setCopy = db.prepare('UPDATE quotes SET statement_text_id = @classId, statement_id = @statement, statement_stale = 0 WHERE id = @quote')
  }

  statementOfClass (classId: number): ClassStatement | null {
    return this.#statementOfClass.get(classId) ?? null
  }

  soleStatementOf (classIds: number[]): ClassStatement | null {
    const found = this.#soleStatement.get(json(classIds))
    if (!found || found.classes !== classIds.length || found.statements !== 1 || found.id === null) return null
    return this.#statementById.get(found.id) ?? null
  }

  startStatements (starts: StatementStart[]): void {
    if (starts.length === 0) return
    const rows = json(starts.map(({ quote, classId }) => ({
      id: quote.id, articleId: quote.articleId, speakerId: quote.speakerId, text: quote.text, order: quote.order, classId
    })))
    this.#startStatements.run(rows)
    this.#startPublishers.run(rows)
    this.#setStarted.run(rows)
  }

  joinStatement (quote: { id: string, articleId: string }, classId: number, statement: string, wording: { text: string | null } | null): void {
    const ids = { statement, article: quote.articleId }
    const newArticle = this.#inArticle.get(ids) === 1 ? 0 : 1
    const newPublisher = this.#addPublisher.run(ids).changes
    this.#countCopy.run({ statement, newArticle, newPublisher, newWording: wording === null ? 0 : 1, text: wording?.text ?? null })
    this.#setCopy.run({ quote: quote.id, classId, statement })
  }

  staleQuotes (limit: number | null = null): StaleQuote[] {
    return this.#stale.all(limit ?? -1)
  }

  detachQuotes (quoteIds: string[]): void {
    if (quoteIds.length > 0) this.#detach.run(json(quoteIds))
  }

  emptyClasses (classIds: number[]): number[] {
    return classIds.length === 0 ? [] : this.#empty.all(json(classIds)).map((r) => r.id)
  }

  deleteClasses (classIds: number[]): number[] {
    if (classIds.length === 0) return []
    const gone = new Set(classIds)
    const neighbours = this.#neighboursOf.all(json(classIds)).map((r) => r.to).filter((id) => !gone.has(id))
    this.#deleteBuckets.run(json(classIds))
    this.#deleteClasses.run(json(classIds))
    return [...new Set(neighbours)]
  }

  classesByKeys (keys: string[]): ClassRow[] {
    return keys.length === 0 ? [] : this.#byKeys.all(json(keys)).map(toClass)
  }

  bucketRows (keys: string[], perKey: number): BucketRow[] {
    return keys.length === 0 ? [] : this.#bucketRows.all({ keys: json(keys), perKey })
  }

  insertClasses (rows: NewClass[]): number[] {
    const ids = rows.map((row) => Number(this.#insertClass.run(row.key, row.speakerId, row.canonical, json(row.bucketKeys)).lastInsertRowid))
    const buckets = rows.flatMap((row, i) => row.bucketKeys.map((key) => [key, ids[i]]))
    if (buckets.length > 0) this.#insertBuckets.run(json(buckets))
    return ids
  }

  insertEdges (edges: EdgeRow[]): void {
    if (edges.length > 0) this.#insertEdges.run(json(edges))
  }

  assignClasses (pairs: { quoteId: string, classId: number }[]): void {
    if (pairs.length > 0) this.#assign.run(json(pairs))
  }

  neighbours (classIds: number[]): [number, number][] {
    return classIds.length === 0 ? [] : this.#neighboursOf.all(json(classIds)).map((r) => [r.from, r.to])
  }

  classes (classIds: number[]): ClassRow[] {
    return classIds.length === 0 ? [] : this.#classes.all(json(classIds)).map(toClass)
  }

  members (classIds: number[]): MemberRow[] {
    return classIds.length === 0 ? [] : this.#members.all(json(classIds))
  }

  setStatementIds (pairs: { quoteId: string, statementId: string }[]): void {
    if (pairs.length > 0) this.#setStatements.run(json(pairs))
  }

  writeStatements (rows: StatementRow[], gone: string[]): void {
    const rewritten = [...gone, ...rows.map((r) => r.id)]
    if (gone.length > 0) this.#deleteStatements.run(json(gone))
    if (rewritten.length > 0) this.#deletePublishers.run(json(rewritten))
    if (rows.length > 0) {
      this.#writeStatements.run(json(rows))
      this.#writePublishers.run(json(rows))
    }
  }
}
