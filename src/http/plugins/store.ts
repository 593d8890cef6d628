import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import type { Store } from '../../store/store.js'
import { seedIfEmpty } from '../../services/ingest.js'
import { assignPendingStatements } from '../../services/statements.js'

declare module 'fastify' {
  interface FastifyInstance {
    store: Store
  }
}

export interface StorePluginOptions {
  store: Store
  /** Close the store when the app closes (it does when the app opened it). */
  closeWithApp: boolean
  /** Seed from this folder when the database holds no article (default: never). */
  seedDirectory?: string | null
}

/** Decorates the instance with the store every route reads and writes through; closes it if it is the app's. */
async function store (app: FastifyInstance, options: StorePluginOptions): Promise<void> {
  if (options.closeWithApp) app.addHook('onClose', async () => options.store.close())
  const ready = await options.store.readiness()
  if (ready.problem === null && ready.pending === 0 && (ready.degraded ?? null) === null) {
    // quotes stored before statements existed: assigned once, on the first start after the upgrade
    const assigned = await assignPendingStatements(options.store)
    if (assigned > 0) app.log.info({ quotes: assigned }, 'statements assigned to quotes stored before them')
  }
  if (options.seedDirectory) {
    const summary = await seedIfEmpty(options.store, options.seedDirectory)
    if (summary) app.log.info({ created: summary.created, failed: summary.failures }, 'empty database seeded')
  }
  app.decorate('store', options.store)
}

export default fp(store, { name: 'store' })
