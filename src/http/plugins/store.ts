import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import type { Db } from '../../store/sqlite/connection.js'
import type { Repositories } from '../../store/sqlite/repositories.js'
import { SqliteStore } from '../../store/sqlite/store.js'
import { seedIfEmpty } from '../../services/ingest.js'

declare module 'fastify' {
  interface FastifyInstance {
    db: Db
    repos: Repositories
  }
}

export interface StoreOptions {
  /** A file path (':memory:' for a throw-away database) or an open handle. */
  database: string | Db
  /** Apply pending migrations on start (default true). */
  migrate?: boolean
  /** Seed from this folder when the database holds no article (default: never). */
  seedDirectory?: string | null
}

/** Decorates the instance with the store's database and repositories; closes what it opened on shutdown. */
async function store (app: FastifyInstance, options: StoreOptions): Promise<void> {
  const store = new SqliteStore({ database: options.database, migrate: options.migrate ?? true })
  app.addHook('onClose', async () => store.close())
  if (store.applied.length) app.log.info({ migrations: store.applied.map((m) => `${m.version}_${m.name}`) }, 'migrations applied')
  if (options.seedDirectory) {
    const summary = await seedIfEmpty(store, options.seedDirectory)
    if (summary) app.log.info({ created: summary.created, failed: summary.failures }, 'empty database seeded')
  }
  app.decorate('db', store.db)
  app.decorate('repos', { getter: () => store.repos })
}

export default fp(store, { name: 'store' })
