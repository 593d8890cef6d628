import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'

export type Db = Database.Database

/**
 * Opens (creating if need be) the SQLite database at `file`, or an in-memory one for ':memory:'.
 * WAL lets readers go on while a write commits; foreign keys keep quotes and mentions tied to articles.
 */
export function openDatabase (file: string): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  return db
}
