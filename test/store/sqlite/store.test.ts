import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import t from 'tap'
import { EXTERNAL_WRITES_SEEN_WITHIN_MS, SqliteStore } from '../../../src/store/sqlite/store.js'
import { parsedArticle, quotedText } from '../../helpers.js'
import { storeConformance } from '../conformance.js'

// The SQLite adapter against the Store contract every adapter keeps, then what is SQLite's own.
storeConformance(t, async (t) => {
  const store = new SqliteStore({ database: ':memory:' })
  t.teardown(() => store.close())
  return store
})

t.test('the untagged cursors the lists under one article or entity issued before they shared the engine still page', async (t) => {
  const store = new SqliteStore({ database: ':memory:' })
  t.teardown(() => store.close())
  const { lists } = store.repos
  for (let i = 0; i < 5; i++) await store.saveArticle(quotedText(i), { publishedAt: `2026-03-0${i + 1}T00:00:00Z` }, parsedArticle(quotedText(i)), 'v1')
  // the cursor of a page, its order's tag taken off: what those lists issued
  const untagged = (cursor: string | null) => {
    const [, ...key] = JSON.parse(Buffer.from(cursor ?? '', 'base64url').toString()) as unknown[]
    return Buffer.from(JSON.stringify(key)).toString('base64url')
  }
  const byEntity = { entity: ['person-ada-lovelace'] }
  const articles = lists.articles.page(byEntity, 'newest', 5).items.map((a) => a.id)
  const afterTwo = untagged(lists.articles.page(byEntity, 'newest', 2).next)
  t.same(lists.articles.page(byEntity, 'newest', 5, afterTwo).items.map((a) => a.id), articles.slice(2), "an entity's articles")
  const bySpeaker = { speaker: 'person-ada-lovelace' }
  const quotes = lists.quotes.page(bySpeaker, 'newest', 5).items.map((q) => q.id)
  const afterOne = untagged(lists.quotes.page(bySpeaker, 'newest', 1).next)
  t.same(lists.quotes.page(bySpeaker, 'newest', 5, afterOne).items.map((q) => q.id), quotes.slice(1), "a speaker's quotes")
  t.throws(() => lists.articles.page({}, 'oldest', 5, Buffer.from(JSON.stringify(['2026-01-01', 'x'])).toString('base64url')),
    'a bare key, where no untagged cursor was ever issued')
})

t.test("the data version moves with this store's writes at once, and with another process's within EXTERNAL_WRITES_SEEN_WITHIN_MS", async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'data-version-'))
  t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }))
  const file = path.join(dir, 'news.db')
  const store = new SqliteStore({ database: file })
  const other = new SqliteStore({ database: file })
  t.teardown(() => { store.close(); other.close() })
  const before = store.dataVersion()
  await store.saveArticle(quotedText(1), {}, parsedArticle(quotedText(1)), 'v1')
  const afterOwn = store.dataVersion()
  t.not(afterOwn, before, 'its own write, at once')
  await other.saveArticle(quotedText(2), {}, parsedArticle(quotedText(2)), 'v1')
  await new Promise((resolve) => setTimeout(resolve, EXTERNAL_WRITES_SEEN_WITHIN_MS + 20))
  t.not(store.dataVersion(), afterOwn, "another connection's write, within the bound")
})
