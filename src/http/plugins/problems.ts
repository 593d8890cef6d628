import { randomUUID } from 'node:crypto'
import { STATUS_CODES, maxHeaderSize, type IncomingMessage, type ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import type { Duplex } from 'node:stream'
import type { ConnectionError, FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import { DomainError, IdempotencyKeyReused, InvalidContent, InvalidQuery, NotFound, Unavailable, UnreadableContent } from '../../domain/errors.js'
import { HttpProblem } from '../problem.js'
import { PROBLEM_CONTENT_TYPE, type Problem } from '../../schemas/common.js'
import { helmetHeaders } from './security.js'

type InvalidParams = NonNullable<Problem['invalidParams']>

const WHERE: Record<string, InvalidParams[number]['in']> = {
  querystring: 'query', params: 'path', headers: 'header', body: 'body'
}

/** Each zod issue names the parameter it is about; an unknown key names the keys themselves. */
function invalidParamsOf (error: FastifyError): InvalidParams {
  const where = WHERE[error.validationContext ?? 'body'] ?? 'body'
  return (error.validation ?? []).flatMap((issue) => {
    const keys = (issue.params as { keys?: unknown }).keys
    if (Array.isArray(keys)) return keys.map((key) => ({ name: String(key), in: where, reason: 'is not a known parameter' }))
    const name = issue.instancePath.replace(/^\//, '').replace(/\//g, '.') || where
    return [{ name, in: where, reason: issue.message ?? 'is invalid' }]
  })
}

const MAX_INSTANCE = 1024

/** The request's URL as the problem's instance; a long one loses its query, a longer one is left out, not echoed whole. */
export function instanceOf (request: FastifyRequest): { instance?: string } {
  if (request.url.length <= MAX_INSTANCE) return { instance: request.url }
  const path = request.url.split('?')[0] ?? ''
  return path.length <= MAX_INSTANCE ? { instance: path } : {}
}

function problem (request: FastifyRequest, status: number, detail?: string, invalidParams?: InvalidParams): Problem {
  return {
    type: 'about:blank',
    title: STATUS_CODES[status] ?? 'Error',
    status,
    ...(detail === undefined ? {} : { detail }),
    ...instanceOf(request),
    ...(invalidParams === undefined ? {} : { invalidParams })
  }
}

function fromHttpProblem (error: HttpProblem, request: FastifyRequest): Problem {
  return problem(request, error.statusCode, error.message, error.invalidParams)
}

/** The one mapping from the domain's errors to HTTP statuses. */
function fromDomainError (error: DomainError, request: FastifyRequest): Problem {
  if (error instanceof NotFound) return problem(request, 404, error.message)
  if (error instanceof InvalidQuery) return problem(request, 400, error.message, [{ name: error.parameter, in: 'query', reason: error.reason }])
  if (error instanceof InvalidContent) return problem(request, 400, error.message, [{ name: error.field, in: 'body', reason: error.reason }])
  if (error instanceof UnreadableContent) return problem(request, 415, error.message)
  if (error instanceof IdempotencyKeyReused) return problem(request, 422, error.message)
  if (error instanceof Unavailable) return problem(request, 503, error.message)
  return problem(request, 500, INTERNAL)
}

const INTERNAL = 'The server could not answer this request. It has been logged.'

/** Headers a domain error's answer carries. */
function headersOf (error: unknown): Record<string, string> {
  if (error instanceof HttpProblem) return error.headers
  if (error instanceof Unavailable && error.retryAfterSeconds !== undefined) return { 'retry-after': String(error.retryAfterSeconds) }
  return {}
}

function toProblem (error: FastifyError, request: FastifyRequest): Problem {
  if (error instanceof HttpProblem) return fromHttpProblem(error, request)
  if (error instanceof DomainError) return fromDomainError(error, request)
  if (hasZodFastifySchemaValidationErrors(error)) {
    const invalidParams = invalidParamsOf(error)
    const detail = invalidParams.map((p) => `${p.name}: ${p.reason}`).join('; ')
    return problem(request, 400, detail, invalidParams)
  }
  const status = error.statusCode ?? 500
  // Fastify's own 4xx errors (bad JSON, body too large, wrong media type) say what the client did;
  // anything else is ours, and its message may hold SQL or paths.
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return problem(request, 413, `The body is larger than the ${request.routeOptions.bodyLimit ?? 'configured'} bytes this route takes`)
  }
  const accepts = request.routeOptions.config.accepts
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' && accepts) return problem(request, 415, `${error.message}: send ${accepts.join(' or ')}`)
  if (status >= 400 && status < 500) return problem(request, status, error.message)
  return problem(request, status >= 500 && status < 600 ? status : 500, INTERNAL)
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The media types a route's body may have: a 415 names them. */
    accepts?: string[]
  }
}

function send (reply: FastifyReply, body: Problem): FastifyReply {
  return reply.code(body.status).type(PROBLEM_CONTENT_TYPE).send(body)
}

/** Errors the router raises before any route runs (bad URL encoding, an over-long parameter): problems too. */
export function frameworkErrors (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  send(reply, toProblem(error, request))
}

/**
 * What Node's HTTP parser rejects, before Fastify sees a request, by its error code: status and detail.
 * The details say what was wrong, never the bytes sent. Node 20 has no parser timeout code of its own:
 * its headersTimeout and requestTimeout both end in ERR_HTTP_REQUEST_TIMEOUT.
 */
const HEADER_LIMIT = maxHeaderSize % 1024 === 0 ? `${maxHeaderSize / 1024} KiB` : `${maxHeaderSize} bytes`
const TIMED_OUT: [number, string] = [408, 'The request was not received in time: the connection is closed']
const PARSE_ERRORS: Record<string, [number, string]> = {
  ERR_HTTP_REQUEST_TIMEOUT: TIMED_OUT,
  HPE_HEADER_OVERFLOW: [431, `The request's headers or URL are larger than the server accepts (${HEADER_LIMIT})`],
  HPE_CHUNK_EXTENSIONS_OVERFLOW: [413, 'The chunk extensions of the chunked body are larger than the server accepts'],
  HPE_INVALID_METHOD: [400, 'The request line does not start with an HTTP method'],
  HPE_INVALID_URL: [400, 'The request target has a character a URL may not have (a space or a control character)'],
  HPE_INVALID_VERSION: [400, 'The request line does not end in a valid HTTP version and CRLF'],
  HPE_PAUSED_H2_UPGRADE: [400, 'The server speaks HTTP/1.1 only, not HTTP/2 with prior knowledge'],
  HPE_CR_EXPECTED: [400, 'A line of the request does not end in CRLF'],
  HPE_LF_EXPECTED: [400, 'A line of the request does not end in CRLF'],
  HPE_INVALID_HEADER_TOKEN: [400, 'A header line is malformed: no colon, a folded line, or a name with a space or a character names may not have'],
  HPE_INVALID_CONTENT_LENGTH: [400, 'The Content-Length header is not a valid length, or comes with a Transfer-Encoding header'],
  HPE_UNEXPECTED_CONTENT_LENGTH: [400, 'The request has more than one Content-Length header'],
  HPE_INVALID_TRANSFER_ENCODING: [400, 'The Transfer-Encoding header is not one the server takes: chunked, as the last coding, and no Content-Length'],
  HPE_INVALID_CHUNK_SIZE: [400, 'A chunk of the chunked body has a malformed size line'],
  HPE_INVALID_EOF_STATE: [400, 'The connection was closed before the request was complete'],
  HPE_CLOSED_CONNECTION: [400, 'Data was sent after a request that closed the connection']
}
const MALFORMED: [number, string] = [400, 'The request is not well-formed HTTP/1.1 and could not be parsed']
/** Status and detail for a parser's error code (a timeout by any other name is a 408 too). */
function parseErrorOf (code: string): [number, string] {
  return PARSE_ERRORS[code] ?? (/^HPE_\w*TIMEOUT$/.test(code) ? TIMED_OUT : MALFORMED)
}
/** A parser failing in the server's own code (a JavaScript callback): no fault of the client's. */
const OURS = new Set(['HPE_JS_EXCEPTION', 'HPE_INTERNAL'])

/** Helmet's headers, as every other answer carries them (security.ts works them out the same way). */
const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.fromEntries(helmetHeaders())

/** A problem answered below Fastify, its headers and body (no instance: the URL may be what was wrong). */
function bareProblem (status: number, detail: string, requestId: string): { headers: Record<string, string>, body: string } {
  const body = JSON.stringify({ type: 'about:blank', title: STATUS_CODES[status] ?? 'Error', status, detail } satisfies Problem)
  const headers = {
    ...SECURITY_HEADERS,
    'cache-control': 'no-store',
    'content-type': `${PROBLEM_CONTENT_TYPE}; charset=utf-8`,
    'content-length': String(Buffer.byteLength(body)),
    'x-request-id': requestId,
    connection: 'close'
  }
  return { headers, body }
}

/** The same as a whole HTTP/1.1 answer, bytes for a raw socket. */
function rawProblem (status: number, detail: string, requestId: string): string {
  const { headers, body } = bareProblem(status, detail, requestId)
  const head = Object.entries({ ...headers, date: new Date().toUTCString() }).map(([name, value]) => `${name}: ${value}\r\n`).join('')
  return `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\n${head}\r\n${body}`
}

/**
 * Fastify's clientErrorHandler (bound to the instance): what Node's parser rejects, or a request it
 * timed out, answers as a problem on the raw socket, which is then closed, as Node's and Fastify's own
 * handlers do. Logged at debug: a client's fault, not the server's (and never the raw bytes, which may
 * hold a bearer key).
 */
export function clientErrors (this: FastifyInstance, error: ConnectionError, socket: Socket): void {
  // a reset connection is gone already: nothing to answer, nothing to close (as Fastify's default)
  if (error.code === 'ECONNRESET' || socket.destroyed) return
  const ours = OURS.has(error.code)
  const [status, detail] = ours ? [500, 'The server could not answer this request. It has been logged.'] : parseErrorOf(error.code)
  const requestId = randomUUID()
  if (ours) this.log.error({ err: { code: error.code, message: error.message }, requestId }, 'HTTP parser failed')
  else this.log.debug({ code: error.code, status, requestId, remoteAddress: socket.remoteAddress }, 'client error')
  // no answer into the middle of one already being written (Node's own check): the client would misread both
  const inFlight = (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage
  if (socket.writable && !inFlight?.headersSent) socket.write(rawProblem(status, detail, requestId))
  socket.destroy(error)
}

/** The one error handler: every 4xx and 5xx leaves as RFC 9457 application/problem+json. */
async function problems (app: FastifyInstance): Promise<void> {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const body = toProblem(error, request)
    if (body.status >= 500) request.log.error({ err: error }, 'request failed')
    reply.headers(headersOf(error))
    return send(reply, body)
  })
  app.setNotFoundHandler((request, reply) => {
    return send(reply, problem(request, 404, `No route ${request.method} ${request.url.split('?')[0] ?? ''}`))
  })
  // What Node answers itself, below Fastify, with an empty body unless handled here:
  // an HTTP/1.1 request without Host (app.ts turns Node's own 400 off, requireHostHeader: false, for this one)
  app.addHook('onRequest', (request, _reply, done) => {
    if (request.headers.host !== undefined || request.raw.httpVersion !== '1.1') return done()
    done(new HttpProblem(400, 'An HTTP/1.1 request must have a Host header', undefined, { ...SECURITY_HEADERS }))
  })
  // an Expect header other than 100-continue: 417
  app.server.on('checkExpectation', (_request: IncomingMessage, response: ServerResponse) => {
    const requestId = randomUUID()
    app.log.debug({ code: 'EXPECTATION_FAILED', status: 417, requestId }, 'client error')
    const { headers, body } = bareProblem(417, 'The server meets no expectation but 100-continue', requestId)
    response.writeHead(417, headers).end(body)
  })
  // CONNECT (Node would close the connection without a word): this server is no proxy
  app.server.on('connect', (_request: IncomingMessage, socket: Duplex) => {
    const requestId = randomUUID()
    app.log.debug({ code: 'CONNECT', status: 501, requestId }, 'client error')
    if (socket.writable) socket.write(rawProblem(501, 'The server is not a proxy: it takes no CONNECT requests', requestId))
    socket.destroy()
  })
}

export default fp(problems, { name: 'problems' })
