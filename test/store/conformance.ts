// What every Store adapter must do, through the Store interface alone: each adapter's test file runs
// these on fresh stores of its own (test/store/sqlite/store.test.ts; a PostgreSQL one beside it).
import type { Test } from 'tap'
import { IdempotencyKeyReused, InvalidCursor, InvalidQuery } from '../../src/domain/errors.js'
import { RANK_WINDOW } from '../../src/domain/limits.js'
import { articleIdOf } from '../../src/store/ids.js'
import type { Store } from '../../src/store/store.js'
import { parsedArticle, quotedText } from '../helpers.js'
import { statementConformance } from './statements-conformance.js'

export type OpenStore = (t: Test) => Promise<Store>

const V1 = 'v1'

async function save (store: Store, text: string, metadata = {}, version = V1, now?: Date) {
  return store.saveArticle(text, metadata, parsedArticle(text), version, now)
}

async function ids<T extends { id: string }> (page: Promise<{ items: T[] }>): Promise<string[]> {
  return (await page).items.map((item) => item.id)
}

async function collect<T> (items: AsyncIterable<T> | Iterable<T>): Promise<T[]> {
  const all: T[] = []
  for await (const item of items) all.push(item)
  return all
}

export function storeConformance (t: Test, open: OpenStore): void {
  statementConformance(t, open)

  t.test('saving an article stores it whole, and the same text again changes nothing', async (t) => {
    const store = await open(t)
    const text = quotedText(1)
    const first = await save(store, text, { publisher: 'Example' })
    t.same(first, { id: articleIdOf(text), outcome: 'created' })
    t.same(await save(store, text, { publisher: 'Example' }), { id: first.id, outcome: 'unchanged' })
    const article = await store.getArticle(first.id)
    t.match(article, { text, publisher: 'Example', quoteCount: 1, entityCount: 1, extractorVersion: V1 })
    t.same(article?.paragraphs, [{ index: 0, kind: 'paragraph', text, start: 0, end: text.length }])
    const quote = (await store.lists.quotes.page({ articleId: first.id }, 'newest', 10)).items[0]
    t.equal(quote?.speaker?.name, 'Ada Lovelace')
    t.equal(quote && (await store.getQuote(quote.id))?.text, quote?.text)
    t.match(await store.getEntity('person-ada-lovelace'), { articleCount: 1, mentionCount: 1, quoteCount: 1, titles: ['Countess'] })
    t.equal(await store.entityExists('person-ada-lovelace'), true)
    t.equal(await store.articleExists(first.id), true)
  })

  t.test('an article keeps its dek, byline, dateline parts and trailer; the dateline filter and facet go by place', async (t) => {
    const store = await open(t)
    const text = 'Ports reopen;\nShipping resumes\nBy Ana Cruz\n\nMANILA, Luzon, May 2 (Reuters) — Ports reopened.\n\n(Editing by Tom Hale)'
    const trailerStart = text.indexOf('(Editing')
    const dateline = { text: 'MANILA, Luzon, May 2 (Reuters) —', place: 'MANILA, Luzon', agency: 'Reuters', date: 'May 2' }
    const parse = parsedArticle(text, { dek: 'Shipping resumes', byline: 'By Ana Cruz', dateline, trailer: [{ start: trailerStart, end: text.length, text: '(Editing by Tom Hale)' }] })
    const { id } = await store.saveArticle(text, {}, parse, V1)
    await store.saveArticle(quotedText(2), {}, parsedArticle(quotedText(2)), V1)
    const article = await store.getArticle(id)
    t.match(article, { dek: 'Shipping resumes', byline: 'By Ana Cruz', dateline })
    t.same(article?.trailer, [{ start: trailerStart, end: text.length, text: '(Editing by Tom Hale)' }])
    const page = await store.lists.articles.page({ dateline: 'manila, luzon' }, 'newest', 10)
    t.same(page.items.map((a) => [a.id, a.dateline, a.dek, a.byline]), [[id, dateline, 'Shipping resumes', 'By Ana Cruz']])
    t.same((await store.lists.articles.facets({}, ['dateline'], 5)).dateline, [{ value: 'MANILA, Luzon', count: 1 }])
  })

  t.test('a newer extractor version replaces the article, keeping its id and creation time', async (t) => {
    const store = await open(t)
    const text = quotedText(2)
    const { id } = await save(store, text, {}, 'v1', new Date('2026-01-01T00:00:00Z'))
    t.same(await save(store, text, {}, 'v2', new Date('2026-02-01T00:00:00Z')), { id, outcome: 'updated' })
    t.match(await store.getArticle(id), { extractorVersion: 'v2', createdAt: '2026-01-01T00:00:00.000Z' })
    t.match(await store.getEntity('person-ada-lovelace'), { articleCount: 1, mentionCount: 1, quoteCount: 1 }, 'counters not doubled')
  })

  t.test('deleting an article keeps entity counters right and drops entities left without articles', async (t) => {
    const store = await open(t)
    const a = await save(store, quotedText(3))
    const b = await save(store, quotedText(4))
    t.match(await store.getEntity('person-ada-lovelace'), { articleCount: 2, mentionCount: 2, quoteCount: 2 })
    t.equal(await store.deleteArticle(a.id), true)
    t.equal(await store.getArticle(a.id), null)
    t.match(await store.getEntity('person-ada-lovelace'), { articleCount: 1, mentionCount: 1, quoteCount: 1 })
    t.equal(await store.deleteArticle(b.id), true)
    t.equal(await store.getEntity('person-ada-lovelace'), null)
    t.equal(await store.deleteArticle(b.id), false, 'deleting twice finds nothing')
  })

  t.test('a missing row reads as null; an empty store says so and is ready', async (t) => {
    const store = await open(t)
    t.equal(await store.getArticle('nope'), null)
    t.equal(await store.getQuote('nope'), null)
    t.equal(await store.getEntity('nope'), null)
    t.equal(await store.entityMergedInto('nope'), null)
    t.equal(await store.articleExists('nope'), false)
    t.equal(await store.isEmpty(), true)
    t.match(await store.readiness(), { pending: 0, problem: null })
  })

  t.test('keyset pages walk every article exactly once, newest first, also while articles are added', async (t) => {
    const store = await open(t)
    const stored: string[] = []
    for (let i = 0; i < 25; i++) {
      const published = `2026-03-${String(1 + (i % 5)).padStart(2, '0')}T00:00:00Z`
      stored.push((await save(store, quotedText(100 + i), { publishedAt: published })).id)
    }
    const seen: string[] = []
    let cursor: string | undefined
    let pages = 0
    do {
      const page = await store.lists.articles.page({}, 'newest', 4, cursor)
      seen.push(...page.items.map((a) => a.id))
      cursor = page.next ?? undefined
      if (pages++ === 1) await save(store, 'A late article, published long ago.', { publishedAt: '2020-01-01T00:00:00Z' })
    } while (cursor)
    t.equal(new Set(seen).size, seen.length, 'no article twice')
    t.same(seen.filter((id) => stored.includes(id)).sort(), [...stored].sort(), 'every article seen')
    const dates = await Promise.all(seen.map(async (id) => (await store.getArticle(id))?.publishedAt ?? ''))
    t.same(dates, [...dates].sort().reverse(), 'newest first')
    const walked = (await collect(store.lists.articles.walk({}, 'newest'))).map((a) => a.id)
    t.same(walked, seen, 'the walk is the pages, in order')
  })

  t.test('quote and entity lists filter, count, facet and page', async (t) => {
    const store = await open(t)
    for (let i = 0; i < 7; i++) await save(store, quotedText(i))
    const bySpeaker: string[] = []
    for (let cursor: string | null | undefined; ;) {
      const page = await store.lists.quotes.page({ speaker: 'person-ada-lovelace' }, 'newest', 3, cursor ?? undefined)
      bySpeaker.push(...page.items.map((q) => q.id))
      if (!(cursor = page.next)) break
    }
    t.equal(new Set(bySpeaker).size, 7)
    t.equal(await store.lists.quotes.count({ speaker: 'person-ada-lovelace' }), 7)
    t.same(await store.lists.quotes.facets({}, ['kind', 'speaker'], 5), {
      kind: [{ value: 'indirect', count: 7 }],
      speaker: [{ value: 'person-ada-lovelace', name: 'Ada Lovelace', count: 7 }]
    })
    t.same(await ids(store.lists.quotes.page({ kind: 'direct' }, 'newest', 10)), [])
    t.same(await ids(store.lists.quotes.page({ speaker: 'person-nobody' }, 'newest', 10)), [])
    t.same(await ids(store.lists.entities.page({ type: 'person' }, 'mentions', 10)), ['person-ada-lovelace'])
    t.same(await ids(store.lists.entities.page({ type: 'location' }, 'mentions', 10)), [])
    t.equal((await ids(store.lists.articles.page({ entity: ['person-ada-lovelace'] }, 'newest', 100))).length, 7)
    const first = (await store.lists.articles.page({}, 'newest', 1)).items[0]
    t.match(first && (await store.lists.articleEntities.page({ articleId: first.id }, 'document', 10)).items,
      [{ id: 'person-ada-lovelace', mentions: [{ text: 'Ada Lovelace' }] }])
  })

  t.test('search finds words of titles, texts and quotes, and refuses what it cannot parse', async (t) => {
    const store = await open(t)
    const text = 'Ferry plan\n\nThe zanzibarian ferry will sail, Ada Lovelace said.'
    const { id } = await save(store, text)
    await save(store, quotedText(1))
    t.same(await ids(store.lists.articles.page({ q: 'zanzibarian' }, 'relevance', 10)), [id])
    t.equal(await store.lists.quotes.count({ q: 'zanzibarian' }), 1)
    t.same(await ids(store.lists.articles.page({ q: 'nowhere-to-be-found' }, 'relevance', 10)), [])
    await t.rejects(store.lists.articles.page({ q: '"unterminated' }, 'relevance', 10), InvalidQuery)
  })

  t.test(`a ranked search orders the newest ${RANK_WINDOW} matches; total, the date orders and narrower dates reach all`, async (t) => {
    const store = await open(t)
    const article = (text: string, publishedAt: string, title = 'A harbour story') =>
      ({ text, metadata: { publishedAt }, parse: () => parsedArticle(text, { title }), extractorVersion: V1 })
    // the best match of all, but the oldest: outside the window of a search over every date
    const oldest = article('The budget, the budget and the budget again.', '2001-01-01T00:00:00Z', 'Budget budget budget')
    const recent = Array.from({ length: RANK_WINDOW + 3 }, (_, i) =>
      article(`Harbour ${i} has a budget.`, new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString()))
    for (let i = 0; i < recent.length; i += 250) await store.createArticles(recent.slice(i, i + 250))
    await store.createArticles([oldest])
    const oldestId = articleIdOf(oldest.text)
    const ranked = (await collect(store.lists.articles.walk({ q: 'budget' }, 'relevance'))).map((a) => a.id)
    t.equal(ranked.length, RANK_WINDOW, 'the window holds the newest matches')
    t.notOk(ranked.includes(oldestId), 'the oldest match is outside it')
    t.notOk(ranked.includes(articleIdOf(recent[0]?.text ?? '')), 'and so are the next oldest')
    t.equal(await store.lists.articles.count({ q: 'budget' }), RANK_WINDOW + 4, 'total counts every match')
    t.same(await ids(store.lists.articles.page({ q: 'budget' }, 'oldest', 1)), [oldestId])
    t.same(await ids(store.lists.articles.page({ q: 'budget', to: '2020-01-01T00:00:00Z' }, 'relevance', 5)), [oldestId],
      'a date range moves the window')
    const firstPage = await store.lists.articles.page({ q: 'budget' }, 'relevance', 600)
    const secondPage = await store.lists.articles.page({ q: 'budget' }, 'relevance', 600, firstPage.next ?? undefined)
    t.same([...firstPage.items, ...secondPage.items].map((a) => a.id), ranked, 'pages walk the window')
    t.equal(secondPage.next, null)
  })

  t.test('the rank window is exact when its edge falls among matches of one minute', async (t) => {
    const store = await open(t)
    // every match in one minute, a second apart; the two earliest fall outside the window
    const texts = Array.from({ length: RANK_WINDOW + 2 }, (_, i) => `Quay ${i} has a budget.`)
    const articles = texts.map((text, i) => ({
      text, metadata: { publishedAt: new Date(Date.UTC(2026, 2, 1, 9, 30) + (i % 60) * 1000 + Math.floor(i / 60)).toISOString() },
      parse: () => parsedArticle(text, { title: 'A quay story' }), extractorVersion: V1
    }))
    // stored newest first, so that arrival order is not time order
    const reversed = [...articles].reverse()
    for (let i = 0; i < reversed.length; i += 250) await store.createArticles(reversed.slice(i, i + 250))
    const byTime = [...articles].sort((a, b) => a.metadata.publishedAt.localeCompare(b.metadata.publishedAt))
    const outside = byTime.slice(0, 2).map((a) => articleIdOf(a.text))
    const ranked = (await collect(store.lists.articles.walk({ q: 'budget' }, 'relevance'))).map((a) => a.id)
    t.equal(ranked.length, RANK_WINDOW)
    t.same(outside.filter((id) => ranked.includes(id)), [], 'the two earliest are out')
  })

  t.test('a cursor that is not one a list issued is rejected', async (t) => {
    const store = await open(t)
    const cursorOf = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url')
    await t.rejects(store.lists.quotes.page({}, 'newest', 5, 'garbage'), InvalidCursor)
    await t.rejects(store.lists.articles.page({}, 'newest', 5, cursorOf([1, 2])), InvalidCursor)
    await t.rejects(store.lists.entities.page({}, 'mentions', 5, cursorOf({ a: 1 })), InvalidCursor)
    await t.rejects(store.lists.articles.page({}, 'oldest', 5, cursorOf(['newest', '2026-01-01', 'x'])), InvalidCursor, 'another order\'s cursor')
  })

  t.test('create stores a new text once and never rewrites a stored one; it parses only what is new', async (t) => {
    const store = await open(t)
    const text = quotedText(5)
    let parses = 0
    const article = (publisher: string, extractorVersion: string) =>
      ({ text, metadata: { publisher }, parse: () => { parses++; return parsedArticle(text) }, extractorVersion })
    t.same(await store.createArticle(article('First', 'v1')), { id: articleIdOf(text), outcome: 'created' })
    t.same(await store.createArticle(article('Second', 'v2')), { id: articleIdOf(text), outcome: 'existing' })
    t.equal(parses, 1, 'the stored text was not parsed again')
    t.match(await store.getArticle(articleIdOf(text)), { publisher: 'First', extractorVersion: 'v1' })
  })

  t.test('an idempotency key is remembered with its write, and refused for another request', async (t) => {
    const store = await open(t)
    const text = quotedText(7)
    const article = { text, metadata: {}, parse: () => parsedArticle(text), extractorVersion: V1 }
    const now = new Date('2026-05-01T00:00:00Z')
    t.equal(await store.findIdempotencyKey('client', 'key-1', now), null)
    await store.createArticle(article, { client: 'client', key: 'key-1', fingerprint: 'f1' }, now)
    t.same(await store.findIdempotencyKey('client', 'key-1', now), { fingerprint: 'f1', articleId: articleIdOf(text), status: 201 })
    t.equal(await store.findIdempotencyKey('other-client', 'key-1', now), null, 'keys are per client')
    await t.rejects(store.createArticle(article, { client: 'client', key: 'key-1', fingerprint: 'f2' }, now), IdempotencyKeyReused)
    t.equal(await store.findIdempotencyKey('client', 'key-1', new Date('2026-05-03T00:00:00Z')), null, 'a key expires after a day')
  })

  t.test('creating many stores each, and one that fails fails alone', async (t) => {
    const store = await open(t)
    const good = (i: number) => ({ text: quotedText(200 + i), metadata: {}, parse: () => parsedArticle(quotedText(200 + i)), extractorVersion: V1 })
    const bad = { text: 'Broken.', metadata: {}, parse: () => { throw new Error('pipeline bug') }, extractorVersion: V1 }
    const results = await store.createArticles([good(0), bad, good(1), good(2)])
    t.match(results, [{ outcome: 'created' }, Error, { outcome: 'created' }, { outcome: 'created' }])
    t.equal(await store.lists.articles.count({}), 3)
    t.match(await store.createArticles([good(0)]), [{ id: articleIdOf(quotedText(200)), outcome: 'existing' }])
  })

  t.test('re-parsing replaces the parse in place: id, metadata and creation time stay; a missing article is skipped', async (t) => {
    const store = await open(t)
    const text = quotedText(6)
    const { id } = await save(store, text, { publisher: 'Wire' }, 'v1', new Date('2026-01-01T00:00:00Z'))
    t.same(await store.countByExtractorVersion(), new Map([['v1', 1]]))
    t.same(await store.articlesParsedBy('v1', '', 10), [{ id, text }])
    const reparsed = await store.reparseArticles([{ id, parsed: parsedArticle(text, { entities: [], quotes: [] }) }, { id: 'missing', parsed: parsedArticle(text) }], 'v2')
    t.equal(reparsed, 1)
    t.match(await store.getArticle(id), { publisher: 'Wire', extractorVersion: 'v2', createdAt: '2026-01-01T00:00:00.000Z', quoteCount: 0, entityCount: 0 })
    t.equal(await store.getEntity('person-ada-lovelace'), null, 'an entity the new parse no longer finds is gone')
  })

  t.test('the timeline counts articles and quotes per period', async (t) => {
    const store = await open(t)
    await save(store, quotedText(1), { publishedAt: '2026-03-02T10:00:00Z' })
    await save(store, quotedText(2), { publishedAt: '2026-03-20T10:00:00Z' })
    await save(store, quotedText(3), { publishedAt: '2026-04-01T10:00:00Z' })
    t.same(await store.timeline({}, 'month'), [{ period: '2026-03', articles: 2, quotes: 2 }, { period: '2026-04', articles: 1, quotes: 1 }])
    t.same(await store.timeline({ speaker: 'person-nobody' }, 'month'), [])
  })
}
