import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { badRequest, jsonResponse, serverError } from '../../schemas/common.js'
import { Timeline, TimelineQuery } from '../../schemas/stats.js'

const statsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/stats/timeline', {
    schema: {
      operationId: 'getTimeline',
      tags: ['stats'],
      summary: 'Count articles and quotes per day, week or month',
      description: 'By publication time in UTC (ingestion time when unknown). `entity` and `speaker` narrow both counts.',
      querystring: TimelineQuery,
      response: { 200: jsonResponse(Timeline, 'Counts per period'), 400: badRequest, 500: serverError }
    }
  }, async (request) => {
    const { interval, ...filters } = request.query
    return { interval, data: await app.store.timeline(filters, interval) }
  })
}

export default statsRoutes
