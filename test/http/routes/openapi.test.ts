import fs from 'node:fs'
import t from 'tap'
import { parse } from 'yaml'
import { withoutServers } from '../../../src/http/openapi-options.js'
import { testApp } from '../../helpers.js'

const ROUTES = ['/health', '/ready', '/openapi.json', '/openapi.yaml', '/articles', '/articles/{id}', '/articles/{id}/quotes',
  '/articles/{id}/entities', '/quotes', '/quotes/{id}', '/quotes/{id}/echoes', '/statements', '/statements/{id}', '/entities', '/entities/{id}', '/entities/{id}/quotes', '/entities/{id}/related',
  '/entities/{id}/articles', '/articles/bulk', '/extract', '/stats/timeline', '/jobs/{id}', '/reindex']
const WRITES = ['POST /articles', 'POST /articles/bulk', 'POST /extract', 'DELETE /articles/{id}', 'POST /reindex']

interface Operation {
  operationId?: string
  summary?: string
  tags?: string[]
  parameters?: { in: string }[]
  requestBody?: { content: Record<string, unknown> }
  security?: Record<string, string[]>[]
  responses: Record<string, unknown>
}

t.test('/openapi.json is OpenAPI 3.1 with every route, each with summary, tags and its error responses', async (t) => {
  const app = await testApp(t)
  const res = await app.inject('/openapi.json')
  t.equal(res.statusCode, 200)
  const spec = res.json()
  t.equal(spec.openapi, '3.1.0')
  t.same(Object.keys(spec.paths).sort(), [...ROUTES].sort())
  const operationIds = new Set<string>()
  const writes: string[] = []
  for (const [path, item] of Object.entries(spec.paths as Record<string, Record<string, Operation>>)) {
    for (const [method, op] of Object.entries(item)) {
      const name = `${method.toUpperCase()} ${path}`
      t.ok(op.operationId && !operationIds.has(op.operationId), `${name} has its own operationId, for generated clients`)
      operationIds.add(op.operationId ?? '')
      t.ok(op.summary, `${name} has a summary`)
      t.ok(op.tags?.length, `${name} has tags`)
      t.ok((op.responses['200'] ?? op.responses['202'] ?? op.responses['204']) && op.responses['500'], `${name} declares its success and 500`)
      // If-None-Match (a header on every read) is not validated, so it alone needs no 400
      if (op.parameters?.some((p) => p.in !== 'header') || op.requestBody) t.ok(op.responses['400'] ?? op.responses['415'], `${name} declares 400 or 415`)
      if (path.includes('{id}')) t.ok(op.responses['404'], `${name} declares 404`)
      if (!['/health', '/ready'].includes(path)) t.ok(op.responses['429'], `${name} declares the rate limiter's 429`)
      if (method === 'get') {
        t.notOk(op.security, `${name} is open`)
        if (!['/health', '/ready'].includes(path)) t.ok(op.responses['304'], `${name} declares 304 for If-None-Match`)
        continue
      }
      writes.push(name)
      t.same(op.security, [{ bearerAuth: [] }], `${name} needs the bearer key`)
      for (const status of ['401', '403']) t.ok(op.responses[status], `${name} declares ${status}`)
      if (op.requestBody) t.ok(op.responses['413'] ?? path.endsWith('/bulk'), `${name} declares 413`)
    }
  }
  t.same(writes.sort(), [...WRITES].sort())
  t.match(spec.components.securitySchemes, { bearerAuth: { type: 'http', scheme: 'bearer' } })
  t.same(Object.keys(spec.paths['/articles'].post.requestBody.content).sort(), ['application/json', 'text/plain'])
  t.same(Object.keys(spec.paths['/articles/bulk'].post.requestBody.content), ['application/x-ndjson', 'application/jsonl'])
  t.ok(spec.paths['/articles'].post.responses['201'].headers.Location, 'the 201 documents its Location')
  const queryOf = (path: string) => (spec.paths[path].get.parameters as { in: string, name: string }[]).filter((p) => p.in === 'query').map((p) => p.name)
  t.same(queryOf('/articles').sort(), ['count', 'cursor', 'dateline', 'entity', 'expand', 'facet', 'facetSize', 'fields', 'from', 'limit',
    'publisher', 'q', 'sort', 'speaker', 'to'])
  t.same(queryOf('/quotes').sort(), ['about', 'articleId', 'count', 'cue', 'cursor', 'facet', 'facetSize', 'fields', 'from', 'kind', 'limit',
    'minEchoes', 'q', 'sort', 'speaker', 'statement', 'to'])
  t.same(queryOf('/entities').sort(), ['count', 'cursor', 'facet', 'facetSize', 'fields', 'limit', 'minArticles', 'q', 'sort', 'type'])
  for (const path of ['/articles', '/quotes', '/entities']) {
    t.same(Object.keys(spec.paths[path].get.responses['200'].content), ['application/json', 'application/x-ndjson', 'text/csv'],
      `${path} documents its three formats`)
  }
})

t.test('openapi.yaml is the generated spec: it has not drifted from the routes (run npm run openapi)', async (t) => {
  const app = await testApp(t)
  const served = (await app.inject('/openapi.json')).json()
  const committed = parse(fs.readFileSync(new URL('../../../openapi.yaml', import.meta.url), 'utf8'))
  t.same(committed, withoutServers(served))
  const yaml = await app.inject('/openapi.yaml')
  t.match(yaml.headers['content-type'], /yaml/)
  t.same(withoutServers(parse(yaml.body)), committed)
})

t.test('/docs serves Swagger UI', async (t) => {
  const app = await testApp(t)
  let res = await app.inject('/docs')
  if (res.statusCode === 302) res = await app.inject(String(res.headers.location))
  t.equal(res.statusCode, 200)
  t.match(res.headers['content-type'], /text\/html/)
  t.match(res.body, /swagger/i)
})
