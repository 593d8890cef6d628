import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { Unavailable } from '../../domain/errors.js'
import { problemResponse, serverError, jsonResponse } from '../../schemas/common.js'
import { Health, Readiness } from '../../schemas/health.js'

const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/health', {
    schema: {
      operationId: 'getHealth',
      tags: ['service'],
      summary: 'Liveness: the process is up',
      response: { 200: jsonResponse(Health, 'The process is up'), 500: serverError }
    }
  }, async () => ({ status: 'ok' as const }))

  app.get('/ready', {
    schema: {
      operationId: 'getReadiness',
      tags: ['service'],
      summary: 'Readiness: the database is open and every migration applied',
      response: { 200: jsonResponse(Readiness, 'Ready to serve'), 503: problemResponse('Not ready: the detail says why'), 500: serverError }
    }
  }, async () => {
    const { problem, pending, migrations, degraded, databases } = await app.store.readiness()
    if (problem !== null) throw new Unavailable(problem)
    if (pending > 0) throw new Unavailable(`${pending} migration(s) not applied: run npm run db:migrate`)
    return {
      status: degraded ? 'degraded' as const : 'ready' as const,
      migrations,
      ...(degraded ? { detail: degraded } : {}),
      ...(databases ? { databases } : {})
    }
  })
}

export default healthRoutes
