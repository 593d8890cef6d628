// Concurrency against the real server: readers during a heavy bulk ingest never see a half-written
// article (through a second SQLite connection, as another process would, and through the API);
// the server keeps answering reads while the bulk runs (latency measured against idle); identical
// writes racing from many clients and from a second process store one article.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import t from 'tap'
import { buildApp } from '../../src/app.js'
import { counterProblems, sqliteProblems } from '../db-checks.js'
import { API_KEY, AUTH, dbOf } from '../helpers.js'
import { scaled } from '../scale.js'
import { startServer, streamPost } from '../server-process.js'
import { story, storyLines } from '../stories.js'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** One statement, so one snapshot: articles whose own counts disagree with their rows (half-written). */
const HALF_WRITTEN = `SELECT a.id FROM articles a
  WHERE a.quote_count != (SELECT count(*) FROM quotes q WHERE q.article_id = a.id)
     OR a.entity_count != (SELECT count(*) FROM article_entities x WHERE x.article_id = a.id)
     OR NOT EXISTS (SELECT 1 FROM paragraphs p WHERE p.article_id = a.id)`

const percentile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0)
}

t.test('during a heavy bulk ingest readers see only whole articles, and reads keep being answered', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-concurrency-'))
  t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }))
  const file = path.join(dir, 'news.db')
  const server = startServer(t, file, { API_KEYS: API_KEY })
  const base = await server.listening
  const seedId = ((await (await fetch(`${base}/articles?limit=1`)).json()) as { data: { id: string }[] }).data[0]?.id ?? ''

  const timeRead = async (url: string) => {
    const started = performance.now()
    const res = await fetch(`${base}${url}`)
    await res.arrayBuffer()
    return { ms: performance.now() - started, status: res.status }
  }
  const idle: number[] = []
  for (let i = 0; i < 40; i++) idle.push((await timeRead(`/articles/${seedId}`)).ms)

  const lines = storyLines(scaled(300, 2000), 20_000, 8)
  const chunks: string[] = []
  for (let i = 0; i < lines.length; i += 10) chunks.push(lines.slice(i, i + 10).join(''))
  const bulk = streamPost(`${base}/articles/bulk`, { ...AUTH, 'content-type': 'application/x-ndjson' }, chunks, 2)
  let bulkDone = false
  void bulk.done.then(() => { bulkDone = true })

  // a second connection, as another process reads: each poll is one statement, one snapshot
  const reader = new Database(file, { readonly: true })
  const halfSeen = new Set<string>()
  let polls = 0
  let maxSeen = 0
  // API readers: an article listed must have all its quotes; reads time while the bulk runs
  const busy: number[] = []
  const failures: string[] = []
  while (!bulkDone) {
    for (const id of reader.prepare(HALF_WRITTEN).pluck().all() as string[]) halfSeen.add(id)
    maxSeen = Math.max(maxSeen, reader.prepare('SELECT count(*) FROM articles').pluck().get() as number)
    polls++
    const list = await fetch(`${base}/articles?limit=5`)
    const page = (await list.json()) as { data: { id: string, quoteCount: number }[] }
    for (const article of page.data) {
      const read = await timeRead(`/articles/${article.id}`)
      busy.push(read.ms)
      if (read.status !== 200) failures.push(`GET /articles/${article.id}: ${read.status}`)
      const quotes = (await (await fetch(`${base}/articles/${article.id}/quotes?limit=100`)).json()) as { data: unknown[] }
      if (quotes.data.length !== article.quoteCount) failures.push(`${article.id}: ${quotes.data.length} of ${article.quoteCount} quotes`)
    }
    await sleep(5)
  }
  reader.close()
  t.match(bulk.lines.at(-1), new RegExp(`"status":"done","lines":${lines.length},"created":${lines.length}`), 'the bulk wrote every line')
  t.ok(polls > 10 && maxSeen > 1, `${polls} snapshots taken while it ran, up to ${maxSeen} articles seen`)
  t.same([...halfSeen], [], 'no snapshot held a half-written article')
  t.same(failures, [], 'every article read through the API was whole')
  t.comment(`read latency: idle p50 ${percentile(idle, 0.5)} ms p95 ${percentile(idle, 0.95)} ms; during bulk ` +
    `p50 ${percentile(busy, 0.5)} ms p95 ${percentile(busy, 0.95)} ms max ${percentile(busy, 1)} ms over ${busy.length} reads`)
  t.ok(busy.length >= 20, `reads were answered while the bulk ran (${busy.length})`)
  t.ok(percentile(busy, 0.95) < 1500, 'and promptly: p95 under 1.5 s')
  server.child.kill('SIGTERM')
  await server.exited
})

t.test('identical writes racing from 20 clients and a second process store one article', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-race-'))
  t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }))
  const file = path.join(dir, 'news.db')
  const server = startServer(t, file, { API_KEYS: API_KEY })
  const base = await server.listening
  // the second process: an app of its own on the same file, as an ingest beside the server is
  const other = buildApp({ database: file, apiKeys: [API_KEY] })
  t.teardown(() => other.close())
  await other.ready()
  for (let round = 0; round < 3; round++) {
    const body = JSON.stringify(story(90_000 + round, 12))
    const headers = { ...AUTH, 'content-type': 'application/json' }
    const answers = await Promise.all([
      ...Array.from({ length: 20 }, () => fetch(`${base}/articles`, { method: 'POST', headers, body }).then(async (res) => ({ status: res.status, id: ((await res.json()) as { id: string }).id }))),
      other.inject({ method: 'POST', url: '/articles', headers, payload: body }).then((res) => ({ status: res.statusCode, id: res.json().id as string }))
    ])
    const ids = new Set(answers.map((a) => a.id))
    t.equal(ids.size, 1, `round ${round}: one id for all 21`)
    t.equal(answers.filter((a) => a.status === 201).length, 1, `round ${round}: exactly one 201, the others 200`)
    t.ok(answers.every((a) => a.status === 200 || a.status === 201))
    t.equal(dbOf(other).prepare('SELECT count(*) FROM articles WHERE id = ?').pluck().get([...ids][0]), 1, 'one row')
  }
  t.same([...sqliteProblems(dbOf(other)), ...counterProblems(dbOf(other))], [])
  server.child.kill('SIGTERM')
  await server.exited
})
