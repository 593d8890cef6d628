// Graceful shutdown under load: SIGTERM while a bulk ingest streams and single writes and reads are
// in flight. What was in flight finishes (the bulk reads to its `done` line, each write answers);
// what comes after is refused (no new connection is accepted; a request on a kept-alive connection
// gets a 503 problem with Retry-After); the WAL is checkpointed and truncated, the database closed;
// and a restart serves every article the server acknowledged.
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import t from 'tap'
import { counterProblems, sqliteProblems } from './db-checks.js'
import { API_KEY, AUTH } from './helpers.js'
import { startServer, streamPost } from './server-process.js'
import { story, storyLines } from './stories.js'

interface Answer { status: number | null, body: string, headers: http.IncomingHttpHeaders, error: string | null }

/** One request over `agent`; resolves with the answer or the connection error, never rejects. */
function request (url: string, options: http.RequestOptions, body?: string): Promise<Answer> {
  return new Promise((resolve) => {
    const req = http.request(url, options, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => { text += chunk })
      res.on('end', () => resolve({ status: res.statusCode ?? null, body: text, headers: res.headers, error: null }))
      res.on('error', (error) => resolve({ status: res.statusCode ?? null, body: text, headers: res.headers, error: error.message }))
    })
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ status: null, body: '', headers: {}, error: error.code ?? error.message }))
    req.end(body)
  })
}

t.test('SIGTERM under load: in-flight requests finish, new ones are refused, the WAL is checkpointed, a restart serves everything', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-shutdown-'))
  t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }))
  const file = path.join(dir, 'news.db')
  const server = startServer(t, file, { API_KEYS: API_KEY })
  const base = await server.listening

  // in flight at the signal: a slow bulk stream, single writes, and reads on a kept-alive connection
  const lines = storyLines(80, 1000)
  const bulk = streamPost(`${base}/articles/bulk`, { ...AUTH, 'content-type': 'application/x-ndjson' }, lines, 8)
  while (bulk.lines.length < 10) await new Promise((resolve) => setTimeout(resolve, 2))
  const json = { ...AUTH, 'content-type': 'application/json' }
  const writes = Array.from({ length: 6 }, (_, i) => request(`${base}/articles`, { method: 'POST', headers: json }, JSON.stringify(story(5000 + i, 20))))
  const agent = new http.Agent({ keepAlive: true, maxSockets: 2 })
  t.teardown(() => agent.destroy())
  const warm = await request(`${base}/articles?limit=1`, { agent })
  t.equal(warm.status, 200, 'a kept-alive connection is open before the signal')

  server.child.kill('SIGTERM')
  const signalledAt = Date.now()
  await new Promise((resolve) => setTimeout(resolve, 50))
  // after the signal: a request on the kept-alive connection, and one on a new connection
  const late = await request(`${base}/articles?limit=1`, { agent })
  const fresh = await request(`${base}/health`, { agent: false })

  const bulkEnd = await bulk.done
  const written = await Promise.all(writes)
  const exit = await server.exited
  const closeMs = Date.now() - signalledAt
  // a connection kept alive after its answer once held the close up until the client's idle timeout
  t.ok(closeMs < 4000, `closed ${closeMs} ms after SIGTERM, well within close-with-grace's 10 s`)

  t.equal(bulkEnd.status, 200)
  t.match(bulk.lines.at(-1), /"status":"done","lines":80,"created":80/, 'the bulk in flight read to its end: every line written')
  for (const [i, res] of written.entries()) t.equal(res.status, 201, `write ${i} in flight answered 201`)
  if (late.status === null) t.pass(`the kept-alive connection was closed (${late.error})`)
  else {
    t.equal(late.status, 503, 'a request on a kept-alive connection is refused with 503')
    t.match(late.headers['content-type'], /^application\/problem\+json/)
    t.ok(late.headers['retry-after'], 'with Retry-After')
    t.equal(late.headers.connection, 'close')
  }
  t.equal(fresh.status, null, `a new connection is not accepted (${fresh.error})`)
  t.same(exit, { code: 0, signal: null }, 'the process exits cleanly')
  t.match(server.log(), /closing/)
  const wal = `${file}-wal`
  t.ok(!fs.existsSync(wal) || fs.statSync(wal).size === 0, 'the WAL was checkpointed (TRUNCATE) into the database')

  const acknowledged = [
    ...bulk.lines.map((line) => JSON.parse(line) as { id?: string }).flatMap((r) => (r.id ? [r.id] : [])),
    ...written.flatMap((res) => (res.status === 201 ? [(JSON.parse(res.body) as { id: string }).id] : []))
  ]
  const db = new Database(file, { readonly: true })
  t.same([...sqliteProblems(db), ...counterProblems(db)], [], 'the closed database is whole')
  db.close()

  const restarted = startServer(t, file, { API_KEYS: API_KEY })
  const again = await restarted.listening
  const missing: string[] = []
  for (const id of acknowledged) if ((await fetch(`${again}/articles/${id}`)).status !== 200) missing.push(id)
  t.same(missing, [], `a restart serves all ${acknowledged.length} acknowledged articles`)
  restarted.child.kill('SIGTERM')
  t.match(await restarted.exited, { code: 0 })
})
