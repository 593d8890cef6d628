import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger'
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { SECURITY_SCHEME } from './plugins/auth.js'

declare module 'fastify' {
  interface FastifySchema {
    /**
     * For the document only: the request body's schema per media type, when it is not one JSON
     * schema (text/plain beside JSON, an NDJSON stream that Fastify must not validate whole).
     */
    requestContent?: Record<string, z.ZodType>
    /** For the document only: headers a response carries (Location, Idempotent-Replayed). */
    responseHeaders?: Record<number, Record<string, z.ZodType>>
  }
}

type TransformInput = Parameters<typeof jsonSchemaTransform>[0]

/**
 * The zod transform, plus two documentation-only keys: `requestContent` (each media type's zod
 * schema converted by the same transform, so shared schemas become $refs, under requestBody.content)
 * and `responseHeaders` (zod schemas of the headers a response carries).
 */
function transform (input: TransformInput) {
  const { requestContent, responseHeaders, ...schema } = (input.schema ?? {}) as {
    requestContent?: Record<string, z.ZodType>
    responseHeaders?: Record<number, Record<string, z.ZodType>>
  } & Record<string, unknown>
  if (!input.schema || (!requestContent && !responseHeaders)) return jsonSchemaTransform(input)
  const transformed = jsonSchemaTransform({ ...input, schema: requestContent ? { ...schema, body: undefined } : schema } as TransformInput)
  const result = transformed.schema as Record<string, unknown> & { response?: Record<string, Record<string, unknown>> }
  if (requestContent) {
    result.body = {
      content: Object.fromEntries(Object.entries(requestContent).map(([mediaType, zodSchema]) => {
        const converted = jsonSchemaTransform({ ...input, schema: { body: zodSchema } } as TransformInput).schema as { body: unknown }
        return [mediaType, { schema: converted.body }]
      }))
    }
  }
  for (const [status, headers] of Object.entries(responseHeaders ?? {})) {
    const response = result.response?.[status]
    if (!response) continue
    response.headers = Object.fromEntries(Object.entries(headers).map(([name, header]) => {
      const { $schema: _dialect, ...jsonSchema } = z.toJSONSchema(header)
      return [name, jsonSchema]
    }))
  }
  return { schema: result, url: transformed.url }
}

export const openapiOptions: FastifyDynamicSwaggerOptions = {
  openapi: {
    openapi: '3.1.0',
    info: {
      title: 'Structured News API',
      version: '0.1.0',
      description: 'News articles parsed into quotes (who said what, with the cue and the speaker resolved to an ' +
        'entity) and named entities. Every span is `{ start, end }` into the article\'s verbatim `text`. Errors are ' +
        'RFC 9457 `application/problem+json`. Lists page with opaque cursors: follow `links.next`.',
      license: { name: 'MIT', identifier: 'MIT' }
    },
    tags: [
      { name: 'articles', description: 'Articles as submitted, with paragraphs' },
      { name: 'quotes', description: 'Who said what: direct, indirect and mixed quotes' },
      { name: 'entities', description: 'People, organizations, places and groups, one per referent' },
      { name: 'statements', description: 'The same words by the same speaker across articles: echoes of a quote, and who carried it first' },
      { name: 'stats', description: 'Counts over time' },
      { name: 'extraction', description: 'The parse alone, nothing stored' },
      { name: 'jobs', description: 'Work queued by a write (a bulk body sent with Prefer: respond-async, a re-extraction), and its progress' },
      { name: 'service', description: 'Health, readiness and this document' }
    ],
    // Reads are open; the writes each require the bearer key themselves.
    security: [],
    components: {
      securitySchemes: {
        [SECURITY_SCHEME]: {
          type: 'http',
          scheme: 'bearer',
          description: 'Writes need `Authorization: Bearer <key>`, a key from the server\'s `API_KEYS`. Reads need nothing.'
        }
      }
    }
  },
  transform,
  // The type provider emits an input and an output variant of every registered schema; keep the used ones.
  transformObject: (document) => documentHttpLayer(pruneUnusedSchemas(jsonSchemaTransformObject(document) as OpenApiDocument)) as ReturnType<typeof jsonSchemaTransformObject>
}

// Routes the rate limiter lets through whatever a client's count (orchestrators probe them).
const UNLIMITED_PATHS = new Set(['/health', '/ready'])

const integerHeader = (description: string) => ({ description, schema: { type: 'integer' } })

/**
 * What the shared HTTP layer (plugins/http.ts) adds to every route, written once here rather than in
 * each route's schema: a 429 from the rate limiter, and on reads the ETag and the 304 it allows.
 */
export function documentHttpLayer (document: OpenApiDocument): OpenApiDocument {
  const paths = (document.paths ?? {}) as Record<string, Record<string, { parameters?: unknown[], responses?: Record<string, Record<string, unknown>> }>>
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(item)) {
      const responses = operation.responses ?? {}
      if (!UNLIMITED_PATHS.has(path)) {
        responses['429'] = {
          description: 'Too many requests from this client: the problem\'s detail and Retry-After say when to try again',
          headers: {
            'Retry-After': integerHeader('Seconds until the window resets'),
            'RateLimit-Limit': integerHeader('Requests allowed per window'),
            'RateLimit-Remaining': integerHeader('Requests left in this window (0)'),
            'RateLimit-Reset': integerHeader('Seconds until the window resets')
          },
          content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } }
        }
      }
      if (method !== 'get' || UNLIMITED_PATHS.has(path)) continue
      const ok = responses['200']
      if (ok) {
        ok.headers = {
          ...(ok.headers as Record<string, unknown> | undefined),
          ETag: { description: 'A strong validator of this body: send it back in If-None-Match', schema: { type: 'string' } }
        }
      }
      responses['304'] = { description: 'Not Modified: the If-None-Match ETag still matches, so the cached body is current' }
      operation.parameters = [...(operation.parameters ?? []), {
        name: 'If-None-Match',
        in: 'header',
        required: false,
        description: 'The ETag of a body already held: an unchanged resource answers 304 without a body',
        schema: { type: 'string' }
      }]
    }
  }
  return document
}

interface OpenApiDocument {
  paths?: Record<string, unknown>
  components?: { schemas?: Record<string, unknown> }
  [key: string]: unknown
}

function refsIn (value: unknown, found: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const item of value) refsIn(item, found)
  else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === '$ref' && typeof inner === 'string') found.add(inner.replace('#/components/schemas/', ''))
      else refsIn(inner, found)
    }
  }
  return found
}

/** Drops component schemas that nothing in the document references, directly or through another schema. */
export function pruneUnusedSchemas (document: OpenApiDocument): OpenApiDocument {
  const schemas = document.components?.schemas
  if (!schemas) return document
  const { components, ...rest } = document
  const used = refsIn(rest, new Set())
  for (let queue = [...used]; queue.length;) {
    const name = queue.pop() as string
    for (const ref of refsIn(schemas[name], new Set())) if (!used.has(ref)) { used.add(ref); queue.push(ref) }
  }
  const kept = Object.fromEntries(Object.entries(schemas).filter(([name]) => used.has(name)))
  return { ...rest, components: { ...components, schemas: kept } }
}

/** The spec as committed in openapi.yaml: what /openapi.json serves, less `servers`. */
export function withoutServers (spec: Record<string, unknown>): Record<string, unknown> {
  const { servers: _servers, ...rest } = spec
  return rest
}
