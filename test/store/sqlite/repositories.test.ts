import t, { type Test } from 'tap'
import { articleIdOf } from '../../../src/store/sqlite/article-writer.js'
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
  const { writer, articles, quotes, entities } = fresh(t)
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

  const quote = quotes.list({ limit: 10, articleId: first.id }).items[0]
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
  const { writer, articles } = fresh(t)
  const ids: string[] = []
  for (let i = 0; i < 25; i++) {
    const text = quotedText(100 + i)
    ids.push(writer.save(text, { publishedAt: `2026-03-${String(1 + (i % 5)).padStart(2, '0')}T00:00:00Z` }, parsedArticle(text), 'v1').id)
  }
  const seen: string[] = []
  let cursor: string | undefined
  let pages = 0
  do {
    const page = articles.list({ limit: 4, cursor })
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
  const { writer, quotes, entities, articles } = fresh(t)
  for (let i = 0; i < 7; i++) writer.save(quotedText(i), {}, parsedArticle(quotedText(i)), 'v1')
  const bySpeaker: string[] = []
  for (let cursor: string | undefined, page; (page = quotes.list({ limit: 3, cursor, speaker: 'person-ada-lovelace' })); cursor = page.next) {
    bySpeaker.push(...page.items.map((q) => q.id))
    if (!page.next) break
  }
  t.equal(new Set(bySpeaker).size, 7)
  t.same(quotes.list({ limit: 10, kind: 'direct' }).items, [])
  t.same(quotes.list({ limit: 10, speaker: 'person-nobody' }).items, [])
  t.equal(entities.list({ limit: 10, type: 'person' }).items.length, 1)
  t.same(entities.list({ limit: 10, type: 'location' }).items, [])
  t.equal(articles.list({ limit: 100, entity: 'person-ada-lovelace' }).items.length, 7)
  const first = articles.list({ limit: 1 }).items[0]
  t.match(first && entities.listForArticle(first.id, { limit: 10 }).items, [{ id: 'person-ada-lovelace', mentions: [{ text: 'Ada Lovelace' }] }])
})

t.test('a cursor that is not one a list issued is rejected', async (t) => {
  const { quotes, articles, entities } = fresh(t)
  t.throws(() => quotes.list({ limit: 5, cursor: 'garbage' }), InvalidCursor)
  t.throws(() => articles.list({ limit: 5, cursor: Buffer.from('[1,2]').toString('base64url') }), InvalidCursor)
  t.throws(() => entities.list({ limit: 5, cursor: Buffer.from('{"a":1}').toString('base64url') }), InvalidCursor)
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
