import { readConfig } from '../config.js'
import { openDatabase } from '../store/sqlite/connection.js'
import { migrate as migrateSqlite } from '../store/sqlite/migrate.js'
import { createPool } from '../store/postgres/connection.js'
import { migrate as migratePostgres } from '../store/postgres/migrate.js'

// npm run db:migrate: applies pending migrations to the configured store: PostgreSQL at DATABASE_URL
// (under an advisory lock: two processes never both apply one), else the SQLite file at DATABASE_PATH.
const config = readConfig()
const name = (m: { version: number, name: string }) => `${String(m.version).padStart(3, '0')}_${m.name}`

async function applied (): Promise<{ where: string, migrations: { version: number, name: string }[] }> {
  if (config.DATABASE_URL) {
    const pool = createPool(config.DATABASE_URL, { max: 1, applicationName: 'structured-news-api db:migrate' })
    try {
      return { where: `${config.DATABASE_URL.host}${config.DATABASE_URL.pathname}`, migrations: await migratePostgres(pool) }
    } finally {
      await pool.end()
    }
  }
  const db = openDatabase(config.DATABASE_PATH)
  try {
    return { where: config.DATABASE_PATH, migrations: migrateSqlite(db) }
  } finally {
    db.close()
  }
}

try {
  const { where, migrations } = await applied()
  console.log(migrations.length ? `applied ${migrations.map(name).join(', ')} to ${where}` : `${where} is up to date`)
} catch (error) {
  console.error(`db:migrate: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
}
