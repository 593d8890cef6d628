import { STATUS_CODES } from 'node:http'
import underPressure, { type FastifyUnderPressureOptions } from '@fastify/under-pressure'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { PROBLEM_CONTENT_TYPE, problemResponse, type Problem } from '../../schemas/common.js'
import { instanceOf } from './problems.js'

export interface OverloadOptions {
  /** Shed requests (503) while the event loop's mean delay is above this many ms (0: never). */
  maxEventLoopDelay?: number
  /** Shed requests while the event loop is busier than this share of the time, 0–1 (0: never). */
  maxEventLoopUtilization?: number
  /** How often the delay is sampled, in ms (default 250: the shedding starts and stops this fast). */
  sampleInterval?: number
  /** Seconds a shed client is told to wait (Retry-After). */
  retryAfter?: number
}

const DEFAULT_RETRY_AFTER = 5

/** Readies the 503 a shed or draining request gets (a problem, with Retry-After) and returns its body to send. */
export function unavailable (request: FastifyRequest, reply: FastifyReply, retryAfter: number, detail: string): Problem {
  reply.code(503).header('retry-after', String(retryAfter)).type(PROBLEM_CONTENT_TYPE)
  return { type: 'about:blank', title: STATUS_CODES[503] ?? 'Service Unavailable', status: 503, detail, ...instanceOf(request) }
}

/**
 * Load shedding and draining. Past capacity (the event loop lagging, because the extractor runs on
 * it) a request is refused at once with 503 and Retry-After rather than queued until it times out;
 * while the server closes, a request on a kept-alive connection is refused the same way (with
 * Connection: close) while those in flight finish. Every route declares that 503 in the document.
 */
async function overload (app: FastifyInstance, { shed: options }: { shed: OverloadOptions | false }): Promise<void> {
  const retryAfter = (options && options.retryAfter) || DEFAULT_RETRY_AFTER
  app.addHook('onRoute', (route) => {
    if (!route.schema || route.schema.hide) return
    const response = (route.schema.response ?? {}) as Record<string, unknown>
    response[503] ??= problemResponse('Overloaded or shutting down: retry after `Retry-After` seconds')
    route.schema.response = response
  })

  let draining = false
  let reaper: NodeJS.Timeout | undefined
  app.addHook('preClose', async () => {
    draining = true
    // server.close() closes the connections idle at that moment only; one whose answer ends later
    // (a bulk stream's, whose headers left before the drain) would stay open until the client's idle
    // timeout and hold the close up past close-with-grace's delay.
    if (app.server.listening) reaper = setInterval(() => app.server.closeIdleConnections(), 50).unref()
  })
  app.addHook('onClose', async () => { clearInterval(reaper) })
  // An answer finishing while the server drains closes its connection: a kept-alive socket would
  // otherwise hold the close up until the client's idle timeout.
  // (Callback hooks, not async ones: they run for every request, and an async hook costs a promise.)
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (draining) reply.header('connection', 'close')
    done(null, payload)
  })
  app.addHook('onRequest', (request, reply, done) => {
    if (!draining) return done()
    reply.header('connection', 'close')
    reply.send(unavailable(request, reply, retryAfter, 'The server is shutting down: retry on another instance or after a restart'))
  })

  if (options && (options.maxEventLoopDelay || options.maxEventLoopUtilization)) {
    // The start (migrations, the seed's parse, the model's load) lags the loop before the server
    // listens; its first samples would shed the first requests of a server that is idle.
    const sampleInterval = options.sampleInterval ?? 250
    let sheddingFrom = Infinity
    app.addHook('onReady', async () => { sheddingFrom = Date.now() + 2 * sampleInterval })
    // A value the handler returns is what under-pressure sends (its types say void; its code sends
    // it); undefined lets the request through.
    const pressureHandler = ((request: FastifyRequest, reply: FastifyReply, type: string) => {
      if (Date.now() < sheddingFrom) return undefined
      request.log.warn({ pressure: type }, 'shedding load')
      return unavailable(request, reply, retryAfter, 'The server is over capacity: retry after the Retry-After seconds')
    }) as unknown as FastifyUnderPressureOptions['pressureHandler']
    await app.register(underPressure, {
      maxEventLoopDelay: options.maxEventLoopDelay ?? 0,
      maxEventLoopUtilization: options.maxEventLoopUtilization ?? 0,
      sampleInterval,
      retryAfter,
      pressureHandler
    })
  }
}

export default fp(overload, { name: 'overload' })
