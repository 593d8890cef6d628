import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import helmet from '@fastify/helmet'
import type { FastifyInstance, FastifyServerOptions } from 'fastify'
import fp from 'fastify-plugin'
import { problemResponse } from '../schemas/common.js'

/**
 * The Content-Security-Policy of every answer. Swagger UI at /docs is the only HTML the service
 * serves, and it needs no more than this: its scripts and styles are files under /docs/static
 * (no inline script), React sets inline style attributes ('unsafe-inline' styles), its icons are
 * data: SVGs, and "Try it out" fetches this origin. No upgrade-insecure-requests: the service is
 * often reached over plain HTTP on a LAN address, where it would break the page's own subresources.
 */
export const CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"]
  }
}

/** A client's request id is kept when it is short and plain (it goes into logs); any other gets a fresh one. */
const REQUEST_ID = /^[\w.:@/+=-]{1,128}$/

/** Fastify's genReqId: the caller's X-Request-Id when it is safe to log, else a UUID. */
export function requestIdOf (request: IncomingMessage): string {
  const given = request.headers['x-request-id']
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID()
}

/** Wraps Fastify's frameworkErrors handler (which answers before any hook runs) to echo the request id too. */
export function withRequestId (handler: NonNullable<FastifyServerOptions['frameworkErrors']>): NonNullable<FastifyServerOptions['frameworkErrors']> {
  return (error, request, reply) => {
    reply.header('x-request-id', request.id)
    handler(error, request, reply)
  }
}

/**
 * Paths pino blanks in every log line, whatever a serializer or a handler logs: bearer keys and
 * article texts must never reach a log, even through an `err` or a request object logged in full.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization', 'req.headers.cookie', 'headers.authorization', 'authorization',
  'req.body', 'body', 'text', '*.text', 'input.text', 'apiKey', 'apiKeys'
]

/** The logger option with redaction added (a logger instance, true or false pass as they are, bar true). */
export function withRedaction (logger: FastifyServerOptions['logger']): FastifyServerOptions['logger'] {
  if (logger === undefined || logger === false) return false
  const base = logger === true ? {} : logger
  return { ...base, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }
}

/**
 * helmet's contentSecurityPolicy middleware, which @fastify/helmet exports (module.exports.contentSecurityPolicy);
 * its type declarations put it on the plugin's other export names only, not on the one imported here.
 */
const helmetExports = helmet as unknown as {
  contentSecurityPolicy: (options: typeof CONTENT_SECURITY_POLICY) => (req: IncomingMessage, res: ServerResponse, next: (err?: Error) => void) => void
}

/** Security headers on every answer, and the request id echoed so a client can quote it. */
async function security (app: FastifyInstance): Promise<void> {
  // @fastify/helmet builds helmet's middleware from its options again for every request; given the
  // CSP, that parses and checks every directive each time (15 of the 43 µs of CPU the plugin cost an
  // entity read). So the CSP comes from the middleware @fastify/helmet exports for it, built once here
  // (with fixed directives it sets one precomputed string), and the plugin sets every other header.
  const contentSecurityPolicy = helmetExports.contentSecurityPolicy(CONTENT_SECURITY_POLICY)
  app.addHook('onRequest', (request, reply, done) => { contentSecurityPolicy(request.raw, reply.raw, done) })
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: false,
    // An API answered cross-origin (CORS) must not be blocked by CORP; the page itself is same-origin.
    crossOriginResourcePolicy: { policy: 'same-site' }
  })
  // onSend, not onRequest: the router's own refusals (a URL it cannot decode, a parameter past its
  // length) answer before any onRequest hook runs
  app.addHook('onSend', (request, reply, payload, done) => {
    reply.header('x-request-id', request.id)
    done(null, payload)
  })
  // The router refuses a path parameter longer than its maxParamLength with 414: routes declare it.
  app.addHook('onRoute', (route) => {
    if (!route.schema || route.schema.hide || !route.url.includes(':')) return
    const response = (route.schema.response ?? {}) as Record<string, unknown>
    response[414] ??= problemResponse('A path parameter longer than the server takes')
    route.schema.response = response
  })
}

export default fp(security, { name: 'security' })
