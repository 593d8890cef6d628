import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { openDatabase, type Db } from '../../store/sqlite/connection.js'
import { migrate, pendingMigrations } from '../../store/sqlite/migrate.js'
import { createRepositories, type Repositories } from '../../store/sqlite/repositories.js'
import { seedDatabase } from '../../services/ingest.js'
import { ArticleSubmissions } from '../../services/submissions.js'

declare module 'fastify' {
  interface FastifyInstance {
    db: Db
    repos: Repositories
    submissions: ArticleSubmissions
  }
}

export interface DatabaseOptions {
  /** A file path (':memory:' for a throw-away database) or an open handle. */
  database: string | Db
  /** Apply pending migrations on start (default true). */
  migrate?: boolean
  /** Seed from this folder when the database holds no article (default: never). */
  seedDirectory?: string | null
}

/** Decorates the instance with the database and its repositories; closes what it opened on shutdown. */
async function database (app: FastifyInstance, options: DatabaseOptions): Promise<void> {
  const ownsHandle = typeof options.database === 'string'
  const db = typeof options.database === 'string' ? openDatabase(options.database) : options.database
  app.addHook('onClose', async () => {
    if (ownsHandle && db.open) {
      db.pragma('wal_checkpoint(TRUNCATE)')
      db.close()
    }
  })
  if (options.migrate ?? true) {
    const applied = migrate(db)
    if (applied.length) app.log.info({ migrations: applied.map((m) => `${m.version}_${m.name}`) }, 'migrations applied')
  }
  // Repositories prepare their statements against the schema, so they are made on first use:
  // an unmigrated database still starts, and /ready says why it is not ready.
  let repos: Repositories | null = null
  const getRepos = (): Repositories => (repos ??= createRepositories(db))
  if (options.seedDirectory && pendingMigrations(db).length === 0 && getRepos().articles.isEmpty()) {
    const summary = await seedDatabase(db, getRepos(), options.seedDirectory)
    app.log.info({ created: summary.created, failed: summary.failures }, 'empty database seeded')
  }
  app.decorate('db', db)
  app.decorate('repos', { getter: getRepos })
  let submissions: ArticleSubmissions | null = null
  app.decorate('submissions', { getter: () => (submissions ??= new ArticleSubmissions(db, getRepos())) })
}

export default fp(database, { name: 'database' })
