import { z } from 'zod'
import { DEFAULT_MAX_ARTICLE_BYTES } from './domain/limits.js'
import { parseDatabaseUrl, parseReplicaUrls } from './store/postgres/connection.js'

/** A check that throws a message, as a zod transform that reports it as the variable's issue. */
function checked<V, T> (check: (value: V) => T) {
  return (value: V, ctx: z.RefinementCtx): T => {
    try {
      return check(value)
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) })
      return z.NEVER
    }
  }
}

const Config = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  DATABASE_PATH: z.string().min(1).default('./data/news.db'),
  // postgres://…: the PostgreSQL store instead of the SQLite file at DATABASE_PATH
  DATABASE_URL: z.string().optional().transform((value, ctx) => value === undefined || value.trim() === ''
    ? undefined
    : checked((v: string) => parseDatabaseUrl(v, 'DATABASE_URL'))(value, ctx)),
  // Comma-separated streaming replicas of DATABASE_URL that reads may go to
  DATABASE_REPLICA_URLS: z.string().optional().transform(checked((v: string | undefined) => parseReplicaUrls(v))),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Comma-separated bearer keys that may write; none (the default) leaves the service read-only.
  API_KEYS: z.string().default('')
    .transform((value) => value.split(',').map((key) => key.trim()).filter((key) => key.length > 0))
    .pipe(z.array(z.string()
      .min(16, 'each key needs at least 16 characters: a short key can be guessed')
      .regex(/^[\x21-\x2B\x2D-\x7E]+$/, 'each key must be visible ASCII without commas, to travel in a header'))),
  MAX_ARTICLE_BYTES: z.coerce.number().int().min(1024).max(64 * 1024 * 1024).default(DEFAULT_MAX_ARTICLE_BYTES),
  // Requests per client (IP address) per minute; 0 turns the limit off (e.g. behind a proxy that limits).
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(600),
  // Comma-separated origins browsers may call from; "*" (the default) for any: reads are public, no cookies.
  CORS_ORIGINS: z.string().default('*')
    .transform((value): true | string[] => value.trim() === '*' ? true : value.split(',').map((o) => o.trim()).filter(Boolean)),
  // Past this mean event-loop delay (ms) requests are shed with 503 and Retry-After; 0 never sheds.
  MAX_EVENT_LOOP_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  // 1: check every answer against its response schema before sending it (the tests always do)
  CHECK_RESPONSES: z.enum(['0', '1']).default('0').transform((value) => value === '1'),
  // GET answers kept in memory, keyed by request and data version (any write moves it); 0 keeps none
  RESPONSE_CACHE_ENTRIES: z.coerce.number().int().min(0).max(1_000_000).default(2000),
  // Worker threads that parse bulk submissions while the main thread writes; 0 parses on the main
  // thread. Unset: one per core but the main thread's, at least one.
  PARSE_WORKERS: z.coerce.number().int().min(0).max(64).optional()
}).refine((config) => config.DATABASE_REPLICA_URLS.length === 0 || config.DATABASE_URL !== undefined, {
  path: ['DATABASE_REPLICA_URLS'],
  message: 'replicas are of a PostgreSQL primary: set DATABASE_URL too'
})

export type Config = z.infer<typeof Config>

/** Reads the service's configuration from the environment; a bad value stops the start with a message. */
export function readConfig (env: NodeJS.ProcessEnv = process.env): Config {
  const result = Config.safeParse(env)
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    throw new Error(`Bad configuration: ${problems}`)
  }
  return result.data
}
