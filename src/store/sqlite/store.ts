import { openDatabase, type Db } from './connection.js'
import { migrate, pendingMigrations, type Migration } from './migrate.js'
import { createRepositories, type Repositories } from './repositories.js'

export interface SqliteStoreOptions {
  /** A file path (':memory:' for a throw-away database) or an open handle, which stays the caller's to close. */
  database: string | Db
  /** Apply pending migrations on open (default true). */
  migrate?: boolean
}

/** The SQLite store: one connection, its migrations applied, and its repositories. */
export class SqliteStore {
  readonly db: Db
  /** The migrations this open applied. */
  readonly applied: Migration[]
  readonly #ownsHandle: boolean
  #repos: Repositories | null = null

  constructor (options: SqliteStoreOptions) {
    this.#ownsHandle = typeof options.database === 'string'
    this.db = typeof options.database === 'string' ? openDatabase(options.database) : options.database
    this.applied = (options.migrate ?? true) ? migrate(this.db) : []
  }

  /** Whether the schema is current: repositories need it. */
  get migrated (): boolean {
    return pendingMigrations(this.db).length === 0
  }

  /**
   * The repositories, made on first use: they prepare their statements against the schema, so an
   * unmigrated database still opens, and /ready says why it is not ready.
   */
  get repos (): Repositories {
    return (this.#repos ??= createRepositories(this.db))
  }

  /** Checkpoints the write-ahead log and closes the connection, if this store opened it. */
  close (): void {
    if (!this.#ownsHandle || !this.db.open) return
    this.db.pragma('wal_checkpoint(TRUNCATE)')
    this.db.close()
  }
}
