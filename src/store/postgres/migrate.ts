import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type pg from 'pg'
import type { Queryable } from './connection.js'

/** The project's PostgreSQL migrations, found from this file in src/store/postgres or dist/store/postgres alike. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations/postgres/', import.meta.url))

export interface Migration {
  version: number
  name: string
  sql: string
}

const FILE_NAME = /^(\d{3,})_([\w-]+)\.sql$/

/**
 * The key of the advisory lock migrations run under: any constant of our own will do, as long as
 * every process of the service uses the same one (it reads "news mig" in ASCII).
 */
export const MIGRATION_LOCK_KEY = 0x6e657773206d6967n

/** Reads `NNN_name.sql` files in version order; anything else in the folder is ignored. */
export function readMigrations (dir = MIGRATIONS_DIR): Migration[] {
  return fs.readdirSync(dir)
    .map((file) => ({ file, match: FILE_NAME.exec(file) }))
    .filter((entry): entry is { file: string, match: RegExpExecArray } => entry.match !== null)
    .map(({ file, match }) => ({
      version: Number(match[1]),
      name: match[2] ?? file,
      sql: fs.readFileSync(path.join(dir, file), 'utf8')
    }))
    .sort((a, b) => a.version - b.version)
}

async function appliedVersions (db: Queryable): Promise<Set<number>> {
  const ledger = await db.query<{ exists: boolean }>("SELECT to_regclass('schema_migrations') IS NOT NULL AS exists")
  if (!ledger.rows[0]?.exists) return new Set()
  const rows = await db.query<{ version: number }>('SELECT version FROM schema_migrations')
  return new Set(rows.rows.map((row) => row.version))
}

/** Migrations in `migrations` that the database has not recorded yet (for /ready, and migrate). */
export async function pendingMigrations (db: Queryable, migrations = readMigrations()): Promise<Migration[]> {
  const applied = await appliedVersions(db)
  return migrations.filter((m) => !applied.has(m.version))
}

/**
 * Applies each pending migration in its own transaction, in order, and records it. Returns those
 * applied. The whole run holds a session advisory lock on one connection: a second process starting
 * at the same moment waits for it, then finds nothing pending, so no migration ever runs twice. (The
 * lock goes with the connection if this process dies midway; the migration in progress rolls back.)
 */
export async function migrate (pool: pg.Pool, migrations = readMigrations()): Promise<Migration[]> {
  const client = await pool.connect()
  let broken: Error | undefined
  try {
    // a migration (an index over a big table) may run longer than the pool's statement timeout,
    // and so may the wait for another process's
    await client.query('SET statement_timeout = 0')
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY.toString()])
    try {
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version    INTEGER PRIMARY KEY,
        name       TEXT NOT NULL,
        applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
      )`)
      const pending = await pendingMigrations(client, migrations)
      for (const migration of pending) await apply(client, migration)
      return pending
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY.toString()])
    }
  } catch (error) {
    broken = error instanceof Error ? error : new Error(String(error))
    throw broken
  } finally {
    await client.query('RESET statement_timeout').catch(() => {})
    // a connection that failed midway is not handed to the next caller
    client.release(broken)
  }
}

async function apply (client: pg.PoolClient, migration: Migration): Promise<void> {
  await checkExtensions(client, migration)
  await client.query('BEGIN')
  try {
    await client.query(migration.sql)
    await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name])
    await client.query('COMMIT')
  } catch (error) {
    await client.query('ROLLBACK')
    throw explained(error, migration)
  }
}

const CREATE_EXTENSION = /\bCREATE\s+EXTENSION\s+(?:IF\s+NOT\s+EXISTS\s+)?"?([\w-]+)"?/gi

/** The extensions a migration creates. */
export function extensionsOf (sql: string): string[] {
  return [...sql.matchAll(CREATE_EXTENSION)].map((match) => match[1] ?? '').filter((name) => name !== '')
}

const HOW_TO_INSTALL = 'its files come with PostgreSQL\'s contrib package: on Debian or Ubuntu ' +
  '`apt-get install postgresql-contrib` (or postgresql-<version>-contrib from apt.postgresql.org), ' +
  'on RHEL `dnf install postgresql-contrib`; managed services (RDS, Cloud SQL, Azure) offer it already'

/**
 * Before a migration runs: every extension it creates must be installed on the server's disk, or
 * the migration stops with a message that names it and says how to install it (rather than
 * PostgreSQL's "could not open extension control file").
 */
async function checkExtensions (client: pg.PoolClient, migration: Migration): Promise<void> {
  for (const name of extensionsOf(migration.sql)) {
    const found = await client.query('SELECT 1 FROM pg_available_extensions WHERE name = $1', [name])
    if (found.rowCount === 0) {
      throw new Error(`Migration ${migrationLabel(migration)} needs the PostgreSQL extension "${name}", which this ` +
        `server does not have: ${HOW_TO_INSTALL}. Then run npm run db:migrate again.`)
    }
  }
}

const migrationLabel = (m: Migration): string => `${String(m.version).padStart(3, '0')}_${m.name}`

/** A permission error on CREATE EXTENSION, said so that whoever reads it knows what to ask for. */
function explained (error: unknown, migration: Migration): unknown {
  const code = (error as { code?: unknown }).code
  const message = error instanceof Error ? error.message : String(error)
  const extension = /extension "([^"]+)"/.exec(message)?.[1]
  if (code === '42501' && extension !== undefined) {
    return new Error(`Migration ${migrationLabel(migration)} could not create the PostgreSQL extension "${extension}" ` +
      `(${message}): a trusted extension (unaccent is one, from PostgreSQL 13) needs the CREATE privilege on the ` +
      `database, any other a superuser. Ask the database's administrator to run CREATE EXTENSION ${extension}; ` +
      'in this database once, then run npm run db:migrate again.', { cause: error })
  }
  if (error instanceof Error) error.message = `Migration ${migrationLabel(migration)} failed: ${error.message}`
  return error
}
