import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

const HEADER = 'consistency-token'

/**
 * Read-your-writes across API processes on a store with replicas: a write answers a
 * `Consistency-Token` (the WAL position it committed at); a read that sends it back, to any process,
 * is answered from a replica that has replayed it, or from the primary. Within one process every read
 * already waits for its own writes; stores without replicas have nothing to wait for and send none.
 */
async function consistency (app: FastifyInstance): Promise<void> {
  const store = app.store
  const run = store.readingAfter?.bind(store)
  if (run) {
    app.addHook('onRequest', (request, _reply, done) => {
      const token = request.headers[HEADER]
      if (typeof token === 'string' && token.length <= 32) run(token, done)
      else done()
    })
  }
  app.addHook('onSend', (request, reply, payload, done) => {
    if (request.method !== 'GET' && request.method !== 'HEAD' && reply.statusCode < 300) {
      const token = store.consistencyToken?.()
      if (token) reply.header(HEADER, token)
    }
    done(null, payload)
  })
}

export default fp(consistency, { name: 'consistency', dependencies: ['store'] })
