import { z } from 'zod'

/** RFC 9457 problem details: the body of every 4xx and 5xx answer. */
export const Problem = z.object({
  type: z.string().describe('A URI reference naming the problem type; "about:blank" when the status says it all'),
  title: z.string().describe('Short, human-readable summary of the problem type'),
  status: z.number().int().describe('The HTTP status code'),
  detail: z.string().optional().describe('What went wrong with this request'),
  instance: z.string().optional().describe('The request path the problem occurred on'),
  invalidParams: z.array(z.object({
    name: z.string().describe('The parameter, e.g. "limit"'),
    in: z.enum(['path', 'query', 'header', 'body']),
    reason: z.string()
  })).optional().describe('For 400: each parameter that was rejected, and why')
}).meta({
  id: 'Problem',
  examples: [{
    type: 'about:blank',
    title: 'Bad Request',
    status: 400,
    detail: 'querystring/limit must be at most 100',
    instance: '/articles?limit=1000',
    invalidParams: [{ name: 'limit', in: 'query', reason: 'Too big: expected number to be <=100' }]
  }]
})
export type Problem = z.infer<typeof Problem>

export const PROBLEM_CONTENT_TYPE = 'application/problem+json'

/** A JSON response with its own description in the OpenAPI document. */
export function jsonResponse<T extends z.ZodType> (schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } }
}

/** A response of `status` whose body is a problem document. */
export function problemResponse (description: string) {
  return { description, content: { [PROBLEM_CONTENT_TYPE]: { schema: Problem } } }
}

export const badRequest = problemResponse('A parameter was rejected: `invalidParams` names it')
export const notFound = problemResponse('No such resource')
export const serverError = problemResponse('The server failed; the body hides internals')
export const unauthorized = problemResponse('No bearer key, or one the server does not accept: `WWW-Authenticate` says which')
export const forbidden = problemResponse('Writes are disabled: the server has no `API_KEYS`; the detail says how to enable them')
export const payloadTooLarge = problemResponse('The body is larger than the server takes (1 MiB unless configured otherwise)')
export const unsupportedMediaType = problemResponse('A media type (or charset) the route does not take: the detail lists those it does')

export const Span = z.object({
  start: z.number().int().nonnegative().describe('Offset of the first character in the article text (JavaScript string index)'),
  end: z.number().int().nonnegative().describe('Offset just past the last character')
}).meta({ id: 'Span' })

export const TextSpan = Span.extend({
  text: z.string().describe('The words the span covers: text.slice(start, end) of the article')
}).meta({ id: 'TextSpan' })

export const Links = z.object({
  self: z.string().describe('This page'),
  next: z.string().nullable().describe('The next page, or null on the last one')
}).meta({ id: 'Links' })

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20).describe('Items per page, 1 to 100'),
  cursor: z.string().max(512).optional().describe('Opaque cursor from a previous page\'s `links.next`')
})

/** The envelope of every list. */
export function listOf<T extends z.ZodType> (item: T, id: string) {
  return z.object({ data: z.array(item), links: Links }).meta({ id })
}

export const IdParam = z.object({ id: z.string().min(1).max(200).describe('The resource id') })
