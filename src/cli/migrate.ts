import { readConfig } from '../config.js'
import { openDatabase } from '../store/sqlite/connection.js'
import { migrate } from '../store/sqlite/migrate.js'

// npm run db:migrate: applies pending migrations to DATABASE_PATH.
const { DATABASE_PATH } = readConfig()
const db = openDatabase(DATABASE_PATH)
try {
  const applied = migrate(db)
  console.log(applied.length
    ? `applied ${applied.map((m) => `${String(m.version).padStart(3, '0')}_${m.name}`).join(', ')} to ${DATABASE_PATH}`
    : `${DATABASE_PATH} is up to date`)
} finally {
  db.close()
}
