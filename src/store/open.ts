import { SqliteStore } from './sqlite/store.js'
import type { Store } from './store.js'

export interface StoreSettings {
  DATABASE_PATH: string
}

/**
 * Opens the store the settings name, migrated: the SQLite file at DATABASE_PATH (the only adapter
 * so far). The CLIs and the server open their store here; tests build theirs directly.
 */
export function openStore (settings: StoreSettings): Store & { applied: readonly { version: number, name: string }[] } {
  return new SqliteStore({ database: settings.DATABASE_PATH })
}
