import t, { type Test } from 'tap'
import { buildApp } from '../../../src/app.js'
import { SqliteStore } from '../../../src/store/sqlite/store.js'
import type { Store } from '../../../src/store/store.js'
import { API_KEY, AUTH, parsedArticle, quotedText, SEED_DIR } from '../../helpers.js'

/** A SQLite store that counts the reads it answers, so a test can tell a cached answer from a made one. */
function countingStore (t: Test) {
  const store = new SqliteStore({ database: ':memory:' })
  t.teardown(() => store.close())
  const reads = { count: 0 }
  const counted = new Proxy(store, {
    get (target, name) {
      const value = Reflect.get(target, name) as unknown
      if (typeof value !== 'function') return value
      const method = (value as (...a: unknown[]) => unknown).bind(target)
      return String(name).startsWith('get') ? (...args: unknown[]) => { reads.count++; return method(...args) } : method
    }
  }) as SqliteStore & Store
  return { store: counted, raw: store, reads }
}

async function cachedApp (t: Test) {
  const { store, raw, reads } = countingStore(t)
  const app = buildApp({ store, responseCacheEntries: 100, apiKeys: [API_KEY], seedDirectory: SEED_DIR, parseWorkers: 0 })
  t.teardown(() => app.close())
  await app.ready()
  return { app, raw, reads }
}

t.test('a repeated GET is answered from the cache, byte for byte, headers and 304s included', async (t) => {
  const { app, reads } = await cachedApp(t)
  const id = (await app.inject('/articles?limit=1')).json().data[0].id as string
  const first = await app.inject({ url: `/articles/${id}`, headers: { origin: 'https://example.org' } })
  const made = reads.count
  const second = await app.inject({ url: `/articles/${id}`, headers: { origin: 'https://example.org' } })
  t.equal(reads.count, made, 'the store was not asked again')
  t.equal(second.body, first.body)
  for (const header of ['content-type', 'etag', 'cache-control', 'access-control-allow-origin', 'x-request-id']) {
    t.ok(second.headers[header], `${header} on the cached answer`)
  }
  t.equal(second.headers.etag, first.headers.etag)
  const notModified = await app.inject({ url: `/articles/${id}`, headers: { 'if-none-match': String(first.headers.etag) } })
  t.equal(notModified.statusCode, 304, 'If-None-Match still answers 304')
})

t.test('a write changes the data version: the next answer is made afresh', async (t) => {
  const { app, raw } = await cachedApp(t)
  const before = (await app.inject('/articles?count=true')).json().total as number
  await app.inject('/articles?count=true')
  await raw.saveArticle(quotedText(1), {}, parsedArticle(quotedText(1)), 'v1')
  t.equal((await app.inject('/articles?count=true')).json().total, before + 1, 'a write through the store')
  const res = await app.inject({ method: 'POST', url: '/articles', headers: AUTH, payload: { text: quotedText(2) } })
  t.equal(res.statusCode, 201)
  t.equal((await app.inject('/articles?count=true')).json().total, before + 2, 'a write through the API')
  raw.db.prepare('DELETE FROM articles WHERE id = ?').run(res.json().id)
  t.equal((await app.inject('/articles?count=true')).json().total, before + 1, 'a write straight to the database')
})

t.test('answers in other formats, errors and job states are kept apart or not kept', async (t) => {
  const { app, reads } = await cachedApp(t)
  const json = await app.inject('/entities?limit=2')
  const csv = await app.inject({ url: '/entities?limit=2', headers: { accept: 'text/csv' } })
  t.match(json.headers['content-type'], /json/)
  t.match(csv.headers['content-type'], /csv/, 'keyed by Accept too')
  const missing = await app.inject('/articles/nope')
  t.equal(missing.statusCode, 404)
  const counted = reads.count
  t.equal((await app.inject('/articles/nope')).statusCode, 404)
  t.equal(reads.count, counted + 1, 'a 404 is made again each time')
})
