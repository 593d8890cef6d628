import { gzipSync } from 'node:zlib'
import t from 'tap'
import { Extraction } from '../../../src/schemas/writes.js'
import { API_KEY, AUTH, parsedArticle, quotedText, testApp } from '../../helpers.js'
import { Article } from '../../../src/schemas/articles.js'

const STORY = 'Minister backs the plan\n\nLONDON\n\nThe plan will work, the minister said on Tuesday.\n'
const writer = (t: Parameters<typeof testApp>[0], options: Parameters<typeof testApp>[1] = {}) => testApp(t, { apiKeys: [API_KEY], ...options })
const articleCount = async (app: Awaited<ReturnType<typeof testApp>>) => (await app.inject('/articles?limit=100')).json().data.length as number

t.test('POST /articles stores a JSON article: 201, Location and the article; the same text again is 200 and stores nothing', async (t) => {
  const app = await writer(t)
  const body = { text: STORY, publishedAt: '2025-12-17T09:00:00Z', publisher: 'Example News', url: 'https://example.com/a', language: 'en-GB' }
  const res = await app.inject({ method: 'POST', url: '/articles', headers: AUTH, payload: body })
  t.equal(res.statusCode, 201)
  const article = Article.strict().parse(res.json())
  t.equal(res.headers.location, `/articles/${article.id}`)
  t.match(article, { text: STORY, title: 'Minister backs the plan', publisher: 'Example News', publishedAt: '2025-12-17T09:00:00Z', language: 'en-GB' })
  t.ok(article.quoteCount >= 1, 'the pipeline found the quote')
  t.same((await app.inject(`/articles/${article.id}`)).json(), res.json(), 'GET answers the same article')

  const again = await app.inject({ method: 'POST', url: '/articles', headers: AUTH, payload: { text: STORY, publisher: 'Someone Else' } })
  t.equal(again.statusCode, 200)
  t.notOk(again.headers.location)
  t.same(again.json(), res.json(), 'the stored article, its metadata untouched')
  t.equal(await articleCount(app), 1)
})

t.test('POST /articles takes text/plain (UTF-8) as the text alone; a title given in JSON wins over the first line', async (t) => {
  const app = await writer(t)
  const plain = await app.inject({ method: 'POST', url: '/articles', headers: { ...AUTH, 'content-type': 'text/plain; charset=utf-8' }, payload: 'Café owners say “no”\n\nThey said so.' })
  t.equal(plain.statusCode, 201)
  t.match(plain.json(), { title: 'Café owners say “no”', text: 'Café owners say “no”\n\nThey said so.' })
  const titled = await app.inject({ method: 'POST', url: '/articles', headers: AUTH, payload: { text: 'first line\n\nbody here.', title: 'Given title' } })
  t.equal(titled.json().title, 'Given title')
})

t.test('an Idempotency-Key replays the first answer, and refuses another request', async (t) => {
  const app = await writer(t)
  const headers = { ...AUTH, 'idempotency-key': 'b4f1c2d0-1111-4a4a-9999-000000000001' }
  const first = await app.inject({ method: 'POST', url: '/articles', headers, payload: { text: STORY } })
  t.equal(first.statusCode, 201)
  t.notOk(first.headers['idempotent-replayed'])
  const retry = await app.inject({ method: 'POST', url: '/articles', headers, payload: { text: STORY } })
  t.equal(retry.statusCode, 201, 'the retry answers what the first request answered')
  t.equal(retry.headers['idempotent-replayed'], 'true')
  t.equal(retry.headers.location, first.headers.location)
  t.same(retry.json(), first.json())

  const reused = await app.inject({ method: 'POST', url: '/articles', headers, payload: { text: `${STORY} Changed.` } })
  t.equal(reused.statusCode, 422)
  t.match(reused.headers['content-type'], /^application\/problem\+json/)
  t.match(reused.json(), { status: 422, detail: /Idempotency-Key/ })
  t.equal(await articleCount(app), 1)

  const otherClient = await buildTwoKeyApp(t)
  const a = await otherClient.inject({ method: 'POST', url: '/articles', headers: { authorization: 'Bearer key-a-0123456789abcdef', 'idempotency-key': 'same' }, payload: { text: 'A story.' } })
  const b = await otherClient.inject({ method: 'POST', url: '/articles', headers: { authorization: 'Bearer key-b-0123456789abcdef', 'idempotency-key': 'same' }, payload: { text: 'B story.' } })
  t.same([a.statusCode, b.statusCode], [201, 201], 'keys are scoped per API key: two clients may use the same one')

  const bad = await app.inject({ method: 'POST', url: '/articles', headers: { ...AUTH, 'idempotency-key': 'has space' }, payload: { text: STORY } })
  t.equal(bad.statusCode, 400)
  t.match(bad.json(), { invalidParams: [{ name: 'idempotency-key', in: 'header' }] })
})

function buildTwoKeyApp (t: Parameters<typeof testApp>[0]) {
  return testApp(t, { apiKeys: ['key-a-0123456789abcdef', 'key-b-0123456789abcdef'] })
}

t.test('20 concurrent identical POSTs store exactly one article', async (t) => {
  for (const key of [undefined, 'concurrent-key']) {
    const app = await writer(t)
    const headers = key ? { ...AUTH, 'idempotency-key': key } : AUTH
    const answers = await Promise.all(Array.from({ length: 20 }, () =>
      app.inject({ method: 'POST', url: '/articles', headers, payload: { text: STORY } })))
    const ids = new Set(answers.map((r) => r.json().id))
    t.equal(ids.size, 1, `one id (${key ? 'with' : 'without'} a key)`)
    t.equal(await articleCount(app), 1, 'one article stored')
    const statuses = answers.map((r) => r.statusCode)
    t.equal(statuses.filter((s) => s === 201).length, key ? 20 : 1, key ? 'every replay answers 201' : 'one 201')
    if (!key) t.equal(statuses.filter((s) => s === 200).length, 19, 'nineteen 200s')
  }
})

t.test('writes need a valid bearer key: 401 problems with WWW-Authenticate; reads stay open', async (t) => {
  const app = await writer(t)
  const cases: [Record<string, string>, RegExp][] = [
    [{}, /^Bearer realm="structured-news"$/],
    [{ authorization: 'Bearer not-the-key' }, /error="invalid_token"/],
    [{ authorization: `Bearer ${API_KEY}x` }, /error="invalid_token"/],
    [{ authorization: `Basic ${Buffer.from(`u:${API_KEY}`).toString('base64')}` }, /error="invalid_request"/],
    [{ authorization: 'Bearer' }, /error="invalid_request"/]
  ]
  for (const [headers, challenge] of cases) {
    for (const [method, url] of [['POST', '/articles'], ['POST', '/extract'], ['POST', '/articles/bulk'], ['DELETE', '/articles/x']] as const) {
      const res = await app.inject({ method, url, headers, payload: method === 'POST' ? { text: STORY } : undefined })
      t.equal(res.statusCode, 401, `${method} ${url} with ${JSON.stringify(headers)}`)
      t.match(res.headers['www-authenticate'], challenge)
      t.match(res.headers['content-type'], /^application\/problem\+json/)
    }
  }
  t.equal(await articleCount(app), 0, 'nothing stored')
  t.equal((await app.inject({ method: 'POST', url: '/articles', headers: { authorization: `bearer  ${API_KEY}` }, payload: { text: STORY } })).statusCode, 201,
    'the scheme is case-insensitive')
  t.equal((await app.inject('/articles')).statusCode, 200, 'reads need no key')
})

t.test('without API_KEYS every write answers 403 saying how to enable writes', async (t) => {
  const app = await testApp(t)
  for (const [method, url] of [['POST', '/articles'], ['POST', '/extract'], ['POST', '/articles/bulk'], ['DELETE', '/articles/x']] as const) {
    const res = await app.inject({ method, url, headers: AUTH, payload: method === 'POST' ? { text: STORY } : undefined })
    t.equal(res.statusCode, 403, `${method} ${url}`)
    t.match(res.headers['content-type'], /^application\/problem\+json/)
    t.match(res.json(), { status: 403, title: 'Forbidden', detail: /API_KEYS/ })
  }
  t.equal((await app.inject('/articles')).statusCode, 200)
})

t.test('bad bodies answer the right 4xx problem and store nothing', async (t) => {
  const app = await writer(t, { maxArticleBytes: 2048 })
  const json = { ...AUTH, 'content-type': 'application/json' }
  const plain = { ...AUTH, 'content-type': 'text/plain' }
  const cases: [string, Record<string, string>, string | Buffer, number, RegExp][] = [
    ['empty text', json, JSON.stringify({ text: '' }), 400, /text: must hold more than whitespace/],
    ['whitespace text', json, JSON.stringify({ text: ' \n\t ' }), 400, /whitespace/],
    ['empty text/plain', plain, '', 400, /whitespace/],
    ['no text', json, JSON.stringify({ title: 'x' }), 400, /text/],
    ['an unknown field', json, JSON.stringify({ text: STORY, author: 'x' }), 400, /author/],
    ['a bad date', json, JSON.stringify({ text: STORY, publishedAt: 'yesterday' }), 400, /publishedAt/],
    ['a bad URL', json, JSON.stringify({ text: STORY, url: 'javascript:alert(1)' }), 400, /url/],
    ['a bad language', json, JSON.stringify({ text: STORY, language: 'english please' }), 400, /language/],
    ['malformed JSON', json, '{"text": "unterminated', 400, /not valid JSON/],
    ['a JSON array', json, '[1, 2]', 400, /expected object/],
    ['an empty JSON body', json, '', 400, /empty/i],
    ['invalid UTF-8 in JSON', json, Buffer.concat([Buffer.from('{"text":"caf'), Buffer.from([0xe9]), Buffer.from('"}')]), 400, /UTF-8/],
    ['invalid UTF-8 text', plain, Buffer.from([0x48, 0x69, 0xff, 0xfe]), 400, /UTF-8/],
    ['binary sent as text', plain, Buffer.from('PNG\u0000\u0001 header bytes'), 400, /binary/],
    ['a NUL escaped in JSON', json, JSON.stringify({ text: 'a\u0000b' }), 400, /binary/],
    ['a lone surrogate', json, '{"text":"broken \\ud800 pair"}', 400, /surrogate/],
    ['a binary upload', { ...AUTH, 'content-type': 'application/octet-stream' }, Buffer.from([1, 2, 3]), 415, /application\/json or text\/plain/],
    ['a form', { ...AUTH, 'content-type': 'application/x-www-form-urlencoded' }, 'text=hello', 415, /Unsupported Media Type/],
    ['NDJSON to the single route', { ...AUTH, 'content-type': 'application/x-ndjson' }, '{"text":"x"}\n', 415, /Unsupported/],
    ['another charset', { ...AUTH, 'content-type': 'text/plain; charset=iso-8859-1' }, 'caf\u00e9', 415, /UTF-8/],
    ['a gzipped body', { ...json, 'content-encoding': 'gzip' }, gzipSync(JSON.stringify({ text: STORY })), 415, /Content-Encoding gzip/],
    ['a body past the limit', json, JSON.stringify({ text: 'x'.repeat(3000) }), 413, /2048 bytes/],
    ['text past the limit', plain, 'y'.repeat(2049), 413, /2048 bytes/]
  ]
  for (const [name, headers, payload, status, detail] of cases) {
    for (const url of ['/articles', '/extract']) {
      const res = await app.inject({ method: 'POST', url, headers, payload })
      t.equal(res.statusCode, status, `${name} → ${url}`)
      t.match(res.headers['content-type'], /^application\/problem\+json/, name)
      t.match(res.json(), { status, detail }, name)
    }
  }
  const noType = await app.inject({ method: 'POST', url: '/articles', headers: AUTH, payload: Buffer.from('text') })
  t.equal(noType.statusCode, 415, 'a body without a content type')
  t.equal(await articleCount(app), 0, 'nothing was stored')
  const fits = await app.inject({ method: 'POST', url: '/articles', headers: plain, payload: 'z'.repeat(2048) })
  t.equal(fits.statusCode, 201, 'exactly the limit is fine')
})

t.test('POST /extract answers the parse and stores nothing', async (t) => {
  const app = await writer(t)
  const text = 'Minister backs the plan\n\nLONDON\n\n"The plan will work," Foreign Minister Sergey Lavrov said on Tuesday.\n'
  for (const request of [{ payload: { text } }, { payload: text, headers: { 'content-type': 'text/plain' } }]) {
    const res = await app.inject({ method: 'POST', url: '/extract', ...request, headers: { ...AUTH, ...request.headers } })
    t.equal(res.statusCode, 200)
    const parse = Extraction.strict().parse(res.json())
    t.equal(parse.title, 'Minister backs the plan')
    t.match(parse.quotes, [{ kind: 'direct', cue: { text: 'said' }, speakerId: 'person-sergey-lavrov' }])
    t.ok(parse.entities.some((e) => e.id === 'person-sergey-lavrov'))
    for (const q of parse.quotes) t.equal(q.spans.map((s) => text.slice(s.start, s.end)).join(' '), q.text)
  }
  t.equal(await articleCount(app), 0)
  t.equal((await app.inject('/entities')).json().data.length, 0)
})

t.test('DELETE /articles/{id} removes the article with its quotes and mentions; entity counts stay right', async (t) => {
  const app = await writer(t)
  const [first, second] = await Promise.all([1, 2].map(async (n) => (await app.store.saveArticle(quotedText(n), {}, parsedArticle(quotedText(n)), 'v1')).id))
  const entity = () => app.inject('/entities/person-ada-lovelace')
  t.match((await entity()).json(), { articleCount: 2, mentionCount: 2, quoteCount: 2 })

  const res = await app.inject({ method: 'DELETE', url: `/articles/${first}`, headers: AUTH })
  t.equal(res.statusCode, 204)
  t.equal(res.body, '')
  t.equal((await app.inject(`/articles/${first}`)).statusCode, 404)
  t.equal((await app.inject(`/articles/${first}/quotes`)).statusCode, 404)
  t.equal((await app.inject(`/quotes/${first}-q1`)).statusCode, 404, 'its quotes are gone')
  t.match((await entity()).json(), { articleCount: 1, mentionCount: 1, quoteCount: 1 })
  t.same((await app.inject('/quotes?speaker=person-ada-lovelace')).json().data.map((q: { articleId: string }) => q.articleId), [second])

  t.equal((await app.inject({ method: 'DELETE', url: `/articles/${first}`, headers: AUTH })).statusCode, 404, 'twice: 404')
  t.equal((await app.inject({ method: 'DELETE', url: `/articles/${second}`, headers: AUTH })).statusCode, 204)
  t.equal((await entity()).statusCode, 404, 'an entity left with no mention disappears')
  t.same((await app.inject('/entities')).json().data, [])
  const missing = await app.inject({ method: 'DELETE', url: '/articles/nope', headers: AUTH })
  t.match(missing.json(), { status: 404, detail: /nope/ })
})

t.test('a deleted article can be submitted again; its Idempotency-Key no longer replays', async (t) => {
  const app = await writer(t)
  const headers = { ...AUTH, 'idempotency-key': 'k1' }
  const first = await app.inject({ method: 'POST', url: '/articles', headers, payload: { text: STORY } })
  await app.inject({ method: 'DELETE', url: `/articles/${first.json().id}`, headers: AUTH })
  const again = await app.inject({ method: 'POST', url: '/articles', headers, payload: { text: STORY } })
  t.equal(again.statusCode, 201)
  t.notOk(again.headers['idempotent-replayed'])
  t.equal(again.json().id, first.json().id, 'the same text, the same id')
})
