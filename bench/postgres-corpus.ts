import Database from 'better-sqlite3'
import pg from 'pg'
import { migrate } from '../src/store/postgres/migrate.js'
import { copyRows } from '../test/store/postgres/load-rows.js'

// The benchmarks' PostgreSQL corpus: the very rows of a SQLite corpus (bench/corpus.ts), copied into a
// database of their own on the server at `adminUrl` by the parity tests' copier, so that both stores
// answer the same articles, ids and counters. A database whose copy finished is reused.

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
    await copyRows(sqlite, pool, (table, rows) => log(`postgres corpus ${size}: ${table}, ${rows} rows`))
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
