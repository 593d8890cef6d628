import http from 'node:http'
import { gunzipSync } from 'node:zlib'
import t from 'tap'
import { STREAM_CHUNK } from '../../../src/domain/limits.js'
import { corpusApp, streamAll, walkPages } from '../../corpus.js'

// NDJSON and CSV streams, and the HTTP layer: ETags and 304, Cache-Control, CORS, compression, rate limits.
const app = await corpusApp(t)

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF) into rows of cells. */
function parseCsv (text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++ } else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"') quoted = true
    else if (c === ',') { row.push(cell); cell = '' } else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++ } else cell += c
  }
  return rows
}

t.test('NDJSON streams the whole filtered set, more than one chunk, in the page order', async (t) => {
  const quotes = await streamAll<{ id: string }>(app, '/quotes')
  const total = (await app.inject('/quotes?count=true&limit=1')).json().total
  t.ok(total > STREAM_CHUNK * 2, 'the set spans several chunks')
  t.equal(quotes.length, total)
  t.equal(new Set(quotes.map((q) => q.id)).size, total, 'each once')
  const paged = await walkPages<{ id: string }>(app, '/quotes?limit=100&fields=id')
  t.same(quotes.map((q) => q.id), paged.map((q) => q.id), 'in the same order as the pages')
  const res = await app.inject({ url: '/articles?q=budget&fields=title,snippet', headers: { accept: 'application/x-ndjson' } })
  t.match(res.headers['content-type'], /^application\/x-ndjson/)
  t.match(res.headers.vary, /Accept/)
  const first = JSON.parse(res.body.split('\n')[0] ?? '{}')
  t.same(Object.keys(first).sort(), ['id', 'snippet', 'title'], 'fields apply to streams')
  const page = (await app.inject('/quotes?limit=5')).json()
  const fromCursor = await streamAll<{ id: string }>(app, `/quotes?cursor=${page.links.next.split('cursor=')[1]}`)
  t.equal(fromCursor.length, total - 5, 'a stream starts from the cursor')
  t.equal((await app.inject({ url: '/quotes?cursor=garbage', headers: { accept: 'application/x-ndjson' } })).statusCode, 400,
    'a bad cursor is refused before streaming')
})

t.test('CSV has a header, flattens nested values and escapes commas, quotes and newlines', async (t) => {
  const res = await app.inject({ url: '/quotes?kind=direct', headers: { accept: 'text/csv' } })
  t.equal(res.statusCode, 200)
  t.match(res.headers['content-type'], /^text\/csv; charset=utf-8/)
  const rows = parseCsv(res.body)
  t.same(rows[0], ['id', 'articleId', 'kind', 'text', 'cue', 'source', 'speakerId', 'speakerName', 'speakerType', 'paragraph', 'statementId', 'snippet'])
  const direct = await streamAll<{ id: string, text: string, speaker: { id: string } | null }>(app, '/quotes?kind=direct')
  t.equal(rows.length - 1, direct.length)
  t.same(rows.slice(1).map((r) => r[3]), direct.map((q) => q.text), 'quoted text with commas and quotation marks survives')
  t.same(rows.slice(1).map((r) => r[6]), direct.map((q) => q.speaker?.id ?? ''))
  const narrow = parseCsv((await app.inject({ url: '/entities?fields=name,type', headers: { accept: 'text/csv;q=0.9, application/json;q=0.5' } })).body)
  t.same(narrow[0], ['id', 'name', 'type'])
  t.equal((await app.inject({ url: '/entities', headers: { accept: 'text/html' } })).headers['content-type'], 'application/json; charset=utf-8',
    'JSON when the client names nothing we make')
})

t.test('a slow stream does not hold the database: other requests answer while it is paused', async (t) => {
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as { port: number }
  const response = await new Promise<http.IncomingMessage>((resolve) => http.get({ port, path: '/quotes', headers: { accept: 'application/x-ndjson' } }, resolve))
  const first = await new Promise<Buffer>((resolve) => response.once('data', resolve))
  response.pause()
  t.ok(first.length > 0, 'the stream started')
  const meanwhile = await app.inject('/articles?limit=1')
  t.equal(meanwhile.statusCode, 200, 'the connection is free between chunks')
  response.resume()
  let rest = first.toString()
  for await (const chunk of response) rest += String(chunk)
  t.equal(rest.split('\n').filter(Boolean).length, (await app.inject('/quotes?count=true&limit=1')).json().total)
})

t.test('strong ETags: If-None-Match answers 304 until the resource changes', async (t) => {
  const local = await corpusApp(t)
  const id = (await local.inject('/articles?limit=1')).json().data[0].id as string
  for (const url of [`/articles/${id}`, '/articles?limit=5', `/quotes?articleId=${id}`, '/entities?facet=type']) {
    const first = await local.inject(url)
    const etag = first.headers.etag as string
    t.match(etag, /^"[^"]+"$/, `${url}: a strong ETag`)
    const again = await local.inject({ url, headers: { 'if-none-match': etag } })
    t.equal(again.statusCode, 304, `${url}: 304`)
    t.equal(again.body, '')
  }
  const list = await local.inject('/articles?limit=5')
  local.submissions.submit({ text: 'Fresh story\n\nROME\n\nThe mayor said that the bridge opened.\n', publishedAt: '2031-01-01T00:00:00Z' })
  t.equal((await local.inject({ url: '/articles?limit=5', headers: { 'if-none-match': String(list.headers.etag) } })).statusCode, 200,
    'a new article changes the list')
  t.equal(list.headers['cache-control'], 'public, no-cache', 'lists are revalidated every time')
  t.equal((await local.inject(`/articles/${id}`)).headers['cache-control'], 'public, max-age=60')
  t.equal((await local.inject('/articles/nope')).headers['cache-control'], 'no-store', 'errors are never stored')
  t.equal((await local.inject('/health')).headers['cache-control'], 'no-store')
})

t.test('CORS: browsers may call from any origin by default, or from the configured ones', async (t) => {
  const preflight = await app.inject({ method: 'OPTIONS', url: '/quotes', headers: { origin: 'https://news.example', 'access-control-request-method': 'GET' } })
  t.equal(preflight.statusCode, 204)
  t.ok(preflight.headers['access-control-allow-origin'])
  const read = await app.inject({ url: '/entities?limit=1', headers: { origin: 'https://news.example' } })
  t.ok(read.headers['access-control-allow-origin'])
  t.match(read.headers['access-control-expose-headers'], /ETag/)
  const strict = await corpusApp(t, { corsOrigins: ['https://allowed.example'] })
  t.equal((await strict.inject({ url: '/health', headers: { origin: 'https://allowed.example' } })).headers['access-control-allow-origin'], 'https://allowed.example')
  t.notOk((await strict.inject({ url: '/health', headers: { origin: 'https://other.example' } })).headers['access-control-allow-origin'])
})

t.test('responses are compressed for clients that accept it', async (t) => {
  const plain = await app.inject('/quotes?limit=100')
  const gzipped = await app.inject({ url: '/quotes?limit=100', headers: { 'accept-encoding': 'gzip' } })
  t.equal(gzipped.headers['content-encoding'], 'gzip')
  t.match(gzipped.headers.vary, /accept-encoding/i)
  t.ok(gzipped.rawPayload.length < plain.rawPayload.length / 3, `${gzipped.rawPayload.length} bytes rather than ${plain.rawPayload.length}`)
  t.same(JSON.parse(gunzipSync(gzipped.rawPayload).toString()), plain.json())
  const stream = await app.inject({ url: '/quotes', headers: { accept: 'text/csv', 'accept-encoding': 'gzip' } })
  t.equal(stream.headers['content-encoding'], 'gzip', 'streams too')
  t.match(gunzipSync(stream.rawPayload).toString(), /^id,articleId/)
})

t.test('rate limiting: RateLimit-* headers, then a 429 problem that says when to retry', async (t) => {
  const limited = await corpusApp(t, { rateLimit: { max: 3, windowMs: 60_000 } })
  for (let i = 0; i < 3; i++) {
    const res = await limited.inject('/articles?limit=1')
    t.equal(res.statusCode, 200)
    t.equal(res.headers['ratelimit-limit'], '3')
    t.equal(res.headers['ratelimit-remaining'], String(2 - i))
  }
  const refused = await limited.inject('/articles?limit=1')
  t.equal(refused.statusCode, 429)
  t.match(refused.headers['content-type'], /^application\/problem\+json/)
  t.match(refused.json(), { status: 429, title: 'Too Many Requests', detail: /Retry in/ })
  t.ok(Number(refused.headers['retry-after']) > 0, 'Retry-After in seconds')
  t.equal(refused.headers['cache-control'], 'no-store')
  t.equal((await limited.inject('/health')).statusCode, 200, 'health checks are never limited')
})

t.test('the lists under an article or an entity stream too', async (t) => {
  const lavrov = 'person-sergey-lavrov'
  const articleId = (await app.inject('/articles?limit=1')).json().data[0].id as string
  for (const [url, total] of [
    [`/entities/${lavrov}/quotes`, (await app.inject(`/quotes?speaker=${lavrov}&count=true&limit=1`)).json().total],
    [`/entities/${lavrov}/articles`, (await app.inject(`/articles?entity=${lavrov}&count=true&limit=1`)).json().total],
    [`/articles/${articleId}/quotes`, (await app.inject(`/quotes?articleId=${articleId}&count=true&limit=1`)).json().total],
    [`/articles/${articleId}/entities`, (await app.inject(`/articles/${articleId}`)).json().entityCount]
  ] as const) {
    const items = await streamAll<{ id: string }>(app, url)
    t.equal(items.length, total, `${url}: all ${total} as NDJSON`)
    t.same(items.map((i) => i.id), (await walkPages<{ id: string }>(app, `${url}?limit=7`)).map((i) => i.id), `${url}: in page order`)
    const csv = await app.inject({ url, headers: { accept: 'text/csv' } })
    t.equal(parseCsv(csv.body).length, total + 1, `${url}: a CSV row each`)
  }
  t.equal((await app.inject({ url: `/entities/${lavrov}/quotes?cursor=nope`, headers: { accept: 'text/csv' } })).statusCode, 400)
})
