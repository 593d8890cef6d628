// Crash safety: the real server is killed with SIGKILL at random moments during a bulk ingest, then
// the database is opened and checked: SQLite's integrity check passes, every article is complete
// (all its paragraphs, quotes, entities and mentions, as an uninterrupted run stores them) or absent,
// the counters agree with the rows, and every line the server acknowledged before dying is stored.
// After the rounds, the same bulk run once more converges to exactly the database an uninterrupted
// run makes. `npm test` runs a few rounds; `npm run soak` runs many.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import t from 'tap'
import { buildApp } from '../src/app.js'
import { parseArticle } from '../src/extract/index.js'
import { canonicalDump, counterProblems, sqliteProblems } from './db-checks.js'
import { API_KEY, AUTH, SEED_DIR } from './helpers.js'
import { scaled } from './scale.js'
import { startServer, streamPost } from './server-process.js'
import { storyLines } from './stories.js'

const LINES = storyLines(scaled(240, 400))
const ROUNDS = scaled(3, 25)
const NDJSON = { ...AUTH, 'content-type': 'application/x-ndjson' }

interface Shape { paragraphs: number, quotes: number, entities: number, mentions: number }

/** Each article's row counts: what "complete" means for it. */
function shapes (db: Database.Database): Map<string, Shape> {
  const rows = db.prepare(`SELECT a.id,
      (SELECT count(*) FROM paragraphs p WHERE p.article_id = a.id) AS paragraphs,
      (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes,
      (SELECT count(*) FROM article_entities x WHERE x.article_id = a.id) AS entities,
      (SELECT count(*) FROM mentions m WHERE m.article_id = a.id) AS mentions
    FROM articles a`).all() as ({ id: string } & Shape)[]
  return new Map(rows.map(({ id, ...shape }) => [id, shape]))
}

/** The database an uninterrupted run makes: the seed, then every line through the same bulk route, in-process. */
async function referenceRun (file: string): Promise<void> {
  const app = buildApp({ database: file, seedDirectory: SEED_DIR, apiKeys: [API_KEY] })
  await app.ready()
  const res = await app.inject({ method: 'POST', url: '/articles/bulk', headers: NDJSON, payload: LINES.join('') })
  if (!res.body.includes('"status":"done"')) throw new Error(`the reference run did not finish: ${res.body.slice(-300)}`)
  await app.close()
}

t.test(`SIGKILL during a bulk ingest, ${ROUNDS} times: nothing half-written, nothing acknowledged lost, and a re-run converges`, async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-crash-'))
  t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }))
  const referenceFile = path.join(dir, 'reference.db')
  await referenceRun(referenceFile)
  const reference = new Database(referenceFile, { readonly: true })
  const expected = shapes(reference)
  const referenceDump = canonicalDump(reference)
  // "complete" as a fresh parse has it: the quotes stored are the quotes the pipeline finds
  const fresh = reference.prepare('SELECT id, text, quote_count FROM articles').all() as { id: string, text: string, quote_count: number }[]
  t.ok(fresh.every((a) => parseArticle(a.text).quotes.length === a.quote_count), 'the reference holds each article\'s fresh parse')
  reference.close()

  let survived = 0
  for (let round = 1; round <= ROUNDS; round++) {
    // a fresh database each round, so that the kill lands while articles are being created
    const file = path.join(dir, `round-${round}.db`)
    const server = startServer(t, file, { API_KEYS: API_KEY })
    const base = await server.listening
    // chunks of 4 lines with a pause: the server writes a batch whenever the stream pauses, so a
    // kill lands between, or inside, many small transactions
    const chunks: string[] = []
    for (let i = 0; i < LINES.length; i += 4) chunks.push(LINES.slice(i, i + 4).join(''))
    // a random moment during the ingest: once a random number of lines is acknowledged, then up to
    // 60 ms more, a whole cycle of parsing a batch and writing it (a few ms only would always land in
    // the next batch's parse, never in its write)
    const killAt = Math.floor(Math.random() * (LINES.length - 40))
    const jitter = Math.floor(Math.random() * 60)
    const post = streamPost(`${base}/articles/bulk`, NDJSON, chunks, 5)
    while (post.lines.length < killAt) await new Promise((resolve) => setTimeout(resolve, 1))
    await new Promise((resolve) => setTimeout(resolve, jitter))
    server.child.kill('SIGKILL')
    await server.exited
    await post.done
    const acknowledged = post.lines.map((line) => JSON.parse(line) as { status: string, id?: string })
      .filter((r) => r.status === 'created' || r.status === 'existing').map((r) => r.id as string)

    const db = new Database(file)
    const problems = [...sqliteProblems(db), ...counterProblems(db)]
    const found = shapes(db)
    for (const [id, shape] of found) {
      const want = expected.get(id)
      if (!want) problems.push(`article ${id} is not one the run stores`)
      else if (JSON.stringify(shape) !== JSON.stringify(want)) problems.push(`article ${id} is half-written: ${JSON.stringify(shape)}, complete is ${JSON.stringify(want)}`)
    }
    const lost = acknowledged.filter((id) => !found.has(id))
    if (lost.length) problems.push(`${lost.length} acknowledged article(s) lost, e.g. ${lost[0]}`)
    db.close()
    t.same(problems, [], `round ${round}: killed ${jitter} ms after line ${killAt} with ${acknowledged.length} of ${LINES.length} lines acknowledged; ${found.size} articles stored, each whole`)

    // Restarted, the same bulk once more, uninterrupted: the database converges to the one an uninterrupted run makes.
    const restarted = startServer(t, file, { API_KEYS: API_KEY })
    const again = await restarted.listening
    t.equal((await fetch(`${again}/ready`)).status, 200, `round ${round}: the server restarts on the killed database and is ready`)
    const rerun = streamPost(`${again}/articles/bulk`, NDJSON, [LINES.join('')], 0)
    const { status } = await rerun.done
    t.ok(status === 200 && /"status":"done"/.test(rerun.lines.at(-1) ?? ''), `round ${round}: the re-run reads to its end`)
    restarted.child.kill('SIGTERM')
    t.match(await restarted.exited, { code: 0 })
    const after = new Database(file, { readonly: true })
    const converged = sqliteProblems(after).length === 0 && canonicalDump(after) === referenceDump
    after.close()
    t.ok(converged, `round ${round}: the re-run database is the uninterrupted run's, row for row`)
    if (!problems.length && converged) survived++
    fs.rmSync(file, { force: true })
  }
  t.comment(`crash safety: ${survived}/${ROUNDS} kill rounds survived`)
})
