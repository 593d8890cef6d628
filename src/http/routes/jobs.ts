import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { NotFound } from '../../domain/errors.js'
import { badRequest, jsonResponse, notFound as notFoundResponse, serverError } from '../../schemas/common.js'
import { Job, JobParams } from '../../schemas/jobs.js'
import { forbidden, unauthorized } from '../../schemas/common.js'
import { queueReindexJob } from '../../services/jobs.js'
import { SECURITY_SCHEME } from '../plugins/auth.js'

/** GET /jobs/{id}: where a job queued by a write stands; POST /reindex queues a re-extraction. */
const jobRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/jobs/:id', {
    schema: {
      operationId: 'getJob',
      tags: ['jobs'],
      summary: 'Follow a job: its state, progress, counts and each failed line\'s problem',
      description: 'A `202 Accepted` names its job in `Location`. Poll until `state` is `succeeded` or `failed`.',
      params: JobParams,
      response: { 200: jsonResponse(Job, 'The job'), 400: badRequest, 404: notFoundResponse, 500: serverError }
    }
  }, async (request, reply) => {
    const job = await app.store.getJob(request.params.id)
    if (!job) throw new NotFound('job', request.params.id)
    // a job changes until it finishes: clients poll it
    reply.header('cache-control', 'no-store')
    return job
  })

  app.post('/reindex', {
    onRequest: app.requireApiKey,
    schema: {
      operationId: 'reindexArticles',
      tags: ['jobs'],
      summary: 'Re-extract every article parsed by an older extractor, as a job',
      description: 'Ids, metadata and creation times stay; each article\'s quotes, entities and mentions are re-made by the ' +
        'current pipeline. Answers `202` at once with `Location: /jobs/{id}`.',
      security: [{ [SECURITY_SCHEME]: [] }],
      response: { 202: jsonResponse(Job, 'Queued: `Location` is the job to follow'), 401: unauthorized, 403: forbidden, 500: serverError }
    }
  }, async (request, reply) => {
    const job = await queueReindexJob(app.store)
    app.jobs.enqueue(job.id)
    request.log.info({ jobId: job.id, client: request.apiClient }, 're-extraction queued')
    return reply.code(202).header('location', `/jobs/${job.id}`).send(job)
  })
}

export default jobRoutes
