import type { RememberedRequest } from '../store.js'
import type { Queryable } from './connection.js'

/** How long a key is remembered: a day covers any sensible retry policy (as in the SQLite adapter). */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000

interface KeyRow {
  fingerprint: string
  article_id: string
  status: number
}

const oldestLive = (now: Date): string => new Date(now.getTime() - IDEMPOTENCY_KEY_TTL_MS).toISOString()

/**
 * Idempotency keys per client, with the request each was first used for and what it answered.
 * Stateless: each call runs on the pool or on the client of the transaction it belongs to.
 */
export class PgIdempotencyKeys {
  /** The request a live key was first used for, or null when it is new or expired. */
  async find (db: Queryable, client: string, key: string, now = new Date()): Promise<RememberedRequest | null> {
    const { rows } = await db.query<KeyRow>(`SELECT fingerprint, article_id, status FROM idempotency_keys
      WHERE client = $1 AND key = $2 AND created_at >= $3`, [client, key, oldestLive(now)])
    const row = rows[0]
    return row ? { fingerprint: row.fingerprint, articleId: row.article_id, status: row.status } : null
  }

  /** Remembers a key (replacing an expired or orphaned one) and forgets the expired ones. */
  async remember (db: Queryable, client: string, key: string, request: RememberedRequest, now = new Date()): Promise<void> {
    await db.query('DELETE FROM idempotency_keys WHERE created_at < $1', [oldestLive(now)])
    await db.query(`INSERT INTO idempotency_keys (client, key, fingerprint, article_id, status, created_at)
      VALUES ($1, $2, $3, $4, $5, $6)
      ON CONFLICT (client, key) DO UPDATE SET fingerprint = excluded.fingerprint, article_id = excluded.article_id,
        status = excluded.status, created_at = excluded.created_at`,
    [client, key, request.fingerprint, request.articleId, request.status, now.toISOString()])
  }
}
