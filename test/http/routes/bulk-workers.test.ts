import t, { type Test } from 'tap'
import { generateCorpus } from '../../../bench/generator.js'
import { parseArticle } from '../../../src/extract/index.js'
import { ParsePool } from '../../../src/services/parse-pool.js'
import { canonicalDump, counterProblems, sqliteProblems } from '../../db-checks.js'
import { dbOf, API_KEY, AUTH, testApp } from '../../helpers.js'

// POST /articles/bulk parses on worker threads (a ParsePool) while the main thread writes. What it
// stores and answers must be exactly what parsing on the main thread stores and answers.

const NDJSON = { ...AUTH, 'content-type': 'application/x-ndjson' }

/** Generated articles with duplicates (in the same batch and in later ones) and bad lines mixed in. */
function bulkBody (): string {
  const articles = generateCorpus(240, 7).map((a) => JSON.stringify(a))
  const lines: string[] = []
  articles.forEach((line, i) => {
    lines.push(line)
    if (i % 37 === 5) lines.push(line) // the same text again at once
    if (i % 53 === 11) lines.push(articles[i - 9] ?? line) // and several batches later
    if (i % 61 === 3) lines.push('{"text": 1}')
  })
  return `${lines.join('\n')}\n`
}

async function ingest (t: Test, parseWorkers: number) {
  const app = await testApp(t, { apiKeys: [API_KEY], parseWorkers, bulkBatchSize: 25 })
  const res = await app.inject({ method: 'POST', url: '/articles/bulk', headers: NDJSON, payload: bulkBody() })
  t.equal(res.statusCode, 200)
  const checks = ['articles_fts', 'quotes_fts'].map((table) => {
    try {
      dbOf(app).prepare(`INSERT INTO ${table} (${table}, rank) VALUES ('integrity-check', 1)`).run()
      return 'ok'
    } catch (error) {
      return String(error)
    }
  })
  return { answers: res.body, dump: canonicalDump(dbOf(app)), problems: [...sqliteProblems(dbOf(app)), ...counterProblems(dbOf(app))], checks }
}

t.test('parsing on a worker stores and answers exactly what parsing in-thread does, in line order', async (t) => {
  const inThread = await ingest(t, 0)
  const onWorker = await ingest(t, 1)
  const lines = onWorker.answers.trimEnd().split('\n').map((line) => JSON.parse(line) as { line?: number, status: string })
  t.same(lines.slice(0, -1).map((l) => l.line), lines.slice(0, -1).map((_, i) => i + 1), 'one answer per line, in order')
  t.match(lines.at(-1), { status: 'done', created: 240, failed: 4 })
  t.ok(lines.some((l) => l.status === 'existing'), 'duplicates are found stored')
  t.equal(onWorker.answers, inThread.answers, 'the same answers')
  t.equal(onWorker.dump, inThread.dump, 'the same rows')
  t.same(onWorker.problems, [])
  t.same(onWorker.checks, ['ok', 'ok'], 'the search indexes match their content')
})

t.test('a pool parses as the pipeline does, starts workers on demand, and fails its requests once closed', async (t) => {
  const pool = new ParsePool(1)
  t.teardown(() => pool.close())
  t.equal(pool.workers, 0, 'no worker before the first parse')
  const texts = generateCorpus(3, 11).map((a) => a.text)
  t.same(await Promise.all(texts.map((text) => pool.parse(text))), texts.map((text) => parseArticle(text)))
  t.equal(pool.workers, 1)
  await pool.close()
  t.equal(pool.workers, 0)
  await t.rejects(pool.parse('Too late.'), /closed/)
})

t.test('workers stop after a while without work and start again when needed', async (t) => {
  const pool = new ParsePool(1, 50)
  t.teardown(() => pool.close())
  await pool.parse('Jane Doe said so.')
  await new Promise((resolve) => setTimeout(resolve, 300))
  t.equal(pool.workers, 0)
  t.match(await pool.parse('Jane Doe said so.'), { paragraphs: [{ text: 'Jane Doe said so.' }] })
})
