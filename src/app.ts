import type { ServerOptions } from 'node:http'
import Fastify, { type FastifyServerOptions } from 'fastify'
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod'
import type { Db } from './store/sqlite/connection.js'
import { SqliteStore } from './store/sqlite/store.js'
import type { Store } from './store/store.js'
import auth from './http/plugins/auth.js'
import { DEFAULT_MAX_ARTICLE_BYTES } from './domain/limits.js'
import store from './http/plugins/store.js'
import submissions from './http/plugins/submissions.js'
import jobs from './http/plugins/jobs.js'
import consistency from './http/plugins/consistency.js'
import responseCache, { lookup as responseCacheLookup } from './http/plugins/response-cache.js'
import jobRoutes from './http/routes/jobs.js'
import http, { type HttpOptions } from './http/plugins/web.js'
import openapi from './http/plugins/swagger.js'
import overload, { type OverloadOptions } from './http/plugins/overload.js'
import security, { requestIdOf, withRedaction, withRequestId } from './http/plugins/security.js'
import problems, { clientErrors, frameworkErrors } from './http/plugins/problems.js'
import articleWriteRoutes from './http/routes/article-writes.js'
import articleRoutes from './http/routes/articles.js'
import bulkRoutes from './http/routes/bulk.js'
import entityRoutes from './http/routes/entities.js'
import healthRoutes from './http/routes/health.js'
import openapiRoutes from './http/routes/openapi-document.js'
import quoteRoutes from './http/routes/quotes.js'
import statementRoutes from './http/routes/statements.js'
import statsRoutes from './http/routes/stats.js'

export interface AppOptions {
  /**
   * The store the app reads and writes, which stays the caller's to close; or a SQLite file path
   * (':memory:' for a throw-away database) or open better-sqlite3 handle, for a SQLite store the app
   * opens and closes.
   */
  store?: Store
  database?: string | Db
  /** Apply pending migrations when the app opens its SQLite store (default true). */
  migrate?: boolean
  /** Seed from this folder when the database holds no article (default: never). */
  seedDirectory?: string | null
  /** Bearer keys that may write (config.ts reads them from API_KEYS); none leaves the service read-only. */
  apiKeys?: readonly string[]
  /** The largest article body, and NDJSON line, in bytes (default 1 MiB). */
  maxArticleBytes?: number
  /** Lines of a bulk stream written per transaction (default 100). */
  bulkBatchSize?: number
  /**
   * Worker threads parsing bulk streams while the main thread writes (default: one per core but the
   * main thread's, at least one; started on the first bulk request). 0 parses on the main thread.
   */
  parseWorkers?: number
  /** Origins browsers may call the API from (default: any; the API takes no cookies). */
  corsOrigins?: HttpOptions['corsOrigins']
  /** Requests per client per window, or false for no limit (the default here; config.ts turns it on). */
  rateLimit?: HttpOptions['rateLimit']
  logger?: FastifyServerOptions['logger']
  /** Run queued jobs in this process (default true; the server sets false on PostgreSQL, where workers run them). */
  runJobs?: boolean
  /** Keep this many GET answers keyed by request and data version (default 0: no cache, as tests want). */
  responseCacheEntries?: number
  /** Load shedding: 503 with Retry-After past these limits (default false: never shed, as tests want). */
  overload?: OverloadOptions | false
  /**
   * Check every answer against its route's response schema before sending it, a 500 when it does not
   * fit (default true: the tests and the OpenAPI fuzzer run so). Off, answers are JSON.stringify'd as
   * the handlers return them: the zod pass over each answer cost a tenth of a list request's CPU
   * (npm run bench), and the handlers build their answers from the same types the schemas infer.
   */
  checkResponses?: boolean
  /** Node's headersTimeout (a 408 past it) and how often it is checked (default 60 s, every 30 s): tests shorten them. */
  serverTimeouts?: Pick<ServerOptions, 'headersTimeout' | 'connectionsCheckingInterval'>
}

/** JSON.stringify for every route: the unchecked serializer (checkResponses: false). */
const uncheckedSerializer = () => (data: unknown) => JSON.stringify(data)


/** The store given, or a SQLite store the app opens (and so closes) on the database given. */
function storeOf (options: AppOptions): { store: Store, closeWithApp: boolean } {
  if (options.store) return { store: options.store, closeWithApp: false }
  if (options.database === undefined) throw new Error('buildApp needs a store or a database')
  return { store: new SqliteStore({ database: options.database, migrate: options.migrate ?? true }), closeWithApp: true }
}

/** Builds the service without listening: the server, the tests and the OpenAPI script all start here. */
export function buildApp (options: AppOptions) {
  const app = Fastify({
    logger: withRedaction(options.logger),
    // X-Request-Id is read by genReqId, which replaces an id unsafe to log; it is echoed on every answer
    requestIdHeader: false,
    genReqId: requestIdOf,
    // a closing server's 503 comes from the overload plugin, as a problem
    return503OnClosing: false,
    frameworkErrors: withRequestId(frameworkErrors),
    // what Node's HTTP parser rejects before any route (a URL past 16 KiB, a malformed line): a problem too
    clientErrorHandler: clientErrors,
    // an HTTP/1.1 request without Host gets a 400 problem from the problems plugin, not Node's empty 400
    http: { requireHostHeader: false, ...options.serverTimeouts },
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 256 }
  }).withTypeProvider<ZodTypeProvider>()
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(options.checkResponses === false ? uncheckedSerializer : serializerCompiler)

  app.register(problems)
  app.register(security)
  app.register(overload, { shed: options.overload ?? false })
  // before http: its onSend must see the serialized body, before compression and the ETag
  if ((options.responseCacheEntries ?? 0) > 0) app.register(responseCache, { maxEntries: options.responseCacheEntries ?? 0 })
  app.register(http, { corsOrigins: options.corsOrigins ?? true, rateLimit: options.rateLimit ?? false })
  app.register(store, { ...storeOf(options), seedDirectory: options.seedDirectory ?? null })
  app.register(consistency)
  // after every onRequest hook a cached answer still needs (see plugins/response-cache.ts)
  if ((options.responseCacheEntries ?? 0) > 0) app.register(responseCacheLookup)
  app.register(submissions)
  app.register(auth, { apiKeys: options.apiKeys ?? [] })
  app.register(openapi)
  app.register(healthRoutes)
  app.register(openapiRoutes)
  app.register(articleRoutes)
  app.register(quoteRoutes)
  app.register(entityRoutes)
  app.register(statementRoutes)
  app.register(statsRoutes)
  const maxArticleBytes = options.maxArticleBytes ?? DEFAULT_MAX_ARTICLE_BYTES
  app.register(jobs, {
    maxArticleBytes,
    ...(options.runJobs === undefined ? {} : { runJobs: options.runJobs }),
    ...(options.bulkBatchSize === undefined ? {} : { batchSize: options.bulkBatchSize }),
    ...(options.parseWorkers === undefined ? {} : { parseWorkers: options.parseWorkers })
  })
  app.register(jobRoutes)
  app.register(articleWriteRoutes, { maxArticleBytes })
  app.register(bulkRoutes, {
    maxArticleBytes,
    ...(options.bulkBatchSize === undefined ? {} : { batchSize: options.bulkBatchSize }),
    ...(options.parseWorkers === undefined ? {} : { parseWorkers: options.parseWorkers })
  })
  return app
}

export type App = ReturnType<typeof buildApp>
