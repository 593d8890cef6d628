import t from 'tap'
import { SqliteStore } from '../../../src/store/sqlite/store.js'
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
