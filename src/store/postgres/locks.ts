// Transaction-scoped advisory locks on what a write reads and writes by name: an article's id, and
// the referent keys its entities are resolved by. Two processes writing about the same person take
// the same key, so one resolves after the other has committed: never two entities for one referent.
import { createHash } from 'node:crypto'
import type { Queryable } from './connection.js'

/**
 * The lock class of every key here, in the two-int4 form of pg_advisory_xact_lock: that key space
 * never overlaps the single-bigint one the migrations lock in (it reads "news" in ASCII).
 */
export const WRITE_LOCK_CLASS = 0x6e657773

/** The lock names of an article, an entity id and a look-up key (an alias's or a surname's). */
export const articleLock = (id: string): string => `a:${id}`
export const entityLock = (id: string): string => `i:${id}`
export const keyLock = (key: string): string => `k:${key}`

/** A name's 32-bit lock: two names that collide merely wait for each other. */
export function lockHash (name: string): number {
  return createHash('sha1').update(name, 'utf8').digest().readInt32BE(0)
}

/**
 * Takes the locks on `names` until the transaction ends, in ascending hash order, so two
 * transactions that each take a set at once never wait for each other in a cycle. One round trip:
 * the function scan yields the array in order, and the locks are taken row by row as it goes.
 * Taking one already held is harmless (the lock is re-entrant).
 */
export async function lockNames (db: Queryable, names: Iterable<string>): Promise<void> {
  const hashes = [...new Set([...names].map(lockHash))].sort((a, b) => a - b)
  if (hashes.length === 0) return
  await db.query(`SELECT count(pg_advisory_xact_lock($1::int4, h)) FROM unnest($2::int4[]) AS u(h)`,
    [WRITE_LOCK_CLASS, hashes])
}
