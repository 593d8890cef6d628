// Security: headers on every answer (and a CSP under which Swagger UI still loads), request ids
// echoed or generated and present in the logs, bearer keys and article texts never logged.
import { Writable } from 'node:stream'
import fastifyHelmet, { type FastifyHelmetOptions } from '@fastify/helmet'
import Fastify, { type InjectOptions } from 'fastify'
import t from 'tap'
import { buildApp } from '../../../src/app.js'
import { HELMET_OPTIONS } from '../../../src/http/plugins/security.js'
import { API_KEY, AUTH, testApp } from '../../helpers.js'

/** A logger destination that keeps every line, to search the logs as an operator would. */
function captureLogs () {
  const lines: string[] = []
  const stream = new Writable({ write (chunk: Buffer, _encoding, done) { lines.push(...chunk.toString().split('\n').filter(Boolean)); done() } })
  return { lines, stream }
}

t.test('every answer carries the security headers: JSON, problems, the router\'s own refusals and the docs', async (t) => {
  const app = await testApp(t, { seed: true })
  for (const url of ['/articles', '/articles/nope', '/no/such/route', '/docs/', '/openapi.yaml']) {
    const res = await app.inject(url)
    t.match(res.headers, {
      'content-security-policy': /default-src 'self'/,
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'strict-transport-security': /max-age=/,
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin'
    }, `${url} (${res.statusCode})`)
    t.notOk(res.headers['x-powered-by'], `${url} does not name its stack`)
  }
})

t.test('the security headers are exactly those @fastify/helmet sets with the same options', async (t) => {
  // the app applies helmet's headers worked out once; @fastify/helmet works them out for every request
  const reference = Fastify()
  t.teardown(() => reference.close())
  // (the same helmet options type, seen through helmet's ESM and CommonJS declarations: TypeScript tells them apart)
  await reference.register(fastifyHelmet, { global: true, ...HELMET_OPTIONS } as unknown as FastifyHelmetOptions)
  reference.get('/articles', async () => ({}))
  const app = await testApp(t, { seed: true })
  const [expected, actual] = [(await reference.inject('/articles')).headers, (await app.inject('/articles')).headers]
  const names = Object.keys(expected).filter((name) => !['content-type', 'content-length', 'date', 'connection'].includes(name))
  t.ok(names.length >= 12, `${names.length} headers`)
  for (const name of names) t.equal(actual[name], expected[name], name)
})

t.test('Swagger UI loads under the CSP: only files of this origin, no inline script, no eval', async (t) => {
  const app = await testApp(t)
  const page = await app.inject('/docs/')
  t.equal(page.statusCode, 200)
  const csp = String(page.headers['content-security-policy'])
  const directive = (name: string) => csp.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `)) ?? ''
  t.equal(directive('script-src'), "script-src 'self'", 'scripts: this origin only, nothing inline, no eval')
  t.match(directive('style-src'), /'self'/, 'its stylesheets are files of this origin')
  t.match(directive('style-src'), /'unsafe-inline'/, 'Swagger UI (React) sets style attributes')
  t.match(directive('img-src'), /data:/, 'its icons are data: SVGs')
  t.match(directive('connect-src'), /'self'/, '"Try it out" calls this origin')
  t.notMatch(csp, /upgrade-insecure-requests/, 'over plain HTTP on a LAN address the page still loads its files')
  // nothing inline: every <script> has a src and an empty body
  const scripts = [...page.body.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)]
  t.ok(scripts.length >= 3)
  for (const [, attributes, body] of scripts) t.ok(/src="/.test(attributes ?? '') && !(body ?? '').trim(), `no inline script: ${attributes}`)
  t.notMatch(page.body, /\son\w+=/, 'no inline event handlers')
  // every script and stylesheet it names is served from this origin
  const sources = [...page.body.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1] ?? '')
  for (const source of sources) {
    t.notMatch(source, /^(https?:)?\/\//, `${source} is of this origin`)
    const res = await app.inject(new URL(source, 'http://localhost/docs/').pathname)
    t.equal(res.statusCode, 200, `${source} is served`)
    if (source.endsWith('.js')) {
      // eval would need 'unsafe-eval': the bundle's only Function() is a fallback for engines without globalThis
      const evals = [...res.body.matchAll(/new Function\(|\beval\(/g)].filter((m) => !res.body.slice(m.index - 120, m.index).includes('globalThis'))
      t.equal(evals.length, 0, `${source} needs no eval`)
    }
  }
})

t.test('X-Request-Id: a plain one from the client is echoed, anything else replaced by a fresh UUID', async (t) => {
  const app = await testApp(t)
  const fresh = await app.inject('/health')
  t.match(fresh.headers['x-request-id'], /^[0-9a-f-]{36}$/, 'generated when absent')
  t.not((await app.inject('/health')).headers['x-request-id'], fresh.headers['x-request-id'], 'unique per request')
  t.equal((await app.inject({ url: '/health', headers: { 'x-request-id': 'abc-123.trace:7' } })).headers['x-request-id'], 'abc-123.trace:7')
  for (const hostile of ['a'.repeat(200), 'evil\tid', 'x"}{"level":60', 'a b', '']) {
    const res = await app.inject({ url: '/articles/nope', headers: { 'x-request-id': hostile } })
    t.match(res.headers['x-request-id'], /^[0-9a-f-]{36}$/, `replaced: ${JSON.stringify(hostile.slice(0, 20))}`)
  }
  const refused = await app.inject(`/articles/${'x'.repeat(300)}`)
  t.equal(refused.statusCode, 414)
  t.ok(refused.headers['x-request-id'], 'the router\'s own refusals carry one too')
})

t.test('logs carry request ids, and never a bearer key or an article\'s text', async (t) => {
  const { lines, stream } = captureLogs()
  const app = buildApp({ database: ':memory:', apiKeys: [API_KEY], logger: { level: 'trace', stream } })
  t.teardown(() => app.close())
  app.get('/boom', async (request) => {
    // a careless handler logging everything it has: the redaction still holds
    request.log.error({ req: { headers: request.headers }, body: 'x', headers: request.headers, text: 'secret text' }, 'careless')
    throw new Error('failed')
  })
  await app.ready()
  const secretText = 'Zanzibar quartz phrase 7781: “the committee will vote,” Jane Doe said.'
  const ids: string[] = []
  const send = async (options: InjectOptions) => {
    const res = await app.inject(options)
    ids.push(String(res.headers['x-request-id']))
    return res
  }
  t.equal((await send({ method: 'POST', url: '/articles', headers: { ...AUTH, 'x-request-id': 'trace-1' }, payload: { text: secretText } })).statusCode, 201)
  await send({ method: 'POST', url: '/articles/bulk', headers: { ...AUTH, 'content-type': 'application/x-ndjson' }, payload: `${JSON.stringify({ text: `${secretText} Bulk.` })}\n{"text": oops ${secretText}}\n` })
  await send({ method: 'POST', url: '/extract', headers: AUTH, payload: { text: secretText } })
  await send({ method: 'POST', url: '/articles', headers: { authorization: `Bearer ${API_KEY}-wrong` }, payload: { text: secretText } })
  await send({ method: 'POST', url: '/articles', headers: { ...AUTH, 'content-type': 'text/plain' }, payload: `\u0000${secretText}` })
  await send({ method: 'GET', url: '/boom', headers: AUTH })
  const log = lines.join('\n')
  t.ok(lines.length > 10, `${lines.length} log lines`)
  t.notMatch(log, API_KEY.slice(0, 12), 'no bearer key, whole or in part')
  t.notMatch(log, 'Zanzibar', 'no article text')
  t.notMatch(log, 'secret text')
  t.match(log, /\[redacted\]/, 'what a careless handler logs is redacted')
  for (const id of ids) t.match(log, `"reqId":"${id}"`, `request ${id} is in the logs`)
  t.match(log, /"reqId":"trace-1"/, 'the client\'s own id is the one logged')
})

t.test('size limits: a body past MAX_ARTICLE_BYTES, an over-long id, query value or query string are refused as problems', async (t) => {
  const app = await testApp(t, { apiKeys: [API_KEY], maxArticleBytes: 2048 })
  const cases: [string, InjectOptions, number][] = [
    ['a body past the limit', { method: 'POST', url: '/articles', headers: AUTH, payload: { text: 'x'.repeat(4096) } }, 413],
    ['a text/plain body past the limit', { method: 'POST', url: '/extract', headers: { ...AUTH, 'content-type': 'text/plain' }, payload: 'x'.repeat(4096) }, 413],
    ['an id past 200 characters', { method: 'GET', url: `/articles/${'x'.repeat(201)}` }, 400],
    ['an id past what the router takes', { method: 'GET', url: `/quotes/${'x'.repeat(1000)}` }, 414],
    ['a cursor past 512 characters', { method: 'GET', url: `/articles?cursor=${'c'.repeat(513)}` }, 400],
    ['a 100 kB entity filter', { method: 'GET', url: `/articles?entity=${'e'.repeat(100_000)}` }, 400],
    ['10,000 repeated parameters', { method: 'GET', url: `/entities?${'type=person&'.repeat(10_000)}` }, 400]
  ]
  for (const [what, request, status] of cases) {
    const started = performance.now()
    const res = await app.inject(request)
    t.equal(res.statusCode, status, `${what}: ${status}`)
    t.match(res.headers['content-type'], /^application\/problem\+json/)
    t.ok(performance.now() - started < 1000, `${what}: refused at once`)
    t.ok(res.body.length < 4096, `${what}: the problem does not echo it whole (${res.body.length} bytes)`)
  }
})
