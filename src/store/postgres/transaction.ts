import type pg from 'pg'

export type IsolationLevel = 'read committed' | 'repeatable read' | 'serializable'

export interface TransactionOptions {
  /** Default read committed: the writer serialises on advisory locks and needs each statement's fresh snapshot. */
  isolation?: IsolationLevel
  /** How many times a serialization failure or deadlock is retried before it is thrown (default 5). */
  retries?: number
  /** Told of each retry (for metrics): the error that caused it and the attempt that failed, from 0. */
  onRetry?: (error: unknown, attempt: number) => void
}

const ISOLATION: Record<IsolationLevel, string> = {
  'read committed': 'READ COMMITTED',
  'repeatable read': 'REPEATABLE READ',
  serializable: 'SERIALIZABLE'
}

// serialization_failure and deadlock_detected: the transaction was rolled back whole and may simply run again
const RETRYABLE = new Set(['40001', '40P01'])

export function isRetryable (error: unknown): boolean {
  return RETRYABLE.has((error as { code?: unknown } | null)?.code as string)
}

const sleep = async (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** Full jitter over an exponential ceiling: retries that collided once do not collide again in step. */
const backoffMs = (attempt: number): number => Math.random() * Math.min(200, 5 * 2 ** attempt)

/**
 * Runs `fn` in one transaction on one client of `pool`: COMMIT when it resolves, ROLLBACK when it
 * throws. A serialization failure or a deadlock runs `fn` again from the start (so `fn` must do
 * nothing outside the database it cannot repeat), a bounded number of times, after a random pause.
 */
export async function inTransaction<T> (pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>,
  options: TransactionOptions = {}): Promise<T> {
  const retries = options.retries ?? 5
  for (let attempt = 0; ; attempt++) {
    try {
      return await once(pool, fn, options.isolation ?? 'read committed')
    } catch (error) {
      if (attempt >= retries || !isRetryable(error)) throw error
      options.onRetry?.(error, attempt)
      await sleep(backoffMs(attempt))
    }
  }
}

async function once<T> (pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>, isolation: IsolationLevel): Promise<T> {
  const client = await pool.connect()
  let broken: Error | undefined
  try {
    await client.query(`BEGIN ISOLATION LEVEL ${ISOLATION[isolation]}`)
    try {
      const result = await fn(client)
      await client.query('COMMIT')
      return result
    } catch (error) {
      // a connection whose ROLLBACK fails is in an unknown state: it is destroyed, not reused
      await client.query('ROLLBACK').catch((rollback: unknown) => {
        broken = rollback instanceof Error ? rollback : new Error(String(rollback))
      })
      throw error
    }
  } finally {
    client.release(broken)
  }
}
