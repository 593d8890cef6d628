import fs from 'node:fs'
import t from 'tap'
import { parse } from 'yaml'
import { withoutServers } from '../../src/openapi.js'
import { testApp } from '../helpers.js'

const ROUTES = ['/health', '/ready', '/openapi.json', '/openapi.yaml', '/articles', '/articles/{id}', '/articles/{id}/quotes',
  '/articles/{id}/entities', '/quotes', '/quotes/{id}', '/entities', '/entities/{id}', '/entities/{id}/quotes',
  '/entities/{id}/articles']

interface Operation { operationId?: string, summary?: string, tags?: string[], parameters?: { in: string }[], responses: Record<string, unknown> }

t.test('/openapi.json is OpenAPI 3.1 with every route, each with summary, tags and its error responses', async (t) => {
  const app = await testApp(t)
  const res = await app.inject('/openapi.json')
  t.equal(res.statusCode, 200)
  const spec = res.json()
  t.equal(spec.openapi, '3.1.0')
  t.same(Object.keys(spec.paths).sort(), [...ROUTES].sort())
  const operationIds = new Set<string>()
  for (const [path, item] of Object.entries(spec.paths as Record<string, { get: Operation }>)) {
    const op = item.get
    t.ok(op.operationId && !operationIds.has(op.operationId), `${path} has its own operationId, for generated clients`)
    operationIds.add(op.operationId ?? '')
    t.ok(op.summary, `${path} has a summary`)
    t.ok(op.tags?.length, `${path} has tags`)
    t.ok(op.responses['200'] && op.responses['500'], `${path} declares 200 and 500`)
    if (op.parameters?.length) t.ok(op.responses['400'], `${path} declares 400`)
    if (path.includes('{id}')) t.ok(op.responses['404'], `${path} declares 404`)
  }
})

t.test('openapi.yaml is the generated spec: it has not drifted from the routes (run npm run openapi)', async (t) => {
  const app = await testApp(t)
  const served = (await app.inject('/openapi.json')).json()
  const committed = parse(fs.readFileSync(new URL('../../openapi.yaml', import.meta.url), 'utf8'))
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
