import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Db } from './connection.js'

/** The project's migrations folder, found from this file in src/store/sqlite or dist/store/sqlite alike. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations/sqlite/', import.meta.url))

export interface Migration {
  version: number
  name: string
  sql: string
}

const FILE_NAME = /^(\d{3,})_([\w-]+)\.sql$/

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

function ensureLedger (db: Db): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`)
}

function appliedVersions (db: Db): Set<number> {
  const hasLedger = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get()
  if (!hasLedger) return new Set()
  const rows = db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]
  return new Set(rows)
}

/** Migrations in `dir` that the database has not recorded yet. */
export function pendingMigrations (db: Db, migrations = readMigrations()): Migration[] {
  const applied = appliedVersions(db)
  return migrations.filter((m) => !applied.has(m.version))
}

/** Applies each pending migration in its own transaction, in order, and records it. Returns those applied. */
export function migrate (db: Db, migrations = readMigrations()): Migration[] {
  ensureLedger(db)
  const pending = pendingMigrations(db, migrations)
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
  for (const migration of pending) {
    db.transaction(() => {
      db.exec(migration.sql)
      record.run(migration.version, migration.name, new Date().toISOString())
    })()
  }
  return pending
}
