import t, { type Test } from 'tap'
import { articleIdOf } from '../../../src/store/ids.js'
import { openDatabase } from '../../../src/store/sqlite/connection.js'
import { InvalidCursor } from '../../../src/domain/errors.js'
import { migrate } from '../../../src/store/sqlite/migrate.js'
import { createRepositories } from '../../../src/store/sqlite/repositories.js'
import { parsedArticle, quotedText } from '../../helpers.js'

function fresh (t: Test) {
  const db = openDatabase(':memory:')
  t.teardown(() => db.close())
  migrate(db)
  return { db, ...createRepositories(db) }
}

t.test('saving an article stores it whole, and the same text again changes nothing', async (t) => {
  const { writer, articles, quotes, entities, lists } = fresh(t)
  const text = quotedText(1)
  const first = writer.save(text, { publisher: 'Example' }, parsedArticle(text), 'v1')
  t.same(first, { id: articleIdOf(text), outcome: 'created' })
  t.same(writer.save(text, { publisher: 'Example' }, parsedArticle(text), 'v1'), { id: first.id, outcome: 'unchanged' })

  const article = articles.get(first.id)
  t.equal(article?.text, text)
  t.equal(article?.publisher, 'Example')
  t.equal(article?.quoteCount, 1)
  t.equal(article?.entityCount, 1)
  t.same(article?.paragraphs, [{ index: 0, kind: 'paragraph', text, start: 0, end: text.length }])

  const quote = lists.quotes.page({ articleId: first.id }, 'newest', 10).items[0]
  t.equal(quote?.speaker?.name, 'Ada Lovelace')
  t.equal(quote && quotes.get(quote.id)?.text, quote?.text)
  t.match(entities.get('person-ada-lovelace'), { articleCount: 1, mentionCount: 1, quoteCount: 1, titles: ['Countess'] })
})

t.test('a newer extractor version replaces the article, keeping its id and creation time', async (t) => {
  const { writer, articles, entities } = fresh(t)
  const text = quotedText(2)
  const { id } = writer.save(text, {}, parsedArticle(text), 'v1', new Date('2026-01-01T00:00:00Z'))
  const again = writer.save(text, {}, parsedArticle(text), 'v2', new Date('2026-02-01T00:00:00Z'))
  t.same(again, { id, outcome: 'updated' })
  t.equal(articles.get(id)?.extractorVersion, 'v2')
  t.equal(articles.get(id)?.createdAt, '2026-01-01T00:00:00.000Z')
  t.match(entities.get('person-ada-lovelace'), { articleCount: 1, mentionCount: 1, quoteCount: 1 }, 'counters not doubled')
})

t.test('deleting an article keeps entity counters right and drops entities left without articles', async (t) => {
  const { writer, articles, entities } = fresh(t)
  const a = writer.save(quotedText(3), {}, parsedArticle(quotedText(3)), 'v1')
  const b = writer.save(quotedText(4), {}, parsedArticle(quotedText(4)), 'v1')
  t.match(entities.get('person-ada-lovelace'), { articleCount: 2, mentionCount: 2, quoteCount: 2 })
  t.equal(writer.delete(a.id), true)
  t.equal(articles.get(a.id), null)
  t.match(entities.get('person-ada-lovelace'), { articleCount: 1, mentionCount: 1, quoteCount: 1 })
  t.equal(writer.delete(b.id), true)
  t.equal(entities.get('person-ada-lovelace'), null)
  t.equal(writer.delete(b.id), false, 'deleting twice finds nothing')
})

t.test('a missing row reads as null', async (t) => {
  const { articles, quotes, entities } = fresh(t)
  t.equal(articles.get('nope'), null)
  t.equal(quotes.get('nope'), null)
  t.equal(entities.get('nope'), null)
  t.equal(articles.isEmpty(), true)
})

t.test('keyset pages walk every article exactly once, newest first, also while articles are added', async (t) => {
  const { writer, articles, lists } = fresh(t)
  const ids: string[] = []
  for (let i = 0; i < 25; i++) {
    const text = quotedText(100 + i)
    ids.push(writer.save(text, { publishedAt: `2026-03-${String(1 + (i % 5)).padStart(2, '0')}T00:00:00Z` }, parsedArticle(text), 'v1').id)
  }
  const seen: string[] = []
  let cursor: string | undefined
  let pages = 0
  do {
    const page = lists.articles.page({}, 'newest', 4, cursor)
    seen.push(...page.items.map((a) => a.id))
    cursor = page.next ?? undefined
    if (pages++ === 1) writer.save('A late article, published long ago.', { publishedAt: '2020-01-01T00:00:00Z' }, parsedArticle('A late article, published long ago.'), 'v1')
  } while (cursor)
  t.equal(new Set(seen).size, seen.length, 'no article twice')
  t.same([...seen].filter((id) => ids.includes(id)).sort(), [...ids].sort(), 'every article seen')
  const dates = seen.map((id) => articles.get(id)?.publishedAt ?? '')
  t.same(dates, [...dates].sort().reverse(), 'newest first')
})

t.test('quote and entity lists filter and page', async (t) => {
  const { writer, lists } = fresh(t)
  for (let i = 0; i < 7; i++) writer.save(quotedText(i), {}, parsedArticle(quotedText(i)), 'v1')
  const bySpeaker: string[] = []
  for (let cursor: string | undefined, page; (page = lists.quotes.page({ speaker: 'person-ada-lovelace' }, 'newest', 3, cursor)); cursor = page.next) {
    bySpeaker.push(...page.items.map((q) => q.id))
    if (!page.next) break
  }
  t.equal(new Set(bySpeaker).size, 7)
  t.same(lists.quotes.page({ kind: 'direct' }, 'newest', 10).items, [])
  t.same(lists.quotes.page({ speaker: 'person-nobody' }, 'newest', 10).items, [])
  t.equal(lists.entities.page({ type: 'person' }, 'mentions', 10).items.length, 1)
  t.same(lists.entities.page({ type: 'location' }, 'mentions', 10).items, [])
  t.equal(lists.articles.page({ entity: ['person-ada-lovelace'] }, 'newest', 100).items.length, 7)
  const first = lists.articles.page({}, 'newest', 1).items[0]
  t.match(first && lists.articleEntities.page({ articleId: first.id }, 'document', 10).items, [{ id: 'person-ada-lovelace', mentions: [{ text: 'Ada Lovelace' }] }])
})

t.test('a cursor that is not one a list issued is rejected', async (t) => {
  const { lists } = fresh(t)
  const cursorOf = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url')
  t.throws(() => lists.quotes.page({}, 'newest', 5, 'garbage'), InvalidCursor)
  t.throws(() => lists.articles.page({}, 'newest', 5, cursorOf([1, 2])), InvalidCursor)
  t.throws(() => lists.entities.page({}, 'mentions', 5, cursorOf({ a: 1 })), InvalidCursor)
  t.throws(() => lists.articles.page({}, 'oldest', 5, cursorOf(['newest', '2026-01-01', 'x'])), InvalidCursor, 'another order\'s cursor')
  t.throws(() => lists.articles.page({}, 'oldest', 5, cursorOf(['2026-01-01', 'x'])), InvalidCursor, 'a bare key, where no untagged cursor was ever issued')
})

t.test('the untagged cursors the lists under one article or entity issued before they shared the engine still page', async (t) => {
  const { writer, lists } = fresh(t)
  for (let i = 0; i < 5; i++) writer.save(quotedText(i), { publishedAt: `2026-03-0${i + 1}T00:00:00Z` }, parsedArticle(quotedText(i)), 'v1')
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
})

t.test('create stores a new text once and never rewrites a stored one; it parses only what is new', async (t) => {
  const { writer, articles } = fresh(t)
  const text = quotedText(5)
  let parses = 0
  const parse = () => { parses++; return parsedArticle(text) }
  t.same(writer.create(text, { publisher: 'First' }, parse, 'v1'), { id: articleIdOf(text), outcome: 'created' })
  t.same(writer.create(text, { publisher: 'Second' }, parse, 'v2'), { id: articleIdOf(text), outcome: 'existing' })
  t.equal(parses, 1, 'the stored text was not parsed again')
  t.match(articles.get(articleIdOf(text)), { publisher: 'First', extractorVersion: 'v1' })
})

t.test('reparse replaces the parse in place: id, metadata and creation time stay; a missing article is false', async (t) => {
  const { writer, articles, entities } = fresh(t)
  const text = quotedText(6)
  const { id } = writer.save(text, { publisher: 'Wire' }, parsedArticle(text), 'v1', new Date('2026-01-01T00:00:00Z'))
  t.equal(writer.reparse(id, parsedArticle(text, { entities: [], quotes: [] }), 'v2'), true)
  t.match(articles.get(id), { publisher: 'Wire', extractorVersion: 'v2', createdAt: '2026-01-01T00:00:00.000Z', quoteCount: 0, entityCount: 0 })
  t.equal(entities.get('person-ada-lovelace'), null, 'an entity the new parse no longer finds is gone')
  t.equal(writer.reparse('missing', parsedArticle(text), 'v2'), false)
})
