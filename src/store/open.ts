import { PostgresStore } from './postgres/store.js'
import { SqliteStore } from './sqlite/store.js'
import type { Store } from './store.js'

export interface StoreSettings {
  DATABASE_PATH: string
  /** Set: the PostgreSQL store on this primary, instead of the SQLite file. */
  DATABASE_URL?: URL | undefined
  DATABASE_REPLICA_URLS?: URL[] | undefined
}

/** A migration an open applied, for the log. */
export interface AppliedMigration {
  version: number
  name: string
}

/**
 * Opens the store the settings name, migrated: PostgreSQL when DATABASE_URL is set (reads on its
 * replicas), else the SQLite file at DATABASE_PATH. The CLIs and the server open their store here;
 * tests build theirs directly.
 */
export async function openStore (settings: StoreSettings): Promise<Store & { applied?: readonly AppliedMigration[] }> {
  if (settings.DATABASE_URL) {
    return PostgresStore.open({ primary: settings.DATABASE_URL, replicas: settings.DATABASE_REPLICA_URLS ?? [] })
  }
  return new SqliteStore({ database: settings.DATABASE_PATH })
}
