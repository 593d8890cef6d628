// The Store's reads of one resource and the re-extraction's, over any Queryable: the primary's pool,
// a replica's, or a client inside a transaction. The shapes are SQLite's (src/store/sqlite/
// {articles,quotes,entities}.ts); each read is one named statement, one round trip.
import type { Paragraph, Span } from '../../domain/extraction.js'
import { trailerOf } from '../article-structure.js'
import type { Article, Entity, Quote } from '../../domain/resources.js'
import type { Queryable } from './connection.js'
import { run } from './lists/statements.js'
import type { Statement } from '../../domain/statements.js'
import {
  ARTICLE_COLUMNS, ENTITY_COLUMNS, QUOTE_COLUMNS, QUOTES_FROM, STATEMENT_COLUMNS, STATEMENTS_FROM, toEntity, toQuote, toStatement, toSummary,
  type ArticleRow, type EntityRow, type QuoteRow, type StatementRowColumns
} from './rows.js'

// ids are bound as COLLATE "C", as the columns they meet
const ID = '($1::text COLLATE "C")'

// the paragraphs in the same round trip, keys in the order SQLite's mapping writes them
const ARTICLE = `SELECT ${ARTICLE_COLUMNS}, a.text, a.trailer,
  (SELECT coalesce(json_agg(json_build_object('index', p.idx, 'kind', p.kind, 'text', p.text, 'start', p.start, 'end', p."end")
     ORDER BY p.idx), '[]'::json) FROM paragraphs p WHERE p.article_id = a.id) AS paragraphs
  FROM articles a WHERE a.id = ${ID}`

export async function getArticle (db: Queryable, id: string): Promise<Article | null> {
  const [row] = await run<ArticleRow & { text: string, trailer: Span[], paragraphs: Paragraph[] }>(db, ARTICLE, [id])
  return row ? { ...toSummary(row), text: row.text, paragraphs: row.paragraphs, trailer: trailerOf(row.text, row.trailer) } : null
}

const exists = async (db: Queryable, sql: string, id: string): Promise<boolean> => (await run(db, sql, [id])).length > 0

export const articleExists = (db: Queryable, id: string): Promise<boolean> => exists(db, `SELECT 1 FROM articles WHERE id = ${ID}`, id)

export async function isEmpty (db: Queryable): Promise<boolean> {
  return (await run(db, 'SELECT 1 FROM articles LIMIT 1', [])).length === 0
}

export async function getQuote (db: Queryable, id: string): Promise<Quote | null> {
  const [row] = await run<QuoteRow>(db, `SELECT ${QUOTE_COLUMNS} FROM ${QUOTES_FROM} WHERE q.id = ${ID}`, [id])
  return row ? toQuote(row) : null
}

export async function getStatement (db: Queryable, id: string): Promise<Statement | null> {
  const [row] = await run<StatementRowColumns>(db, `SELECT ${STATEMENT_COLUMNS} FROM ${STATEMENTS_FROM} WHERE s.id = ${ID}`, [id])
  return row ? toStatement(row) : null
}

export async function getEntity (db: Queryable, id: string): Promise<Entity | null> {
  const [row] = await run<EntityRow>(db, `SELECT ${ENTITY_COLUMNS} FROM entities e WHERE e.id = ${ID}`, [id])
  return row ? toEntity(row) : null
}

export const entityExists = (db: Queryable, id: string): Promise<boolean> => exists(db, `SELECT 1 FROM entities WHERE id = ${ID}`, id)

/** The entity an id was merged into (a surname stored alone, then its full name), or null; a target since deleted is none. */
export async function entityMergedInto (db: Queryable, id: string): Promise<string | null> {
  const [row] = await run<{ id: string }>(db, `SELECT e.id FROM entity_redirects r JOIN entities e ON e.id = r.to_id
    WHERE r.from_id = ${ID}`, [id])
  return row?.id ?? null
}

/** How many articles each extractor version parsed. */
export async function countByExtractorVersion (db: Queryable): Promise<Map<string, number>> {
  const rows = await run<{ version: string, count: number }>(db,
    'SELECT extractor_version AS version, count(*) AS count FROM articles GROUP BY extractor_version', [])
  return new Map(rows.map((row) => [row.version, row.count]))
}

/** The next `limit` articles (id and text) parsed by `version`, in id order after `afterId` (byte order, as SQLite). */
export async function articlesParsedBy (db: Queryable, version: string, afterId: string, limit: number): Promise<{ id: string, text: string }[]> {
  return run<{ id: string, text: string }>(db, `SELECT id, text FROM articles
    WHERE extractor_version = ${ID} AND id > ($2::text COLLATE "C") ORDER BY id LIMIT $3::bigint`, [version, afterId, limit])
}
