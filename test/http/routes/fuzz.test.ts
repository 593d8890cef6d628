// HTTP fuzzing from the OpenAPI document: for every operation it declares, requests built from its
// parameters and bodies, valid and hostile (wrong types, huge numbers, long and odd Unicode, FTS5 and
// SQL syntax, ../, NUL bytes, repeated and unknown parameters, bad cursors, bad bodies and media
// types, bad keys). Every answer must be one the document declares for its route, never a 5xx; every
// error a problem without internals; and the database must afterwards pass its integrity check and
// hold exactly what it held (reads) or what the accepted writes say (writes).
import fc from 'fast-check'
import t, { type Test } from 'tap'
import type { App } from '../../../src/app.js'
import { Problem } from '../../../src/schemas/common.js'
import { canonicalDump, counterProblems, sqliteProblems } from '../../db-checks.js'
import { dbOf, API_KEY, AUTH, testApp } from '../../helpers.js'
import { scaled } from '../../scale.js'

interface Parameter { in: 'path' | 'query' | 'header', name: string, schema: { type?: string, enum?: string[], minimum?: number, maximum?: number } }
interface Operation { method: string, path: string, parameters: Parameter[], bodyTypes: string[], statuses: Set<number>, secured: boolean }
interface FuzzRequest { method: string, url: string, headers: Record<string, string>, payload?: string | Buffer }

const MAX_ARTICLE_BYTES = 8 * 1024

/** Strings that have broken, or could break, a parser, a query or a log line. */
const HOSTILE = [
  '', ' ', '../../etc/passwd', '..', '%2e%2e%2f', '\u0000', 'a\u0000b', "' OR 1=1 --", '"; DROP TABLE articles; --',
  "1' UNION SELECT sql FROM sqlite_master --", 'title:lavrov AND NOT syria*', 'NEAR(a b, 2)', '"unterminated', '*', '^a',
  'lavrov OR', '(((', 'a'.repeat(513), 'x'.repeat(5000), '\u{1F600}'.repeat(60), '\ud800', '\udfff', '\u202eevil', 'قال',
  '-1', '0', '1e309', '9007199254740993', '-0', 'NaN', 'Infinity', '0x10', '1.5', ' 5', 'null', 'true', '[]', '{}',
  '%', '%E0%A4%A', '\r\nX-Injected: 1', '<script>alert(1)</script>', '${jndi:ldap://x}', '__proto__', 'constructor'
]

const hostile = fc.oneof(
  { arbitrary: fc.constantFrom(...HOSTILE), weight: 4 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 300 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 100 }), weight: 1 },
  { arbitrary: fc.integer().map(String), weight: 1 },
  { arbitrary: fc.double().map(String), weight: 1 }
)

/** Percent-encodes what a URL cannot carry raw (lone surrogates as their UTF-8 replacement bytes). */
const enc = (value: string): string =>
  encodeURIComponent(value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'))

/** The operations of the document, with the statuses each declares. */
function operationsOf (spec: { paths: Record<string, Record<string, Record<string, unknown>>> }): Operation[] {
  return Object.entries(spec.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({
    method: method.toUpperCase(),
    path,
    parameters: (op.parameters ?? []) as Parameter[],
    bodyTypes: Object.keys((op.requestBody as { content?: object } | undefined)?.content ?? {}),
    statuses: new Set(Object.keys(op.responses as object).map(Number)),
    secured: Array.isArray(op.security)
  })))
}

interface Known { articleIds: string[], quoteIds: string[], entityIds: string[], cursors: string[] }

/** A value for one parameter: mostly one its schema takes (or an id that exists), often a hostile one. */
function valueFor (param: Parameter, known: Known): fc.Arbitrary<string> {
  const valid: fc.Arbitrary<string>[] = []
  const { schema, name } = param
  if (schema.enum) valid.push(fc.constantFrom(...schema.enum))
  if (schema.type === 'integer') valid.push(fc.integer({ min: schema.minimum ?? 0, max: schema.maximum ?? 1000 }).map(String))
  if (name === 'cursor' && known.cursors.length) valid.push(fc.constantFrom(...known.cursors))
  if (name === 'entity' || name === 'speaker' || (name === 'id' && param.in === 'path')) {
    const ids = [...known.entityIds, ...known.articleIds, ...known.quoteIds]
    if (ids.length) valid.push(fc.constantFrom(...ids))
  }
  if (name === 'articleId' && known.articleIds.length) valid.push(fc.constantFrom(...known.articleIds))
  // a real cursor with a character changed, cut short, or re-encoded
  if (name === 'cursor' && known.cursors.length) {
    valid.push(fc.tuple(fc.constantFrom(...known.cursors), fc.nat(), fc.constantFrom('A', '_', '=', '~', '')).map(([c, at, ch]) => c.slice(0, at % (c.length + 1)) + ch + c.slice((at % (c.length + 1)) + 1)))
  }
  if (!valid.length) valid.push(fc.string({ maxLength: 20 }))
  return fc.oneof({ arbitrary: fc.oneof(...valid), weight: 3 }, { arbitrary: hostile, weight: 2 })
}

const newsText = fc.tuple(
  fc.constantFrom('Council approves the bridge', 'Talks go on', '“Quote” headline', ''),
  fc.constantFrom('LEEDS', 'MOSCOW', ''),
  fc.array(fc.constantFrom('The council approved the plan, Mayor Jane Doe said.', '“We are ready,” Sergey Lavrov said on Monday.',
    'Officials said the talks would go on.', 'According to Reuters, the vote was close.'), { minLength: 1, maxLength: 4 }),
  fc.nat(1_000_000)
).map(([title, dateline, paras, n]) => [title, dateline, ...paras, `Story number ${n}.`].filter(Boolean).join('\n\n'))

/** A JSON body for POST /articles or /extract: valid, wrong in one field, or not a body at all. */
const jsonBody = fc.oneof(
  { arbitrary: newsText.map((text) => JSON.stringify({ text })), weight: 4 },
  { arbitrary: fc.tuple(newsText, fc.constantFrom('2025-12-17T09:00:00Z', 'soon', '2025-13-45T99:00:00Z', '')).map(([text, publishedAt]) => JSON.stringify({ text, publishedAt, publisher: 'Example' })), weight: 2 },
  { arbitrary: fc.tuple(newsText, hostile).map(([text, url]) => JSON.stringify({ text, url, language: url })), weight: 1 },
  { arbitrary: fc.constantFrom('{"text":', '{"text": 1}', '{"text": null}', '{"text": ["a"]}', '[]', '"text"', 'null', '1e999', '{}',
    '{"text":"a","__proto__":{"x":1}}', '{"text":"a","text":"b"}', `{"text":"${'a'.repeat(MAX_ARTICLE_BYTES + 10)}"}`, '{"text":"\\u0000"}',
    '{"text":"\\ud800"}', '{"text":"ok","extra":1}', '', '\u0000', '{"text":"' + 'x'.repeat(50) + '",', '{"text":99999999999999999999999}'), weight: 2 },
  { arbitrary: hostile.map((text) => JSON.stringify({ text, title: text })), weight: 2 },
  { arbitrary: fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)), weight: 1 }
)

/** An NDJSON body: lines of the above, blank lines, and broken ones. */
const ndjsonBody = fc.array(fc.oneof(jsonBody.map((b) => (typeof b === 'string' ? b : b.toString('latin1'))), fc.constant(''), fc.constant('   ')), { maxLength: 6 })
  .map((lines) => lines.join('\n'))

const MEDIA_TYPES = ['application/json', 'text/plain', 'text/plain; charset=utf-8', 'text/plain; charset=latin1', 'application/x-ndjson',
  'application/jsonl', 'application/xml', 'multipart/form-data; boundary=x', 'application/json; charset=utf-16', 'application/octet-stream', '']

const authHeader = fc.oneof(
  { arbitrary: fc.constant(AUTH.authorization), weight: 8 },
  { arbitrary: fc.constantFrom('', 'Bearer', 'Bearer ', `Basic ${API_KEY}`, `Bearer ${API_KEY}x`, `Bearer ${API_KEY.slice(0, -1)}`,
    `bearer ${API_KEY}`, `Bearer ${API_KEY} extra`, `Bearer ${'k'.repeat(10_000)}`), weight: 2 },
  { arbitrary: hostile.map((h) => `Bearer ${h}`), weight: 1 }
)

/** One request for `op`: its path, query, headers and body drawn from the document and the hostile lists. */
function requestFor (op: Operation, known: Known): fc.Arbitrary<FuzzRequest> {
  const path = op.parameters.filter((p) => p.in === 'path')
  const query = op.parameters.filter((p) => p.in === 'query')
  const pathValues = fc.tuple(...path.map((p) => valueFor(p, known)))
  const queryPairs = fc.tuple(
    fc.subarray(query).chain((chosen) => fc.tuple(...chosen.map((p) => valueFor(p, known).map((v) => [p.name, v] as const)))),
    fc.option(fc.tuple(fc.constantFrom('q', 'offset', 'LIMIT', 'limit[]', '__proto__', 'cursor'), hostile), { freq: 4 }),
    fc.boolean() // repeat the first parameter
  ).map(([pairs, unknown, repeat]) => {
    const all: (readonly [string, string])[] = [...pairs]
    if (unknown) all.push(unknown)
    if (repeat && all[0]) all.push(all[0])
    return all
  })
  const body = op.bodyTypes.length === 0
    ? fc.constant(undefined)
    : fc.tuple(fc.oneof({ arbitrary: fc.constantFrom(...op.bodyTypes), weight: 4 }, { arbitrary: fc.constantFrom(...MEDIA_TYPES), weight: 1 }),
      op.path.endsWith('/bulk') ? ndjsonBody : jsonBody, fc.option(fc.constantFrom('gzip', 'identity', 'br'), { freq: 8 }))
  const idempotencyKey = op.method === 'POST' && op.path === '/articles' ? fc.option(fc.oneof(fc.uuid(), hostile), { freq: 3 }) : fc.constant(null)
  return fc.tuple(pathValues, queryPairs, body, authHeader, idempotencyKey).map(([values, pairs, b, auth, key]) => {
    let i = 0
    const url = op.path.replace(/\{[^}]+\}/g, () => enc(values[i++] ?? '')) +
      (pairs.length ? `?${pairs.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&')}` : '')
    const headers: Record<string, string> = {}
    if (op.secured && auth) headers.authorization = auth
    if (key !== null && /^[\x20-\x7e]*$/.test(key)) headers['idempotency-key'] = key
    const request: FuzzRequest = { method: op.method, url, headers }
    if (b) {
      const [type, payload, encoding] = b
      if (type) headers['content-type'] = type
      if (encoding) headers['content-encoding'] = encoding
      request.payload = payload
    }
    return request
  })
}

const INTERNALS = /\bat \S+ \(|\.(ts|js):\d+|node_modules|\/work\/|\/tmp\/|SQLITE_|sqlite_master|SELECT .* FROM|INSERT INTO|better-sqlite3/

/** What is wrong with one answer: [] when it is one the document allows. */
function stringsIn (value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn)
  return []
}

function decodeURIComponentSafely (value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

function answerProblems (op: Operation, request: FuzzRequest, res: Awaited<ReturnType<App['inject']>>): string[] {
  const problems: string[] = []
  if (res.statusCode >= 500) problems.push(`answered ${res.statusCode}`)
  if (!op.statuses.has(res.statusCode)) problems.push(`answered ${res.statusCode}, which ${op.method} ${op.path} does not declare`)
  if (!res.headers['x-request-id']) problems.push('no x-request-id')
  if (res.statusCode >= 400) {
    if (!String(res.headers['content-type']).startsWith('application/problem+json')) problems.push(`a ${res.statusCode} as ${res.headers['content-type']}`)
    else {
      const parsed = Problem.safeParse(res.json())
      if (!parsed.success || parsed.data.status !== res.statusCode) problems.push(`a ${res.statusCode} whose body is no problem: ${res.body.slice(0, 200)}`)
    }
  }
  // bulk lines carry their own problems: a line's 500 is a server failure too
  if (op.path.endsWith('/bulk') && res.statusCode === 200) {
    if (!/"status":"done"/.test(res.body)) problems.push('a bulk answer without its done line')
    if (/"status":5\d\d/.test(res.body)) problems.push('a bulk line failed with a 5xx')
  }
  // internals (a stack frame, a path, SQL) in an error's words, unless the request itself sent that text
  const sent = `${request.url} ${decodeURIComponentSafely(request.url)} ${request.payload?.toString() ?? ''} ${JSON.stringify(request.headers)}`
  const errorWords = res.statusCode >= 400 ? [res.body] : op.path.endsWith('/bulk') ? res.body.split('\n').filter((l) => l.includes('"failed"')) : []
  const strings = errorWords.flatMap((json) => {
    try {
      const { instance: _echo, ...rest } = JSON.parse(json) as Record<string, unknown>
      return stringsIn(rest)
    } catch {
      return [json]
    }
  })
  const shown = strings.flatMap((str) => [...str.matchAll(new RegExp(INTERNALS, 'g'))].map((m) => m[0])).filter((m) => !sent.includes(m))
  if (shown.length) problems.push(`the error shows internals (${shown.join(', ')}): ${res.body.slice(0, 300)}`)
  return problems
}

async function knownOf (app: App): Promise<Known> {
  const ids = (sql: string) => dbOf(app).prepare(sql).pluck().all() as string[]
  const cursors: string[] = []
  for (const url of ['/articles?limit=1', '/quotes?limit=2', '/entities?limit=3', `/entities?limit=1&type=person`]) {
    const next = (await app.inject(url)).json().links.next as string | null
    const cursor = next && new URL(next, 'http://x').searchParams.get('cursor')
    if (cursor) cursors.push(cursor)
  }
  return { articleIds: ids('SELECT id FROM articles'), quoteIds: ids('SELECT id FROM quotes LIMIT 20'), entityIds: ids('SELECT id FROM entities LIMIT 20'), cursors }
}

/** An app with the seed article and a few more, and a write key. */
async function seededApp (t: Test): Promise<App> {
  const app = await testApp(t, { seed: true, apiKeys: [API_KEY], maxArticleBytes: MAX_ARTICLE_BYTES })
  for (const text of ['Bridge vote\n\nLEEDS\n\nThe council approved the bridge, Mayor Jane Doe said on Monday.',
    'Talks go on\n\nMOSCOW\n\n“Discussions are ongoing,” Foreign Minister Sergey Lavrov said.']) {
    await app.inject({ method: 'POST', url: '/articles', headers: AUTH, payload: { text } })
  }
  return app
}

let fuzzed = 0

t.test('read routes: every answer declared, no 5xx, problems without internals; the database unchanged', async (t) => {
  const app = await seededApp(t)
  const spec = (await app.inject('/openapi.json')).json()
  const reads = operationsOf(spec).filter((op) => op.method === 'GET')
  const known = await knownOf(app)
  const before = canonicalDump(dbOf(app))
  const runs = scaled(1500, 30_000)
  await fc.assert(fc.asyncProperty(fc.constantFrom(...reads).chain((op) => requestFor(op, known).map((r) => [op, r] as const)), async ([op, request]) => {
    const res = await app.inject(request)
    fuzzed++
    const problems = answerProblems(op, request, res)
    if (problems.length) throw new Error(`${request.method} ${request.url}: ${problems.join('; ')}`)
  }), { numRuns: runs })
  t.pass(`${runs} read requests over ${reads.length} operations`)
  t.same(sqliteProblems(dbOf(app)), [], 'integrity_check passes')
  t.equal(canonicalDump(dbOf(app)), before, 'reads changed nothing')
})

t.test('write routes: every answer declared, no 5xx; the database holds what the accepted writes say', async (t) => {
  const app = await seededApp(t)
  const spec = (await app.inject('/openapi.json')).json()
  const writes = operationsOf(spec).filter((op) => op.method !== 'GET')
  const known = await knownOf(app)
  const expected = new Set(known.articleIds)
  const runs = scaled(400, 6_000)
  await fc.assert(fc.asyncProperty(fc.constantFrom(...writes).chain((op) => requestFor(op, known).map((r) => [op, r] as const)), async ([op, request]) => {
    const res = await app.inject(request)
    fuzzed++
    const problems = answerProblems(op, request, res)
    if (problems.length) throw new Error(`${request.method} ${request.url} ${JSON.stringify(request.headers)}: ${problems.join('; ')}`)
    // what the answer says was written, the database must hold (and nothing a refusal would have added)
    if (op.method === 'POST' && op.path === '/articles' && (res.statusCode === 201 || res.statusCode === 200)) expected.add(res.json().id)
    if (op.method === 'DELETE' && res.statusCode === 204) expected.delete(decodeURIComponent(new URL(request.url, 'http://x').pathname.split('/')[2] ?? ''))
    if (op.path.endsWith('/bulk') && res.statusCode === 200) {
      for (const line of res.body.trim().split('\n')) {
        const result = JSON.parse(line) as { status: string, id?: string }
        if ((result.status === 'created' || result.status === 'existing') && result.id) expected.add(result.id)
      }
    }
  }), { numRuns: runs })
  t.pass(`${runs} write requests over ${writes.length} operations`)
  t.same(sqliteProblems(dbOf(app)), [], 'integrity_check passes')
  t.same(counterProblems(dbOf(app)), [], 'every count agrees with its rows')
  const stored = dbOf(app).prepare('SELECT id FROM articles').pluck().all() as string[]
  t.same(stored.sort(), [...expected].sort(), 'the articles are exactly those the accepted writes created, less those deleted')
})

t.test('requests fuzzing once broke, kept as they were found', async (t) => {
  const app = await seededApp(t)
  const operations = operationsOf((await app.inject('/openapi.json')).json())
  const cases: [string, FuzzRequest][] = [
    // an empty body without a media type reached no parser, and the route iterated `undefined`: 500
    ['POST /articles/bulk', { method: 'POST', url: '/articles/bulk', headers: { ...AUTH }, payload: '' }],
    // the router's 414 for an over-long id answered before any hook: no X-Request-Id, and undeclared
    ['DELETE /articles/{id}', { method: 'DELETE', url: `/articles/${'x'.repeat(300)}`, headers: { ...AUTH } }],
    ['GET /articles/{id}/quotes', { method: 'GET', url: `/articles/${'a'.repeat(300)}/quotes`, headers: {} }]
  ]
  for (const [name, request] of cases) {
    const op = operations.find((o) => `${o.method} ${o.path}` === name)
    if (!op) throw new Error(`no operation ${name}`)
    const res = await app.inject(request)
    fuzzed++
    t.same(answerProblems(op, request, res), [], `${name}: ${res.statusCode}`)
  }
})

t.teardown(() => { console.log(`# HTTP fuzzing: ${fuzzed} requests`) })
