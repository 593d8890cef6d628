import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { FastifyInstance, FastifyServerOptions } from 'fastify'
import fp from 'fastify-plugin'
import helmet, { type HelmetOptions } from 'helmet'
import { problemResponse } from '../../schemas/common.js'

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

/** Helmet's options: its defaults, but the CSP above and a CORP that lets the API be called cross-origin (CORS). */
export const HELMET_OPTIONS: Readonly<HelmetOptions> = {
  contentSecurityPolicy: CONTENT_SECURITY_POLICY,
  // An API answered cross-origin (CORS) must not be blocked by CORP; the page itself is same-origin.
  crossOriginResourcePolicy: { policy: 'same-site' }
}

/**
 * The headers helmet's middleware sets with these options, as [lower-case name, value] pairs, worked out
 * once by running the middleware against a response that only records them. With no CSP nonces and no
 * directive computed per request, helmet's headers depend on its options alone, never on the request.
 * (@fastify/helmet 13.2 calls helmet(options) again for every request, validating the options and parsing
 * the CSP each time: 40 of the 127 µs of CPU an entity read took on the bench machine.) The middleware's
 * one removal, X-Powered-By, is of a header Fastify never sets.
 */
export function helmetHeaders (options: Readonly<HelmetOptions> = HELMET_OPTIONS): [string, string][] {
  const headers: [string, string][] = []
  const recorder = {
    setHeader: (name: string, value: string | number) => { headers.push([name.toLowerCase(), String(value)]) },
    removeHeader: () => {}
  }
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (err?: unknown) => { if (err) throw err })
  return headers
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

/** Security headers on every answer, and the request id echoed so a client can quote it. */
async function security (app: FastifyInstance): Promise<void> {
  // helmet's headers, set where @fastify/helmet set them (onRequest, so a route may still override one)
  const headers = helmetHeaders()
  app.addHook('onRequest', (_request, reply, done) => {
    for (const [name, value] of headers) reply.header(name, value)
    done()
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
