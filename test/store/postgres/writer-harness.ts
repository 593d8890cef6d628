// The PostgreSQL writer driven as a store would drive it (each call one transaction on a pool), and
// the same database content dumped as test/db-checks.ts dumps SQLite's, so the two compare as strings.
import type { Test } from 'tap'
import type pg from 'pg'
import type { ParsedArticle } from '../../../src/domain/extraction.js'
import { PgArticleWriter, type ArticleWriterOptions } from '../../../src/store/postgres/article-writer.js'
import { migrate } from '../../../src/store/postgres/migrate.js'
import { inTransaction, type TransactionOptions } from '../../../src/store/postgres/transaction.js'
import type { Db } from '../../../src/store/sqlite/connection.js'
import type { ArticleMetadata } from '../../../src/store/store.js'
import { poolFor, throwawayDatabase } from './database.js'

/** The writer's methods, each in a transaction of its own on `pool`. */
export function writerOn (pool: pg.Pool, options: ArticleWriterOptions & TransactionOptions = {}) {
  const writer = new PgArticleWriter(options)
  const run = async <T> (fn: (client: pg.PoolClient) => Promise<T>) => inTransaction(pool, fn, options)
  return {
    writer,
    save: async (text: string, metadata: ArticleMetadata, parsed: ParsedArticle, version = 'v1', now?: Date) =>
      run((c) => writer.save(c, text, metadata, parsed, version, now)),
    create: async (text: string, metadata: ArticleMetadata, parse: () => ParsedArticle, version = 'v1', now?: Date) =>
      run((c) => writer.create(c, text, metadata, parse, version, now)),
    reparse: async (parses: { id: string, parsed: ParsedArticle }[], version: string) =>
      run(async (c) => {
        let n = 0
        for (const { id, parsed } of parses) if (await writer.reparse(c, id, parsed, version)) n++
        return n
      }),
    delete: async (id: string) => run((c) => writer.delete(c, id))
  }
}

/** A throwaway database, migrated, and a pool on it. */
export async function migratedPool (t: Test, max = 2): Promise<pg.Pool> {
  const pool = poolFor(t, await throwawayDatabase(t), max)
  await migrate(pool)
  return pool
}

// what both writers store; created_at and sort_at record when, not what
const COLUMNS: Record<string, string[]> = {
  articles: ['id', 'title', 'title_from_text', 'dek', 'byline', 'dateline', 'dateline_text', 'dateline_agency', 'dateline_date',
    'trailer', 'published_at', 'publisher', 'url', 'language', 'text', 'lede', 'extractor_version', 'quote_count', 'entity_count'],
  paragraphs: ['article_id', 'idx', 'kind', 'text', 'start', 'end'],
  entities: ['id', 'name', 'type', 'article_count', 'mention_count', 'quote_count', 'iso3166', 'geonames_id'],
  entity_aliases: ['entity_id', 'alias'],
  entity_titles: ['entity_id', 'title'],
  entity_keys: ['key', 'kind', 'entity_id'],
  entity_redirects: ['from_id', 'to_id'],
  article_entities: ['article_id', 'entity_id', 'position'],
  mentions: ['article_id', 'entity_id', 'start', 'end', 'text'],
  quotes: ['id', 'article_id', 'position', 'kind', 'text', 'spans', 'cue_text', 'cue_start', 'cue_end', 'source_text',
    'source_start', 'source_end', 'speaker_id', 'paragraph']
}

export const DUMPED_TABLES = Object.keys(COLUMNS)

// SQLite's 0/1 and JSON text, as PostgreSQL's boolean and json read back through these casts
const PG_CAST: Record<string, string> = { title_from_text: 'title_from_text::int', spans: 'spans::text', trailer: 'trailer::text' }

const dumpOf = (table: string, rows: unknown[][]): string[] =>
  [`# ${table} (${rows.length})`, ...rows.map((row) => JSON.stringify(row)).sort()]

/** SQLite's rows of `tables`, each table's rows sorted as text. */
export function sqliteDump (db: Db, tables = DUMPED_TABLES): string {
  return tables.flatMap((table) => {
    const columns = (COLUMNS[table] ?? []).map((c) => `"${c}"`).join(', ')
    return dumpOf(table, db.prepare(`SELECT ${columns} FROM ${table}`).raw().all() as unknown[][])
  }).join('\n')
}

/** PostgreSQL's rows of the same tables and columns, in the same form. */
export async function pgDump (db: pg.Pool, tables = DUMPED_TABLES): Promise<string> {
  const out: string[] = []
  for (const table of tables) {
    const columns = (COLUMNS[table] ?? []).map((c) => PG_CAST[c] ?? `"${c}"`).join(', ')
    const { rows } = await db.query({ text: `SELECT ${columns} FROM ${table}`, rowMode: 'array' })
    out.push(...dumpOf(table, rows as unknown[][]))
  }
  return out.join('\n')
}

/** Counters that disagree with the rows they count, entities no article names, duplicate referents. */
export async function pgProblems (db: pg.Pool): Promise<unknown[]> {
  const { rows } = await db.query(`SELECT e.id, e.article_count, e.mention_count, e.quote_count FROM entities e
    WHERE e.article_count <> (SELECT count(*) FROM article_entities WHERE entity_id = e.id)
       OR e.mention_count <> (SELECT count(*) FROM mentions WHERE entity_id = e.id)
       OR e.quote_count <> (SELECT count(*) FROM quotes WHERE speaker_id = e.id)
       OR e.article_count = 0
    UNION ALL SELECT a.id, a.entity_count, a.quote_count, NULL FROM articles a
    WHERE a.entity_count <> (SELECT count(*) FROM article_entities WHERE article_id = a.id)
       OR a.quote_count <> (SELECT count(*) FROM quotes WHERE article_id = a.id)`)
  return rows
}
