import { STATUS_CODES } from 'node:http'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import { DomainError, IdempotencyKeyReused, InvalidContent, InvalidQuery, NotFound, Unavailable, UnreadableContent } from '../../domain/errors.js'
import { HttpProblem } from '../problem.js'
import { PROBLEM_CONTENT_TYPE, type Problem } from '../../schemas/common.js'

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
}

export default fp(problems, { name: 'problems' })
