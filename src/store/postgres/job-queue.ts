import PgBoss from 'pg-boss'

// Delivery of queued jobs to workers through pg-boss, in the same database (its own `pgboss` schema).
// A job's state, progress and failures stay in our `jobs` table (what /jobs/{id} shows, under a
// lease: jobs.ts); pg-boss tells a worker there is one to run and retries a delivery whose worker
// died once its expiry passes. A delivery for a job another worker holds (or has finished) is a
// no-op, so a retry never runs a job twice at once.
export const JOB_QUEUE = 'news-jobs'

// past this an active delivery is retried: longer than any job should take; the lease in jobs.ts,
// renewed as progress is recorded, is what keeps a slow job from being taken over
const EXPIRE_IN_SECONDS = 60 * 60

export class JobQueue {
  readonly #boss: PgBoss

  private constructor (boss: PgBoss) {
    this.#boss = boss
  }

  /** Starts pg-boss on `url` (creating or upgrading its schema) and the queue. */
  static async start (url: URL, options: { supervise: boolean }): Promise<JobQueue> {
    const boss = new PgBoss({ connectionString: String(url), max: 2, application_name: 'structured-news-api (jobs)', supervise: options.supervise, schedule: false })
    boss.on('error', () => {}) // a lost connection in its timers: pg-boss reconnects, requests see their own errors
    await boss.start()
    await boss.createQueue(JOB_QUEUE, { name: JOB_QUEUE, retryLimit: 20, retryDelay: 5, expireInSeconds: EXPIRE_IN_SECONDS })
    return new JobQueue(boss)
  }

  async send (id: string): Promise<void> {
    await this.#boss.send(JOB_QUEUE, { id }, { singletonKey: id })
  }

  /** Runs `handler` for each delivered job id, one at a time, until stop() is called. */
  async work (handler: (id: string) => Promise<void>): Promise<void> {
    await this.#boss.work<{ id: string }>(JOB_QUEUE, { pollingIntervalSeconds: 1, batchSize: 1 }, async (jobs) => {
      for (const job of jobs) await handler(job.data.id)
    })
  }

  /** Stops taking deliveries; the one in progress finishes. */
  async stopWorking (): Promise<void> {
    await this.#boss.offWork(JOB_QUEUE)
  }

  async stop (): Promise<void> {
    await this.#boss.stop({ graceful: false, wait: true })
  }
}
