import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { InProcessJobs, LEFT_TO_WORKERS, type JobQueue } from '../../services/jobs.js'
import { defaultPoolSize, ParsePool } from '../../services/parse-pool.js'

declare module 'fastify' {
  interface FastifyInstance {
    jobs: JobQueue
  }
}

export interface JobsPluginOptions {
  maxArticleBytes: number
  batchSize?: number
  /** Worker threads parsing a bulk job's lines (default: defaultPoolSize()); 0 parses on the main thread. */
  parseWorkers?: number
  /** Run queued jobs in this process (default true); false leaves them to `npm run worker` processes. */
  runJobs?: boolean
}

/**
 * Runs the jobs writes queue (bulk with Prefer: respond-async, re-extraction) in this process, and
 * takes over those a previous process left unfinished. Closing stops after the batch in progress.
 */
async function jobs (app: FastifyInstance, options: JobsPluginOptions): Promise<void> {
  if (options.runJobs === false) {
    app.decorate('jobs', LEFT_TO_WORKERS)
    return
  }
  const workers = options.parseWorkers ?? defaultPoolSize()
  const pool = workers > 0 ? new ParsePool(workers) : null
  const runner = new InProcessJobs(app.store, {
    maxLineBytes: options.maxArticleBytes,
    ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
    ...(pool ? { pool } : {})
  })
  app.decorate('jobs', runner)
  app.addHook('onReady', async () => {
    const ready = await app.store.readiness()
    if (ready.problem === null && ready.pending === 0) await runner.resume()
  })
  app.addHook('onClose', async () => {
    await runner.close()
    await pool?.close()
  })
}

export default fp(jobs, { name: 'jobs', dependencies: ['store'] })
