/* global process, console, fetch, URL, setTimeout */
// Two API processes and a worker on PostgreSQL against one SQLite server, on real news: ingests 300
// PolNeAR train texts (150 as a Prefer: respond-async job through the first process, run by the
// worker; 150 POSTed through the second), then compares what the three answer for every article, its
// quotes and entities, 14 searches, facets and the timeline. Usage (servers started by hand, with
// API_KEYS=e2e-key-0123456789abcdef and RATE_LIMIT_PER_MINUTE=0):
//   node bench/postgres-parity.mjs http://localhost:3931 http://localhost:3933 http://localhost:3932
// Answers that depend on arrival order (an entity's display name is its first article's spelling)
// differ when the PostgreSQL side ingests concurrently; the run says how many answers are equal.
import fs from 'node:fs'
const [pg1, pg2, sq] = process.argv.slice(2)
const KEY = { authorization: 'Bearer e2e-key-0123456789abcdef' }
const dir = '/work/shared/data/polnear/train/text'
const texts = fs.readdirSync(dir).sort().slice(0, 300).map((f) => fs.readFileSync(`${dir}/${f}`, 'utf8'))
const ndjson = (list) => list.map((text) => JSON.stringify({ text })).join('\n') + '\n'
const t0 = Date.now()
// half as a job through API 1 (run by the worker), half one by one through API 2
const job = await fetch(`${pg1}/articles/bulk`, { method: 'POST', headers: { ...KEY, 'content-type': 'application/x-ndjson', prefer: 'respond-async' }, body: ndjson(texts.slice(0, 150)) })
const location = job.headers.get('location')
console.log('job', job.status, location)
let token = null
for (const text of texts.slice(150)) {
  const res = await fetch(`${pg2}/articles`, { method: 'POST', headers: { ...KEY, 'content-type': 'application/json' }, body: JSON.stringify({ text }) })
  if (res.status !== 201 && res.status !== 200) throw new Error(`POST ${res.status} ${await res.text()}`)
  token = res.headers.get('consistency-token')
}
for (;;) {
  const state = await (await fetch(`${pg1}${location}`)).json()
  if (state.state === 'succeeded' || state.state === 'failed') { console.log('job', state.state, state.counts); break }
  await new Promise((r) => setTimeout(r, 200))
}
console.log(`postgres ingest: ${Date.now() - t0} ms`)
const t1 = Date.now()
const bulk = await fetch(`${sq}/articles/bulk`, { method: 'POST', headers: { ...KEY, 'content-type': 'application/x-ndjson' }, body: ndjson(texts) })
const lines = (await bulk.text()).trim().split('\n')
console.log('sqlite bulk', JSON.parse(lines.at(-1)), `${Date.now() - t1} ms`)
const get = async (base, path, headers = {}) => { const r = await fetch(base + path, { headers }); return r.json() }
const strip = (x) => JSON.parse(JSON.stringify(x, (k, v) => (k === 'createdAt' || k === 'snippet' || (k === 'next' && typeof v === 'string') || k === 'self') ? undefined : v))
let same = 0, diff = 0
const check = async (path, opts = {}) => {
  const [a, b, c] = await Promise.all([get(pg1, path, token ? { 'consistency-token': token } : {}), get(pg2, path), get(sq, path)])
  const norm = (x) => { const s = strip(x); if (opts.set && s.data) s.data = s.data.map((d) => d.id).sort(); return JSON.stringify(s) }
  if (norm(a) === norm(c) && norm(b) === norm(c)) same++
  else { diff++; if (diff <= 5) console.log('DIFF', path, norm(a).slice(0, 200), '\n    ', norm(c).slice(0, 200)) }
}
const ids = (await get(sq, '/articles?limit=100&sort=oldest&fields=id')).data.map((a) => a.id)
const ids2 = (await get(sq, `/articles?limit=100&sort=oldest&fields=id&cursor=${encodeURIComponent(new URL(sq + (await get(sq, '/articles?limit=100&sort=oldest&fields=id')).links.next).searchParams.get('cursor'))}`)).data.map((a) => a.id)
for (const id of [...ids, ...ids2].slice(0, 150)) {
  await check(`/articles/${id}`)
  await check(`/articles/${id}/quotes?limit=100`)
  await check(`/articles/${id}/entities?limit=100`)
}
for (const q of ['trump', 'clinton', 'tax', '"white house"', 'elect*', 'obama OR clinton', 'sanders NOT clinton']) {
  await check(`/articles?q=${encodeURIComponent(q)}&count=true&limit=100`, { set: true })
  await check(`/quotes?q=${encodeURIComponent(q)}&count=true&limit=100`, { set: true })
}
await check('/entities?type=person&limit=50')
await check('/entities?sort=articles&limit=50')
await check('/quotes?facet=speaker,kind,cue&count=true&limit=1')
await check('/articles?facet=entity&count=true&limit=1')
await check('/stats/timeline?interval=month')
console.log(`compared ${same + diff} answers across both PostgreSQL processes and SQLite: ${same} equal, ${diff} different`)
