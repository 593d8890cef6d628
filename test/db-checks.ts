// Database checks shared by the reliability tests (fuzzing, crash safety, concurrency, shutdown):
// SQLite's own integrity check, the denormalised counters against the rows they count, and a
// canonical dump that two databases holding the same articles print identically.
import type { Db } from '../src/store/sqlite/connection.js'

const TABLES = ['articles', 'paragraphs', 'entities', 'entity_aliases', 'entity_titles', 'article_entities', 'mentions', 'quotes']

/**
 * Columns that record when a row was written, not what it holds: two runs of the same input differ
 * there (a statement's text class is a surrogate id, numbered as classes were made).
 */
const WHEN = new Set(['created_at', 'sort_at', 'statement_text_id'])

/** `PRAGMA integrity_check` and `foreign_key_check`: [] when SQLite finds nothing wrong. */
export function sqliteProblems (db: Db): string[] {
  const integrity = db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[]
  const problems = integrity.map((row) => row.integrity_check).filter((line) => line !== 'ok')
  const foreign = db.pragma('foreign_key_check') as unknown[]
  if (foreign.length) problems.push(`${foreign.length} foreign key violation(s): ${JSON.stringify(foreign.slice(0, 3))}`)
  return problems
}

/** Every stored count against the rows it counts: [] when all agree. */
export function counterProblems (db: Db): string[] {
  const queries: [string, string][] = [
    ['article quote_count', `SELECT a.id FROM articles a WHERE a.quote_count != (SELECT count(*) FROM quotes q WHERE q.article_id = a.id)`],
    ['article entity_count', `SELECT a.id FROM articles a WHERE a.entity_count != (SELECT count(*) FROM article_entities x WHERE x.article_id = a.id)`],
    ['entity article_count', `SELECT e.id FROM entities e WHERE e.article_count != (SELECT count(*) FROM article_entities x WHERE x.entity_id = e.id)`],
    ['entity mention_count', `SELECT e.id FROM entities e WHERE e.mention_count != (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id)`],
    ['entity quote_count', `SELECT e.id FROM entities e WHERE e.quote_count != (SELECT count(*) FROM quotes q WHERE q.speaker_id = e.id)`],
    ['orphan entity', `SELECT e.id FROM entities e WHERE e.article_count <= 0`]
  ]
  return queries.flatMap(([what, sql]) => {
    const ids = db.prepare(sql).pluck().all() as string[]
    return ids.length ? [`${what} wrong for ${ids.length} row(s), e.g. ${ids.slice(0, 3).join(', ')}`] : []
  })
}

/** The database's content as one string, rows in key order, write times left out. */
export function canonicalDump (db: Db): string {
  const out: string[] = []
  for (const table of TABLES) {
    const columns = (db.pragma(`table_info(${table})`) as { name: string, pk: number }[])
    const kept = columns.filter((c) => !WHEN.has(c.name)).map((c) => `"${c.name}"`)
    const rows = db.prepare(`SELECT ${kept.join(', ')} FROM ${table} ORDER BY ${kept.join(', ')}`).raw().all()
    out.push(`# ${table} (${rows.length})`, ...rows.map((row) => JSON.stringify(row)))
  }
  return out.join('\n')
}

/** The number of rows in each table. */
export function rowCounts (db: Db): Record<string, number> {
  return Object.fromEntries(TABLES.map((table) => [table, db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number]))
}
