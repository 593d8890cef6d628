// Which database a read goes to. Reads go to a streaming replica that is up and has replayed every
// write this process committed (read-your-writes for every client of this process), or, given a
// client's consistency token (the WAL position of its write, from any process), one that has replayed
// that; otherwise to the primary. A replica that stops answering or falls behind past a bound is left
// out until it catches up. With the primary down, reads still go to replicas; writes fail fast.
import type pg from 'pg'

/** A WAL position as PostgreSQL prints it ("16/B374D848"), as a number that orders. */
export function lsnValue (lsn: string): bigint {
  const [high, low] = lsn.split('/')
  if (high === undefined || low === undefined || !/^[0-9A-F]+$/i.test(high) || !/^[0-9A-F]+$/i.test(low)) {
    throw new Error(`not a WAL position: ${lsn}`)
  }
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`)
}

export interface ReplicaState {
  name: string
  pool: pg.Pool
  /** The WAL position it had replayed at its last check, or null when that check failed. */
  replayed: bigint | null
  /** Why it is left out (unreachable, lagging), or null. */
  problem: string | null
}

export interface RoutingOptions {
  /** A replica further behind the primary than this many bytes of WAL is left out (default 16 MiB). */
  maxLagBytes?: bigint
  /** How often replicas are checked (default 250 ms). */
  checkEveryMs?: number
}

export class ReadRouting {
  readonly primary: pg.Pool
  readonly replicas: ReplicaState[]
  readonly #maxLag: bigint
  readonly #timer: NodeJS.Timeout | null
  /** The WAL position of the last write this process committed. */
  #written = 0n
  /** The primary's WAL position at the last check, or null when it did not answer. */
  #primaryAt: bigint | null = null
  #next = 0

  constructor (primary: pg.Pool, replicas: { name: string, pool: pg.Pool }[], options: RoutingOptions = {}) {
    this.primary = primary
    this.replicas = replicas.map((r) => ({ ...r, replayed: null, problem: 'not checked yet' }))
    this.#maxLag = options.maxLagBytes ?? 16n * 1024n * 1024n
    this.#timer = replicas.length > 0 ? setInterval(() => { void this.check() }, options.checkEveryMs ?? 250) : null
    this.#timer?.unref()
  }

  /** A write committed whose WAL position is not known: reads go to the primary until one is. */
  #unknownWrite = false

  /** Records a committed write's WAL position (the primary's pg_current_wal_lsn() after it). */
  wrote (lsn: string): void {
    const at = lsnValue(lsn)
    if (at > this.#written) this.#written = at
    this.#unknownWrite = false
  }

  /** Records a committed write whose position could not be read. */
  wroteAtUnknownPosition (): void {
    this.#unknownWrite = true
  }

  /** The pool for a read: a caught-up replica in turn, else the primary. `after`: a client's token. */
  forRead (after?: string): pg.Pool {
    if (this.#unknownWrite) return this.primary
    const needed = after === undefined ? this.#written : maxOf(this.#written, safeLsn(after))
    const usable = this.replicas.filter((r) => r.problem === null && r.replayed !== null && r.replayed >= needed)
    if (usable.length === 0) return this.primary
    this.#next = (this.#next + 1) % usable.length
    return (usable[this.#next] ?? usable[0] as ReplicaState).pool
  }

  /** Checks the primary's position and each replica's: reachable, and how far it has replayed. */
  async check (): Promise<void> {
    this.#primaryAt = await currentLsn(this.primary, 'SELECT pg_current_wal_lsn()::text AS lsn')
    await Promise.all(this.replicas.map(async (replica) => {
      const replayed = await currentLsn(replica.pool, 'SELECT pg_last_wal_replay_lsn()::text AS lsn')
      replica.replayed = replayed
      replica.problem = replayed === null
        ? 'does not answer'
        : this.#primaryAt !== null && this.#primaryAt - replayed > this.#maxLag
          ? `is ${this.#primaryAt - replayed} bytes of WAL behind the primary`
          : null
    }))
  }

  close (): void {
    if (this.#timer) clearInterval(this.#timer)
  }
}

const maxOf = (a: bigint, b: bigint): bigint => (a > b ? a : b)

/** A client's token, or 0 when it is not one (a stale or forged token never blocks a read). */
function safeLsn (token: string): bigint {
  try {
    return lsnValue(token)
  } catch {
    return 0n
  }
}

async function currentLsn (pool: pg.Pool, sql: string): Promise<bigint | null> {
  try {
    const { rows } = await pool.query<{ lsn: string | null }>(sql)
    const lsn = rows[0]?.lsn
    return lsn ? lsnValue(lsn) : null
  } catch {
    return null
  }
}
