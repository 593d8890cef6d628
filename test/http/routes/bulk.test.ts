import t from 'tap'
import { z } from 'zod'
import { BulkLineResult } from '../../../src/schemas/writes.js'
import { dbOf, API_KEY, AUTH, testApp } from '../../helpers.js'

const NDJSON = { ...AUTH, 'content-type': 'application/x-ndjson' }
const results = (body: string) => body.trimEnd().split('\n').map((line) => BulkLineResult.parse(JSON.parse(line)))
const story = (n: number) => ({ text: `Story ${n} headline\n\nThe council approved plan ${n}, the mayor said on Monday.` })

t.test('1,000 articles with bad lines mixed in: each line answered in order, the bad ones alone fail', async (t) => {
  const app = await testApp(t, { apiKeys: [API_KEY] })
  const lines: string[] = []
  const bad = new Map<number, RegExp>()
  for (let n = 1; lines.length < 1000; n++) {
    const line = lines.length + 1
    if (line % 50 === 7) { lines.push('{"text": oops}'); bad.set(line, /not JSON/) } else if (line % 50 === 19) {
      lines.push(JSON.stringify({ text: '   ' })); bad.set(line, /whitespace/)
    } else if (line % 50 === 33) { lines.push(JSON.stringify({ ...story(n), publishedAt: 'soon' })); bad.set(line, /publishedAt/) } else if (line % 100 === 42) {
      lines.push(JSON.stringify(story(1))) // a duplicate of the first: existing
    } else lines.push(JSON.stringify(story(n)))
  }
  const started = Date.now()
  const res = await app.inject({ method: 'POST', url: '/articles/bulk', headers: NDJSON, payload: `${lines.join('\n')}\n` })
  t.comment(`1,000 lines in ${Date.now() - started} ms`)
  t.equal(res.statusCode, 200)
  t.match(res.headers['content-type'], /^application\/x-ndjson/)
  const answers = results(res.body)
  const done = answers.at(-1)
  const perLine = answers.slice(0, -1) as Extract<BulkLineResult, { line: number }>[]
  t.same(perLine.map((a) => a.line), lines.map((_, i) => i + 1), 'one answer per line, in order')
  for (const [line, detail] of bad) t.match(perLine[line - 1], { status: 'failed', problem: { status: 400, detail } }, `line ${line}`)
  const existing = perLine.filter((a) => a.status === 'existing')
  t.equal(existing.length, 10)
  t.ok(existing.every((a) => a.status === 'existing' && a.id === (perLine[0] as { id: string }).id), 'a duplicate line gets the first one\'s id')
  t.same(done, { status: 'done', lines: 1000, created: 1000 - bad.size - 10, existing: 10, failed: bad.size })
  const stored = await app.inject('/articles?limit=1')
  t.ok(stored.json().links.next, 'the articles are readable')
  t.equal(dbOf(app).prepare('SELECT count(*) FROM articles').pluck().get(), 1000 - bad.size - 10)
})

t.test('blank lines are skipped; an over-long line, invalid UTF-8 and a non-object fail alone', async (t) => {
  const app = await testApp(t, { apiKeys: [API_KEY], maxArticleBytes: 1024, bulkBatchSize: 2 })
  const payload = Buffer.concat([
    Buffer.from(`${JSON.stringify(story(1))}\n\n  \n`),
    Buffer.from(`${JSON.stringify({ text: 'x'.repeat(2000) })}\n`),
    Buffer.from('{"text":"caf'), Buffer.from([0xe9]), Buffer.from('"}\n'),
    Buffer.from('[1,2]\n'),
    Buffer.from(`${JSON.stringify({ ...story(2), author: 'x' })}\n`),
    Buffer.from(`${JSON.stringify(story(3))}\r\n`),
    Buffer.from(JSON.stringify(story(4))) // no final newline
  ])
  const answers = results((await app.inject({ method: 'POST', url: '/articles/bulk', headers: NDJSON, payload })).body)
  t.match(answers, [
    { line: 1, status: 'created' },
    { line: 4, status: 'failed', problem: { status: 413, detail: /longer than 1024 bytes/, instance: '/articles/bulk#line=4' } },
    { line: 5, status: 'failed', problem: { status: 400, detail: /UTF-8/ } },
    { line: 6, status: 'failed', problem: { status: 400, detail: /expected object/ } },
    { line: 7, status: 'failed', problem: { status: 400, invalidParams: [{ name: 'author', in: 'body' }] } },
    { line: 8, status: 'created' },
    { line: 9, status: 'created' },
    { status: 'done', lines: 9, created: 3, existing: 0, failed: 4 }
  ])
})

t.test('an empty stream answers only its totals; the wrong media type is 415; writes need a key', async (t) => {
  const app = await testApp(t, { apiKeys: [API_KEY] })
  const empty = await app.inject({ method: 'POST', url: '/articles/bulk', headers: NDJSON, payload: '' })
  t.same(results(empty.body), [{ status: 'done', lines: 0, created: 0, existing: 0, failed: 0 }])
  const jsonl = await app.inject({ method: 'POST', url: '/articles/bulk', headers: { ...AUTH, 'content-type': 'application/jsonl' }, payload: JSON.stringify(story(1)) })
  t.match(results(jsonl.body), [{ status: 'created' }, { status: 'done' }], 'application/jsonl is taken too')
  for (const headers of [{ 'content-type': 'application/json' }, { 'content-type': 'text/plain' },
    { 'content-type': 'application/x-ndjson; charset=latin1' }, { 'content-type': 'application/x-ndjson', 'content-encoding': 'br' }]) {
    const res = await app.inject({ method: 'POST', url: '/articles/bulk', headers: { ...AUTH, ...headers }, payload: JSON.stringify(story(2)) })
    t.equal(res.statusCode, 415, JSON.stringify(headers))
    t.match(res.headers['content-type'], /^application\/problem\+json/)
  }
  const anonymous = await app.inject({ method: 'POST', url: '/articles/bulk', headers: { 'content-type': 'application/x-ndjson' }, payload: JSON.stringify(story(3)) })
  t.equal(anonymous.statusCode, 401)
  t.equal(dbOf(app).prepare('SELECT count(*) FROM articles').pluck().get(), 1)
})

t.test('over a real socket the answers stream back while the request is still being sent', async (t) => {
  const app = await testApp(t, { apiKeys: [API_KEY], bulkBatchSize: 10 })
  const base = await app.listen({ port: 0, host: '127.0.0.1' })
  let sendRest: () => void = () => {}
  const restSent = new Promise<void>((resolve) => { sendRest = resolve })
  const body = new ReadableStream<Uint8Array>({
    async start (controller) {
      controller.enqueue(new TextEncoder().encode(`${JSON.stringify(story(1))}\n`))
      await restSent
      controller.enqueue(new TextEncoder().encode(`${JSON.stringify(story(2))}\n`))
      controller.close()
    }
  })
  const res = await fetch(`${base}/articles/bulk`, { method: 'POST', headers: NDJSON, body, duplex: 'half' } as RequestInit)
  const reader = res.body?.getReader()
  if (!reader) throw new Error('no body')
  const first = await reader.read()
  t.match(new TextDecoder().decode(first.value), /"line":1,"status":"created"/, 'the first line is answered before the second is sent')
  sendRest()
  let rest = ''
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += new TextDecoder().decode(chunk.value)
  t.match(rest, /"line":2,"status":"created"[\s\S]*"status":"done"/)
  z.string().parse(rest)
})
