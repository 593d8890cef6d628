import Database from 'better-sqlite3'
import pg from 'pg'
import { migrate } from '../src/store/postgres/migrate.js'

// The benchmarks' PostgreSQL corpus: the very rows of a SQLite corpus (bench/corpus.ts), copied into a
// database of their own on the server at `adminUrl`, so that both stores answer the same articles,
// ids and counters. The copy goes table by table in batches through json_populate_recordset; the
// generated columns (the search documents, published_utc) are computed by PostgreSQL as it inserts.
// A database already holding the corpus (checked by its article count) is reused.

/** Tables in an order their foreign keys accept, with the columns both schemas share. */
const TABLES: Array<{ name: string, columns: string[] }> = [
  { name: 'articles', columns: ['id', 'title', 'title_from_text', 'dateline', 'published_at', 'publisher', 'url', 'language', 'text', 'lede', 'extractor_version', 'created_at', 'sort_at', 'quote_count', 'entity_count'] },
  { name: 'paragraphs', columns: ['article_id', 'idx', 'kind', 'text', 'start', 'end'] },
  { name: 'entities', columns: ['id', 'name', 'type', 'article_count', 'mention_count', 'quote_count', 'iso3166', 'geonames_id'] },
  { name: 'entity_aliases', columns: ['entity_id', 'alias'] },
  { name: 'entity_titles', columns: ['entity_id', 'title'] },
  { name: 'entity_keys', columns: ['key', 'kind', 'entity_id'] },
  { name: 'entity_redirects', columns: ['from_id', 'to_id'] },
  { name: 'article_entities', columns: ['article_id', 'entity_id', 'position', 'sort_at'] },
  { name: 'mentions', columns: ['article_id', 'entity_id', 'start', 'end', 'text'] },
  { name: 'quotes', columns: ['id', 'article_id', 'position', 'kind', 'text', 'spans', 'cue_text', 'cue_start', 'cue_end', 'source_text', 'source_start', 'source_end', 'speaker_id', 'paragraph', 'sort_at'] }
]
const BATCH = 2000

const quoted = (column: string): string => `"${column}"`

/** SQLite's 0/1 is PostgreSQL's boolean; its JSON text is json. */
function toPostgres (table: string, row: Record<string, unknown>): Record<string, unknown> {
  if (table === 'articles') return { ...row, title_from_text: row.title_from_text === 1 }
  if (table === 'quotes') return { ...row, spans: JSON.parse(String(row.spans)) }
  return row
}

async function copyTable (sqlite: Database.Database, pool: pg.Pool, table: { name: string, columns: string[] },
  log: (line: string) => void): Promise<void> {
  const list = table.columns.map(quoted).join(', ')
  const insert = `INSERT INTO ${table.name} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${table.name}, $1::json)`
  const total = sqlite.prepare(`SELECT count(*) FROM ${table.name}`).pluck().get() as number
  // one statement read through (some tables are WITHOUT ROWID); nothing else runs on this connection meanwhile
  const rows = sqlite.prepare(`SELECT ${list} FROM ${table.name}`).iterate() as IterableIterator<Record<string, unknown>>
  let copied = 0
  for (let batch = take(rows, BATCH); batch.length > 0; batch = take(rows, BATCH)) {
    await pool.query(insert, [JSON.stringify(batch.map((row) => toPostgres(table.name, row)))])
    copied += batch.length
    if (copied % 20_000 < BATCH) log(`postgres corpus: ${table.name} ${copied}/${total}`)
  }
}

function take<T> (rows: Iterator<T>, n: number): T[] {
  const batch: T[] = []
  for (let next = rows.next(); !next.done; next = rows.next()) {
    batch.push(next.value)
    if (batch.length === n) break
  }
  return batch
}

/** The URL of a database on the server of `adminUrl` holding the corpus of the SQLite file `file`. */
export async function ensurePostgresCorpus (adminUrl: string, file: string, size: number, log: (line: string) => void): Promise<string> {
  const name = `bench_corpus_${size}`
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  try {
    const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1
    if (exists && await isComplete(url.href)) return url.href
    await admin.query(`DROP DATABASE IF EXISTS ${name}`)
    await admin.query(`CREATE DATABASE ${name}`)
  } finally {
    await admin.end()
  }
  const started = performance.now()
  const pool = new pg.Pool({ connectionString: url.href, max: 2 })
  const sqlite = new Database(file, { readonly: true })
  try {
    await migrate(pool)
    for (const table of TABLES) await copyTable(sqlite, pool, table, log)
    await pool.query('VACUUM ANALYZE')
    // written last: a copy cut short is copied again
    await pool.query('CREATE TABLE bench_corpus_complete (size integer)')
  } finally {
    sqlite.close()
    await pool.end()
  }
  log(`postgres corpus ${size}: copied in ${((performance.now() - started) / 1000).toFixed(0)} s`)
  return url.href
}

async function isComplete (url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query("SELECT to_regclass('bench_corpus_complete') IS NOT NULL AS done")).rows[0]?.done === true
  } finally {
    await client.end()
  }
}
