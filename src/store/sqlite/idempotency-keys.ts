import type { Statement } from 'better-sqlite3'
import type { RememberedRequest } from '../store.js'
import type { Db } from './connection.js'

/** How long a key is remembered: a day covers any sensible retry policy. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000

interface KeyRow {
  fingerprint: string
  article_id: string
  status: number
}


/** Idempotency keys per client, with the request each was first used for and what it answered. */
export class IdempotencyKeyRepository {
  readonly #find: Statement<[string, string, string], KeyRow>
  readonly #remember: Statement
  readonly #forget: Statement<[string]>

  constructor (db: Db) {
    this.#find = db.prepare(`SELECT fingerprint, article_id, status FROM idempotency_keys
      WHERE client = ? AND key = ? AND created_at >= ?`)
    this.#remember = db.prepare(`INSERT INTO idempotency_keys (client, key, fingerprint, article_id, status, created_at)
      VALUES (@client, @key, @fingerprint, @articleId, @status, @createdAt)
      ON CONFLICT (client, key) DO UPDATE SET fingerprint = excluded.fingerprint, article_id = excluded.article_id,
        status = excluded.status, created_at = excluded.created_at`)
    this.#forget = db.prepare('DELETE FROM idempotency_keys WHERE created_at < ?')
  }

  /** The request a live key was first used for, or null when it is new or expired. */
  find (client: string, key: string, now = new Date()): RememberedRequest | null {
    const row = this.#find.get(client, key, new Date(now.getTime() - IDEMPOTENCY_KEY_TTL_MS).toISOString())
    return row ? { fingerprint: row.fingerprint, articleId: row.article_id, status: row.status } : null
  }

  /** Remembers a key (replacing an expired or orphaned one) and forgets the expired ones. */
  remember (client: string, key: string, request: RememberedRequest, now = new Date()): void {
    this.#forget.run(new Date(now.getTime() - IDEMPOTENCY_KEY_TTL_MS).toISOString())
    this.#remember.run({ client, key, ...request, createdAt: now.toISOString() })
  }
}
