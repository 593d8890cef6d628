import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { ArticleSubmissions } from '../../services/submissions.js'

declare module 'fastify' {
  interface FastifyInstance {
    submissions: ArticleSubmissions
  }
}

/** Decorates the instance with the write service that POST and PUT /articles call, made on first use. */
async function submissions (app: FastifyInstance): Promise<void> {
  let service: ArticleSubmissions | null = null
  app.decorate('submissions', { getter: () => (service ??= new ArticleSubmissions(app.store)) })
}

export default fp(submissions, { name: 'submissions', dependencies: ['store'] })
