import { Readable } from 'node:stream'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { HttpProblem } from '../problem.js'
import { SECURITY_SCHEME } from '../plugins/auth.js'
import { forbidden, jsonResponse, payloadTooLarge, serverError, unauthorized, unsupportedMediaType } from '../../schemas/common.js'
import { Job } from '../../schemas/jobs.js'
import { DEFAULT_MAX_JOB_BYTES } from '../../domain/limits.js'
import { queueBulkJob } from '../../services/jobs.js'
import { NewArticle, BulkLineResult } from '../../schemas/writes.js'
import { ingestStream } from '../../services/bulk.js'
import { defaultPoolSize, ParsePool } from '../../services/parse-pool.js'
import { assertReadableBody } from '../../services/text-body.js'

export interface BulkRouteOptions {
  /** The longest line, in bytes: the same limit as one article's body. */
  maxArticleBytes: number
  batchSize?: number
  /** Worker threads parsing the lines (default: defaultPoolSize()); 0 parses on the main thread. */
  parseWorkers?: number
}

const NDJSON = 'application/x-ndjson'
const NDJSON_TYPES = [NDJSON, 'application/jsonl']
const security = [{ [SECURITY_SCHEME]: [] }]

/** Whether a Prefer header (RFC 7240) asks for respond-async among its preferences. */
function prefersAsync (prefer: string | string[] | undefined): boolean {
  const values = Array.isArray(prefer) ? prefer : prefer === undefined ? [] : [prefer]
  return values.flatMap((v) => v.split(',')).some((p) => p.split(';')[0]?.trim().toLowerCase() === 'respond-async')
}

/** The whole body, refused with 413 past `limit` bytes (it is held until its job runs). */
async function readAll (source: AsyncIterable<Buffer>, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = []
  let bytes = 0
  for await (const chunk of source) {
    bytes += chunk.length
    if (bytes > limit) throw new HttpProblem(413, `A queued bulk body may hold at most ${limit} bytes: send it in parts`)
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}

/** POST /articles/bulk: an NDJSON stream in, an NDJSON stream of per-line results out. */
const bulkRoutes: FastifyPluginAsyncZod<BulkRouteOptions> = async (app, { maxArticleBytes, batchSize, parseWorkers }) => {
  // Parsing is pure CPU: on workers it overlaps the writes, which must stay on this thread's connection.
  const workers = parseWorkers ?? defaultPoolSize()
  const pool = workers > 0 ? new ParsePool(workers) : null
  if (pool) app.addHook('onClose', () => pool.close())

  // The body is handed over as the raw stream, never buffered: the service reads it line by line.
  // (Fastify's bodyLimit applies to buffered bodies only; here the limit is per line.)
  app.removeAllContentTypeParsers()
  app.addContentTypeParser(NDJSON_TYPES, (request, payload, done) => {
    try {
      assertReadableBody(request.headers)
      done(null, payload)
    } catch (error) {
      done(error as Error, undefined)
    }
  })

  app.post('/articles/bulk', {
    onRequest: app.requireApiKey,
    config: { accepts: NDJSON_TYPES },
    schema: {
      operationId: 'createArticlesInBulk',
      tags: ['articles'],
      summary: 'Submit many articles as NDJSON; each line\'s result streams back as NDJSON',
      description: 'One `POST /articles` JSON body per line (blank lines are skipped), each line at most the size of one ' +
        'article\'s body. The answer streams as the input is read: one line per input line in order (`created` or ' +
        '`existing` with the id, or `failed` with a problem), then a `done` line with the totals; no `done` line means ' +
        'the stream broke off. A bad line does not stop the others. Lines are written in transactions of up to 100. ' +
        'With `Prefer: respond-async` (RFC 7240) the body is queued as a job instead: `202` with `Location: /jobs/{id}`, ' +
        'where its progress, counts and each failed line\'s problem are shown.',
      security,
      requestContent: Object.fromEntries(NDJSON_TYPES.map((type) => [type, NewArticle])),
      response: {
        200: { description: 'One result per input line, then the totals', content: { [NDJSON]: { schema: BulkLineResult } } },
        202: jsonResponse(Job, 'Queued (Prefer: respond-async): `Location` is the job to follow'),
        401: unauthorized,
        403: forbidden,
        413: payloadTooLarge,
        415: unsupportedMediaType,
        500: serverError
      }
    }
  }, async (request, reply) => {
    // An empty body without a media type reaches no parser, so there is no stream: it is not NDJSON.
    if (request.body === undefined || request.body === null) {
      throw new HttpProblem(415, `The body must be ${NDJSON_TYPES.join(' or ')}`)
    }
    const source = request.body as AsyncIterable<Buffer>
    reply.header('vary', 'Prefer')
    if (prefersAsync(request.headers.prefer)) {
      const job = await queueBulkJob(app.store, await readAll(source, DEFAULT_MAX_JOB_BYTES))
      app.jobs.enqueue(job.id)
      request.log.info({ jobId: job.id, client: request.apiClient }, 'bulk submission queued')
      return reply.code(202).header('location', `/jobs/${job.id}`).header('preference-applied', 'respond-async').send(job)
    }
    const results = ingestStream(source, app.store, {
      maxLineBytes: maxArticleBytes,
      instance: request.url,
      ...(batchSize === undefined ? {} : { batchSize }),
      ...(pool ? { pool } : {})
    })
    const ndjson = async function * () {
      for await (const result of results) {
        if (result.status === 'done') request.log.info({ ...result, client: request.apiClient }, 'bulk submission read to its end')
        yield `${JSON.stringify(result)}\n`
      }
    }
    // A stream is sent as it is, never serialized: the response schema above documents its lines.
    return reply.type(NDJSON).send(Readable.from(ndjson()) as never)
  })
}

export default bulkRoutes
