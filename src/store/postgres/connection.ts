import pg from 'pg'

/** A pool, or a client checked out of one: what runs a query. */
export type Queryable = Pick<pg.ClientBase, 'query'>

const PROTOCOLS = new Set(['postgres:', 'postgresql:'])

/**
 * Checks a PostgreSQL URL from the environment. A bad one stops the start with a message naming
 * `variable` (the password, if any, is never repeated back).
 */
export function parseDatabaseUrl (value: string, variable: string): URL {
  const fail = (reason: string): never => {
    throw new Error(`${variable} ${reason}: expected postgres://user:password@host:port/database`)
  }
  let url: URL
  try {
    url = new URL(value.trim())
  } catch {
    return fail('is not a URL')
  }
  if (!PROTOCOLS.has(url.protocol)) fail(`has the scheme "${url.protocol}", not postgres: or postgresql:`)
  if (url.hostname === '' && !url.searchParams.has('host')) fail('names no host')
  if (url.port !== '' && !(Number(url.port) >= 1 && Number(url.port) <= 65535)) fail('has an invalid port')
  if (url.pathname.replace(/^\//, '') === '') fail('names no database')
  return url
}

/** DATABASE_REPLICA_URLS: comma-separated replica URLs, each checked; empty or unset means none. */
export function parseReplicaUrls (value: string | undefined, variable = 'DATABASE_REPLICA_URLS'): URL[] {
  if (value === undefined) return []
  return value.split(',').map((part) => part.trim()).filter((part) => part !== '')
    .map((part, i) => parseDatabaseUrl(part, `${variable} (URL ${i + 1})`))
}

export interface PoolSettings {
  /** Shown in pg_stat_activity, so an operator sees which process holds a connection. */
  applicationName?: string
  /** The server cancels a statement running longer (a runaway list query must not hold a connection). */
  statementTimeoutMs?: number
  /** How long to wait for a connection (new, or free in the pool) before failing the request. */
  connectionTimeoutMs?: number
  /** Connections at most: PostgreSQL's max_connections is shared by every process. */
  max?: number
  /** An idle connection in a transaction this long is ended by the server, its locks released. */
  idleInTransactionTimeoutMs?: number
  /** Called when an idle connection fails (a server restart): the pool replaces it. */
  onIdleError?: (error: Error) => void
}

const INT8 = 20
const TIMESTAMPTZ = 1184
const toDate = pg.types.getTypeParser(TIMESTAMPTZ)

// count(*) is bigint, which pg returns as a string lest it lose precision; our counts are far below
// 2^53, and SQLite returns numbers. timestamptz comes back as the ISO string the writer wrote
// (Date#toISOString(), milliseconds and Z), as SQLite's text columns give it.
const TYPES: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === INT8 && format !== 'binary') return (value: string) => Number(value)
    if (oid === TIMESTAMPTZ && format !== 'binary') return (value: string) => toDate(value).toISOString()
    return pg.types.getTypeParser(oid, format as 'text')
  }) as pg.CustomTypesConfig['getTypeParser']
}

/** A pool of connections to `url`, with timeouts that keep one slow query or client from holding it. */
export function createPool (url: URL | string, settings: PoolSettings = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: String(url),
    application_name: settings.applicationName ?? 'structured-news-api',
    statement_timeout: settings.statementTimeoutMs ?? 30_000,
    idle_in_transaction_session_timeout: settings.idleInTransactionTimeoutMs ?? 60_000,
    connectionTimeoutMillis: settings.connectionTimeoutMs ?? 5_000,
    idleTimeoutMillis: 30_000,
    max: settings.max ?? 10,
    // parsing of date-times without a zone, and to_char, in UTC whatever the server's default
    options: '-c TimeZone=UTC',
    types: TYPES
  })
  // without a listener, an idle connection's error (the server restarting) would end the process
  pool.on('error', settings.onIdleError ?? (() => {}))
  return pool
}
