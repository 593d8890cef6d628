import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger'
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod'

/** The document's fixed parts; paths and components come from the routes' zod schemas. */
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
      { name: 'service', description: 'Health, readiness and this document' }
    ]
  },
  transform: jsonSchemaTransform,
  // The type provider emits an input and an output variant of every registered schema; keep the used ones.
  transformObject: (document) => pruneUnusedSchemas(jsonSchemaTransformObject(document) as OpenApiDocument) as ReturnType<typeof jsonSchemaTransformObject>
}

interface OpenApiDocument {
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
