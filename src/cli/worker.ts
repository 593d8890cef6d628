import { setTimeout as sleep } from 'node:timers/promises'
import { readConfig } from '../config.js'
import { runJob } from '../services/jobs.js'
import { defaultPoolSize, ParsePool } from '../services/parse-pool.js'
import { openStore } from '../store/open.js'

// npm run worker: runs the jobs API processes queue (bulk bodies sent with Prefer: respond-async,
// re-extractions) on the PostgreSQL at DATABASE_URL. Run any number, on any machine: a claim is
// atomic, a killed worker's job is taken over once its lease runs out and runs again from its start
// (writes are idempotent by content). SIGTERM or Ctrl-C stops after the batch in progress.
const SWEEP_EVERY_MS = 2000
const config = readConfig()
if (!config.DATABASE_URL) {
  console.error('worker: jobs run inside the API process on SQLite; workers need PostgreSQL: set DATABASE_URL')
  process.exit(2)
}
const store = await openStore(config)
const stop = new AbortController()
process.once('SIGINT', () => stop.abort())
process.once('SIGTERM', () => stop.abort())
const workers = config.PARSE_WORKERS ?? defaultPoolSize()
const pool = workers > 0 ? new ParsePool(workers) : null
const options = { maxLineBytes: config.MAX_ARTICLE_BYTES, signal: stop.signal, ...(pool ? { pool } : {}) }
const run = async (id: string): Promise<void> => {
  if (stop.signal.aborted) return
  if (await runJob(store, id, options)) console.log(`worker: job ${id} ${(await store.getJob(id))?.state ?? 'gone'}`)
}
console.log(`worker: taking jobs from ${config.DATABASE_URL.host}${config.DATABASE_URL.pathname}`)
// pg-boss delivers new jobs; the sweep takes over those whose worker died (their lease ran out)
// sooner than pg-boss retries an expired delivery, and finds any stored without one
const stopDeliveries = await store.deliverJobs?.(run)
try {
  while (!stop.signal.aborted) {
    for (const id of await store.unfinishedJobs()) {
      if (stop.signal.aborted) break
      await run(id)
    }
    await sleep(SWEEP_EVERY_MS, undefined, { signal: stop.signal }).catch(() => {})
  }
} finally {
  await stopDeliveries?.()
  await pool?.close()
  await store.close()
}
