import { readConfig } from '../config.js'
import { openDatabase } from '../db/connection.js'
import { migrate } from '../db/migrate.js'
import { createRepositories } from '../db/repositories.js'
import { SEED_DIR, seedDatabase } from '../ingest.js'

// npm run seed: parses every seed/*.txt and upserts it into DATABASE_PATH (migrating first).
const { DATABASE_PATH } = readConfig()
const db = openDatabase(DATABASE_PATH)
try {
  migrate(db)
  const summary = seedDatabase(createRepositories(db).writer, process.argv[2] ?? SEED_DIR)
  for (const [outcome, files] of Object.entries(summary)) for (const file of files) console.log(`${outcome.padEnd(9)} ${file}`)
  console.log(`seed: ${summary.created.length} created, ${summary.updated.length} updated, ${summary.unchanged.length} unchanged`)
} finally {
  db.close()
}
