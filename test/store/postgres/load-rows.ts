// Copies every row of a SQLite store into a migrated PostgreSQL database, table by table, so both
// stores hold the same data and their reads can be compared: the parity tests' fixture, and the
// benchmarks' PostgreSQL corpus (bench/postgres-corpus.ts). Generated columns (published_utc,
// search) are PostgreSQL's own to compute.
import type pg from 'pg'
import type { Db } from '../../../src/store/sqlite/connection.js'

interface Table {
  name: string
  columns: string[]
  /** Per row, before it is sent: SQLite's text JSON parsed, so json_populate_recordset stores it as JSON. */
  prepare?: (row: Record<string, unknown>) => Record<string, unknown>
}

// in foreign-key order
const TABLES: Table[] = [
  {
    name: 'articles',
    columns: ['id', 'title', 'title_from_text', 'dateline', 'published_at', 'publisher', 'url', 'language', 'text', 'lede',
      'extractor_version', 'created_at', 'sort_at', 'quote_count', 'entity_count',
      'dek', 'byline', 'dateline_text', 'dateline_agency', 'dateline_date', 'trailer'],
    prepare: (row) => ({ ...row, title_from_text: row.title_from_text === 1, trailer: JSON.parse(String(row.trailer)) as unknown })
  },
  { name: 'paragraphs', columns: ['article_id', 'idx', 'kind', 'text', 'start', 'end'] },
  { name: 'entities', columns: ['id', 'name', 'type', 'article_count', 'mention_count', 'quote_count', 'iso3166', 'geonames_id'] },
  { name: 'entity_aliases', columns: ['entity_id', 'alias'] },
  { name: 'entity_titles', columns: ['entity_id', 'title'] },
  { name: 'entity_keys', columns: ['key', 'kind', 'entity_id'] },
  { name: 'entity_redirects', columns: ['from_id', 'to_id'] },
  { name: 'article_entities', columns: ['article_id', 'entity_id', 'position', 'sort_at'] },
  { name: 'mentions', columns: ['article_id', 'entity_id', 'start', 'end', 'text'] },
  { name: 'statement_texts', columns: ['id', 'key', 'speaker_id', 'canonical', 'bucket_keys'], prepare: (row) => ({ ...row, bucket_keys: JSON.parse(String(row.bucket_keys)) as unknown }) },
  { name: 'statement_buckets', columns: ['key', 'text_id'] },
  { name: 'statement_echoes', columns: ['text_id', 'other_id', 'relation', 'similarity'] },
  { name: 'statement_publishers', columns: ['statement_id', 'publisher'] },
  {
    name: 'statements',
    columns: ['id', 'speaker_id', 'text', 'first_quote_id', 'first_article_id', 'first_seen', 'quote_count', 'article_count',
      'publisher_count', 'variant_count']
  },
  {
    name: 'quotes',
    columns: ['id', 'article_id', 'position', 'kind', 'text', 'spans', 'cue_text', 'cue_start', 'cue_end', 'source_text',
      'source_start', 'source_end', 'speaker_id', 'paragraph', 'sort_at', 'statement_text_id', 'statement_id', 'statement_stale'],
    prepare: (row) => ({ ...row, spans: JSON.parse(String(row.spans)) as unknown, statement_stale: row.statement_stale === 1 })
  }
]

const BATCH = 2000

/** The next `n` rows of a statement being read, fewer at its end. */
function take<T> (rows: Iterator<T>, n: number): T[] {
  const batch: T[] = []
  for (let next = rows.next(); !next.done; next = rows.next()) {
    batch.push(next.value)
    if (batch.length === n) break
  }
  return batch
}

/**
 * Copies every row of `sqlite` into `pool`'s (migrated, empty) tables; returns the rows copied per
 * table. Each table is read through one statement, BATCH rows at a time, so memory stays bounded
 * whatever the corpus's size; nothing else may use the SQLite connection meanwhile.
 */
export async function copyRows (sqlite: Db, pool: pg.Pool, onTable: (name: string, rows: number) => void = () => {}): Promise<Record<string, number>> {
  const copied: Record<string, number> = {}
  for (const table of TABLES) {
    const list = table.columns.map((c) => `"${c}"`).join(', ')
    const rows = sqlite.prepare(`SELECT ${list} FROM ${table.name}`).iterate() as IterableIterator<Record<string, unknown>>
    let count = 0
    for (let batch = take(rows, BATCH); batch.length > 0; batch = take(rows, BATCH)) {
      await pool.query(`INSERT INTO ${table.name} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${table.name}, $1)`,
        [JSON.stringify(batch.map(table.prepare ?? ((row) => row)))])
      count += batch.length
    }
    copied[table.name] = count
    onTable(table.name, count)
  }
  // the text classes kept SQLite's ids: PostgreSQL's next one follows them
  await pool.query(`SELECT setval(pg_get_serial_sequence('statement_texts', 'id'), (SELECT coalesce(max(id), 0) + 1 FROM statement_texts), false)`)
  return copied
}
