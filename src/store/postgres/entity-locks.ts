import type { Queryable } from './connection.js'
import { entityLock, keyLock, lockNames } from './locks.js'

const KEYS_OF = 'SELECT DISTINCT key FROM entity_keys WHERE entity_id = ANY($1::text[])'

/** How a writer keeps concurrent writers apart: advisory locks, or none (under serializable isolation). */
export interface Locker {
  /** Locks `names` (locks.ts), in one sorted batch. */
  names: (db: Queryable, names: Iterable<string>) => Promise<void>
  /** Locks stored entities by id and by every key they are stored under, with `alongWith` in the same batch. */
  entities: (db: Queryable, ids: string[], alongWith?: Iterable<string>) => Promise<void>
}

export const NO_LOCKS: Locker = { names: async () => {}, entities: async () => {} }

export const ADVISORY_LOCKS: Locker = { names: lockNames, entities: lockEntities }

/**
 * Locks stored entities as a writer that may find them would: by id and by every key they are
 * stored under, so a concurrent article resolving to one of them waits for this transaction (or
 * this one for it). `alongWith` goes in the first batch, so a write's locks are one sorted set.
 * The keys are read before they are locked, and a writer that held one of them may have added more
 * by its commit: they are read again until no new one appears.
 */
export async function lockEntities (db: Queryable, ids: string[], alongWith: Iterable<string> = []): Promise<void> {
  const held = new Set<string>()
  let fresh = [...alongWith, ...ids.map(entityLock), ...await keyLocksOf(db, ids)]
  while (fresh.length > 0) {
    for (const name of fresh) held.add(name)
    await lockNames(db, fresh)
    fresh = (await keyLocksOf(db, ids)).filter((name) => !held.has(name))
  }
}

async function keyLocksOf (db: Queryable, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return []
  const { rows } = await db.query<{ key: string }>(KEYS_OF, [ids])
  return rows.map((row) => keyLock(row.key))
}
