import crypto from 'node:crypto'
import compress from '@fastify/compress'
import cors from '@fastify/cors'
import etag from '@fastify/etag'
import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { HttpProblem } from '../problem.js'

export interface RateLimitOptions {
  /** Requests a client (by IP address) may make per window. */
  max: number
  /** The window's length in milliseconds. */
  windowMs: number
}

export interface HttpOptions {
  /** Origins browsers may call from: true for any (the API is public and takes no cookies), or a list. */
  corsOrigins: true | string[]
  /** Per-client rate limit; false for none (tests, or a proxy that limits in front). */
  rateLimit: RateLimitOptions | false
}

// Routes that must answer however busy a client is: orchestrators probe them.
const UNLIMITED = new Set(['/health', '/ready'])

/**
 * The body's SHA-1 in base64, the ETag @fastify/etag makes with `algorithm: 'sha1'`, through Node's one-shot
 * crypto.hash (20.12+) where there is one: no Hash object a response (a few µs of a small answer's CPU).
 */
export const sha1: (payload: string | Buffer) => string = typeof crypto.hash === 'function'
  ? (payload) => crypto.hash('sha1', payload, 'base64')
  : (payload) => crypto.createHash('sha1').update(payload).digest('base64')

/**
 * Cache-Control by what a response is. Single resources change rarely (a delete, a re-parse), so
 * caches may keep them a minute; lists change with every write, so caches must revalidate each time,
 * which the ETag makes a cheap 304. Errors and writes are never stored.
 */
function cacheControlOf (request: FastifyRequest, status: number): string {
  const url = request.routeOptions.url ?? ''
  if (status >= 400 || (request.method !== 'GET' && request.method !== 'HEAD') || UNLIMITED.has(url)) return 'no-store'
  if (url.startsWith('/openapi') || url.startsWith('/docs')) return 'public, max-age=300'
  return url.includes(':') ? 'public, max-age=60' : 'public, no-cache'
}

/**
 * The HTTP layer every route shares, from the plugins made for it: CORS, compression, strong ETags
 * with 304s, rate limiting with RateLimit-* headers, and Cache-Control.
 */
async function http (app: FastifyInstance, options: HttpOptions): Promise<void> {
  await app.register(cors, {
    origin: options.corsOrigins,
    methods: ['GET', 'HEAD', 'POST', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'If-None-Match', 'Accept', 'Prefer', 'Consistency-Token'],
    // joined here once: the plugin joins an array again for every answer
    exposedHeaders: ['ETag', 'Location', 'Link', 'Retry-After', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset',
      'Idempotent-Replayed', 'Preference-Applied', 'Consistency-Token'].join(', '),
    maxAge: 600
  })
  if (options.rateLimit) {
    const { max, windowMs } = options.rateLimit
    await app.register(rateLimit, {
      max,
      timeWindow: windowMs,
      // RateLimit-Limit / -Remaining / -Reset (the IETF draft) rather than the older X-RateLimit-*
      enableDraftSpec: true,
      allowList: (request) => UNLIMITED.has(request.routeOptions.url ?? ''),
      // thrown, so the one error handler answers it as a problem; Retry-After is set by the plugin
      errorResponseBuilder: (_request, context) => new HttpProblem(429,
        `Too many requests: ${context.max} per ${Math.round(windowMs / 1000)} s per client. Retry in ${context.after} ` +
        '(Retry-After says when, in seconds).')
    })
  }
  // Bodies are compressed as one buffer up to 4 MiB (a page of 100 expanded articles fits), so that
  // small answers are not streamed; streams (NDJSON, CSV) are compressed as they go.
  await app.register(compress, { threshold: 1024, syncThreshold: 4 * 1024 * 1024 })
  // Strong ETags over the body as serialized (a hash of the bytes), so If-None-Match answers 304.
  await app.register(etag, { hashFn: sha1, weak: false })
  app.addHook('onSend', (request, reply, payload, done) => {
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', cacheControlOf(request, reply.statusCode))
    done(null, payload)
  })
}

export default fp(http, { name: 'http' })
