import closeWithGrace from 'close-with-grace'
import { buildApp } from './app.js'
import { readConfig } from './config.js'
import { SEED_DIR } from './services/ingest.js'
import { openStore } from './store/open.js'

// Reads the configuration, listens, and closes gracefully: in-flight requests finish, the database closes.
const config = readConfig()
const store = await openStore(config).catch((error: unknown) => {
  // no logger yet: the message alone, on stderr, says what to fix (an unreachable database, an extension)
  console.error(`could not open the store: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
const app = buildApp({
  store,
  seedDirectory: SEED_DIR,
  apiKeys: config.API_KEYS,
  maxArticleBytes: config.MAX_ARTICLE_BYTES,
  corsOrigins: config.CORS_ORIGINS,
  rateLimit: config.RATE_LIMIT_PER_MINUTE > 0 ? { max: config.RATE_LIMIT_PER_MINUTE, windowMs: 60_000 } : false,
  overload: { maxEventLoopDelay: config.MAX_EVENT_LOOP_DELAY_MS },
  checkResponses: config.CHECK_RESPONSES,
  responseCacheEntries: config.RESPONSE_CACHE_ENTRIES,
  // on PostgreSQL the jobs are the workers' (npm run worker); on SQLite this process runs them
  runJobs: config.DATABASE_URL === undefined,
  ...(config.PARSE_WORKERS === undefined ? {} : { parseWorkers: config.PARSE_WORKERS }),
  logger: { level: config.LOG_LEVEL }
})

if (store.applied?.length) app.log.info({ migrations: store.applied.map((m) => `${m.version}_${m.name}`) }, 'migrations applied')

closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
  if (err) app.log.error({ err }, 'closing after an error')
  else app.log.info({ signal }, 'closing')
  await app.close()
  await store.close()
})

try {
  await app.listen({ port: config.PORT, host: config.HOST })
} catch (err) {
  app.log.error({ err }, 'could not start')
  process.exit(1)
}
