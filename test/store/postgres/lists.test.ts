// Parity of the PostgreSQL read side with SQLite's: one corpus in both (parity-fixture.ts), and every
// list, order, filter, search, page, total, facet, get and timeline asked of both must answer alike.
import t from 'tap'
import { InvalidCursor, InvalidQuery } from '../../../src/domain/errors.js'
import * as reads from '../../../src/store/postgres/reads.js'
import { timeline } from '../../../src/store/postgres/timeline.js'
import type { SqliteStore } from '../../../src/store/sqlite/store.js'
import type { ListReader, StoreLists } from '../../../src/store/store.js'
import { poolFor, SKIP_WITHOUT_POSTGRES, throwawayDatabase } from './database.js'
import { postgresCopyOf, sqliteWithCorpus } from './parity-fixture.js'

type AnyList = ListReader<unknown, string, { id: string, snippet?: string }, string>
type ListName = keyof StoreLists

interface Case { list: ListName, filters: Record<string, unknown>, sort: string }

/** Every item of a list, page by page, and the cursors that led there. */
async function pages (list: AnyList, { filters, sort }: Case, limit: number) {
  const items: { id: string, snippet?: string }[] = []
  const cursors: string[] = []
  for (let cursor: string | undefined; ;) {
    const page = await list.page(filters, sort, limit, cursor)
    items.push(...page.items)
    if (page.next === null) return { items, cursors }
    cursors.push(cursor = page.next)
  }
}

async function collect<T> (items: AsyncIterable<T> | Iterable<T>): Promise<T[]> {
  const all: T[] = []
  for await (const item of items) all.push(item)
  return all
}

/** Why a read was refused, as "parameter: reason". */
async function refusal (read: Promise<unknown>): Promise<string> {
  try {
    await read
  } catch (error) {
    if (error instanceof InvalidQuery) return `${error.parameter}: ${error.reason}`
    throw error
  }
  return 'accepted'
}

const withoutSnippet = <T extends { snippet?: string }>(items: T[]) => items.map(({ snippet: _, ...item }) => item)

t.test('PostgreSQL lists and reads answer as SQLite does, on the same data', { skip: SKIP_WITHOUT_POSTGRES }, async (t) => {
  const sqlite: SqliteStore = await sqliteWithCorpus()
  t.teardown(() => sqlite.close())
  const pool = poolFor(t, await throwawayDatabase(t), 4)
  const { lists: pg, copied } = await postgresCopyOf(sqlite, pool)
  t.comment(`copied ${JSON.stringify(copied)}`)
  const listOf = (store: StoreLists, name: ListName) => store[name] as unknown as AnyList
  const lite = sqlite.lists

  // the entities the cases filter by: the most mentioned of each type, and pairs of them
  const people = (await lite.entities.page({ type: 'person' }, 'mentions', 4)).items.map((e) => e.id)
  const places = (await lite.entities.page({ type: 'location' }, 'mentions', 3)).items.map((e) => e.id)
  const orgs = (await lite.entities.page({ type: 'organization' }, 'mentions', 2)).items.map((e) => e.id)
  const [p0 = '', p1 = '', p2 = ''] = people
  const [l0 = '', l1 = ''] = places
  const newest = (await lite.articles.page({}, 'newest', 3)).items.map((a) => a.id)
  const busiest = (await lite.articles.page({ entity: [p0, l0] }, 'oldest', 2)).items.map((a) => a.id)
  t.ok(p0 && p1 && l0 && orgs[0] && newest.length === 3, 'the corpus has people, places, organizations and articles')

  const dated = (sort: string): Case[] => [
    { list: 'articles', filters: {}, sort },
    { list: 'articles', filters: { entity: [p0] }, sort },
    { list: 'articles', filters: { entity: [p0, l0] }, sort },
    { list: 'articles', filters: { entity: [p1], speaker: [p1] }, sort },
    { list: 'articles', filters: { speaker: [p0, p2] }, sort },
    { list: 'articles', filters: { dateline: 'moscow' }, sort },
    { list: 'articles', filters: { publisher: 'EXAMPLE NEWS', from: '2016-03-01T00:00:00.000Z', to: '2016-09-30T23:59:59.999Z' }, sort },
    { list: 'articles', filters: { entity: [l1], publisher: 'global wire', dateline: 'Berlin' }, sort },
    { list: 'articles', filters: { q: 'budget' }, sort },
    { list: 'articles', filters: { q: 'budget', entity: [p0] }, sort },
    { list: 'quotes', filters: {}, sort },
    { list: 'quotes', filters: { speaker: p0 }, sort },
    { list: 'quotes', filters: { about: [l0] }, sort },
    { list: 'quotes', filters: { speaker: p1, about: [l0] }, sort },
    { list: 'quotes', filters: { about: [l0], cue: 'said' }, sort },
    { list: 'quotes', filters: { cue: 'SAID' }, sort },
    { list: 'quotes', filters: { kind: 'direct', from: '2016-06-01T00:00:00.000Z' }, sort },
    { list: 'quotes', filters: { articleId: busiest[0] ?? '' }, sort },
    { list: 'quotes', filters: { to: '2016-02-01T00:00:00.000Z' }, sort },
    { list: 'quotes', filters: { q: 'give up' }, sort }
  ]
  const listCases: Case[] = [
    ...dated('newest'), ...dated('oldest'),
    ...['mentions', 'articles'].flatMap((sort): Case[] => [
      { list: 'entities', filters: {}, sort },
      { list: 'entities', filters: { type: 'person' }, sort },
      { list: 'entities', filters: { minArticles: 20 }, sort },
      { list: 'entities', filters: { q: 'lav' }, sort },
      { list: 'entities', filters: { q: 'ASSAD' }, sort },
      { list: 'entities', filters: { q: 'sec' }, sort },
      { list: 'entities', filters: { q: '%' }, sort },
      { list: 'entities', filters: { q: 'u', type: 'location' }, sort }
    ]),
    ...[...newest, ...busiest].map((articleId): Case => ({ list: 'articleEntities', filters: { articleId }, sort: 'document' })),
    ...[p0, l0, orgs[0] ?? ''].flatMap((id): Case[] => [
      { list: 'relatedEntities', filters: { id }, sort: 'shared' },
      { list: 'relatedEntities', filters: { id, type: 'person' }, sort: 'shared' }
    ])
  ]

  t.test('every list, order and filter: the same items in the same order, page by page', async (t) => {
    for (const c of listCases) {
      const name = `${c.list} ${JSON.stringify(c.filters)} ${c.sort}`
      const [want, got] = await Promise.all([pages(listOf(lite, c.list), c, 7), pages(listOf(pg, c.list), c, 7)])
      t.ok(want.items.length > 0 || c.list === 'entities', `${name}: not empty (${want.items.length})`)
      // with a search the snippets differ by engine (see src/store/postgres/lists/snippet.ts)
      t.same(withoutSnippet(got.items), withoutSnippet(want.items), name)
      t.same(got.cursors, want.cursors, `${name}: the same cursors`)
      t.equal(await listOf(pg, c.list).count(c.filters), await listOf(lite, c.list).count(c.filters), `${name}: count`)
    }
  })

  t.test('a cursor SQLite issued pages PostgreSQL from the same place; walks read the whole set', async (t) => {
    for (const c of listCases) {
      const name = `${c.list} ${JSON.stringify(c.filters)} ${c.sort}`
      const first = await listOf(lite, c.list).page(c.filters, c.sort, 5)
      if (first.next === null) continue
      const [want, got] = await Promise.all([
        listOf(lite, c.list).page(c.filters, c.sort, 5, first.next), listOf(pg, c.list).page(c.filters, c.sort, 5, first.next)])
      t.same(withoutSnippet(got.items).map((i) => i.id), withoutSnippet(want.items).map((i) => i.id), name)
      const [walkedLite, walkedPg] = await Promise.all([
        collect(listOf(lite, c.list).walk(c.filters, c.sort, first.next)), collect(listOf(pg, c.list).walk(c.filters, c.sort, first.next))])
      t.same(walkedPg.map((i) => i.id), walkedLite.map((i) => i.id), `${name}: walk`)
    }
    const all = await collect(pg.quotes.walk({}, 'newest'))
    t.equal(all.length, await lite.quotes.count({}), 'a walk over more than one chunk (500) reads every quote once')
    t.equal(new Set(all.map((q) => q.id)).size, all.length)
  })

  t.test('facets: the same buckets, names and counts, in the same order', async (t) => {
    const facetCases: [ListName, Record<string, unknown>, string[]][] = [
      ['articles', {}, ['entity', 'dateline', 'publisher']],
      ['articles', { entity: [p0] }, ['entity', 'dateline', 'publisher']],
      ['articles', { q: 'ceasefire OR pipeline' }, ['entity', 'publisher']],
      ['articles', { speaker: [p1], dateline: 'washington' }, ['entity']],
      ['quotes', {}, ['speaker', 'kind', 'cue']],
      ['quotes', { about: [l0] }, ['speaker', 'cue']],
      ['quotes', { q: 'talks' }, ['speaker', 'kind', 'cue']],
      ['entities', {}, ['type']],
      ['entities', { q: 's' }, ['type']]
    ]
    for (const [list, filters, facets] of facetCases) {
      for (const size of [3, 100]) {
        const [want, got] = await Promise.all([listOf(lite, list).facets(filters, facets, size), listOf(pg, list).facets(filters, facets, size)])
        t.same(got, want, `${list} ${JSON.stringify(filters)} ${facets.join(',')} size ${size}`)
      }
    }
  })

  t.test('searches: the same matches; relevance best first by ts_rank, ties by id', async (t) => {
    const searches = ['budget', '"military presence"', '"presence in Syria"', 'contin*', 'talk*', 'Zelensk*', 'pipe*', 'budget OR tariffs', 'sanctions NOT Syria',
      '(Syria OR Iran) AND ceasefire', 'Lavrov', 'U.S.', 'al-Assad', '9/11', 'e-mail', "O'Brien", 'Zelenskyy', 'Zelenskýy',
      '"Story 12"', 'talks continue', 'Clinton said', 'vaccines', 'refugee*', 'nothing-matches-this']
    let sameOrder = 0
    let orders = 0
    const reordered: string[] = []
    for (const list of ['articles', 'quotes'] as const) {
      for (const q of searches) {
        const [want, got] = await Promise.all([
          pages(listOf(lite, list), { list, filters: { q }, sort: 'relevance' }, 50),
          pages(listOf(pg, list), { list, filters: { q }, sort: 'relevance' }, 50)
        ])
        const ids = (items: { id: string }[]) => items.map((i) => i.id)
        t.same(ids(got.items).toSorted(), ids(want.items).toSorted(), `${list} q=${q}: the same matches (${want.items.length})`)
        for (const item of got.items) t.match(item.snippet, /<mark>|^$|^…?[^<]*…?$/, `${list} q=${q}: a snippet`)
        orders++
        if (ids(got.items).join() === ids(want.items).join()) sameOrder++
        else reordered.push(`${list} ${q} (${want.items.length})`)
      }
    }
    // bm25 and ts_rank are different functions (bm25 weighs rare terms up and long documents down;
    // ts_rank counts the weighted occurrences), so orders agree only where both tie or one result
    // The one difference of language: SQLite's toFtsQuery drops a star after a phrase's closing
    // quote (a lone "*" is no word), so "military pres"* is the phrase "military pres" there and
    // matches nothing; search-query.ts reads it as FTS5 itself does, the last word a prefix.
    for (const list of ['articles', 'quotes'] as const) {
      const all = async (lists: StoreLists, q: string) =>
        (await collect(listOf(lists, list).walk({ q }, 'newest'))).map((i) => i.id)
      t.same(await all(lite, '"military pres"*'), [], `${list}: SQLite drops the star after a phrase`)
      t.same(await all(pg, '"military pres"*'), await all(lite, '"military presence"'), `${list}: PostgreSQL reads it as a prefix`)
    }
    t.comment(`relevance: ${sameOrder} of ${orders} searches in the same order as bm25; reordered: ${reordered.join('; ')}`)
  })

  t.test('what cannot be searched, and cursors that are not the list\'s, are refused as in SQLite', async (t) => {
    await t.rejects(pg.articles.page({ q: '"unterminated' }, 'relevance', 5), InvalidQuery)
    t.equal(await refusal(pg.articles.page({ q: ' - & ' }, 'relevance', 5)), 'q: holds no word to search for')
    t.equal(await refusal(pg.quotes.count({ q: 'the of' })), 'q: holds no word to search for', 'stop words alone: PostgreSQL keeps no word of them')
    await t.rejects(collect(pg.articles.walk({ q: 'the' }, 'newest')), InvalidQuery, 'a walk too')
    t.throws(() => pg.articles.walk({ q: 'the' }, 'newest'), InvalidQuery, 'and at once, once the search is known')
    const cursorOf = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url')
    await t.rejects(pg.quotes.page({}, 'newest', 5, 'garbage'), InvalidCursor)
    await t.rejects(pg.articles.page({}, 'newest', 5, cursorOf([1, 2])), InvalidCursor)
    await t.rejects(pg.entities.page({}, 'mentions', 5, cursorOf({ a: 1 })), InvalidCursor)
    await t.rejects(pg.articles.page({}, 'oldest', 5, cursorOf(['newest', '2026-01-01', 'x'])), InvalidCursor, 'another order\'s cursor')
    t.throws(() => pg.quotes.walk({}, 'oldest', cursorOf(['newest', 'x', 'y', 1])), InvalidCursor, 'a walk refuses it before it starts')
    const bm25 = (await lite.articles.page({ q: 'budget' }, 'relevance', 2)).next ?? ''
    await t.rejects(pg.articles.page({ q: 'budget' }, 'relevance', 2, bm25), InvalidCursor, 'a bm25 cursor means nothing to ts_rank')
    const legacy = cursorOf(['2016-06-01T00:00:00Z', 'z'])
    t.same((await pg.articles.page({}, 'newest', 3, legacy)).items.map((a) => a.id),
      (await lite.articles.page({}, 'newest', 3, legacy)).items.map((a) => a.id), 'an untagged cursor of the newest order still pages')
    const huge = cursorOf(['prominent', Number.MAX_SAFE_INTEGER, ''])
    t.same(await pg.entities.page({}, 'mentions', 2, huge), await lite.entities.page({}, 'mentions', 2, huge), 'a large key is no error')
  })

  t.test('gets, counts by version, re-parse pages and the timeline equal SQLite\'s', async (t) => {
    const articleIds = (await collect(lite.articles.walk({}, 'newest'))).map((a) => a.id)
    for (const id of articleIds) t.same(await reads.getArticle(pool, id), await sqlite.getArticle(id), `article ${id}`)
    t.equal(await reads.getArticle(pool, 'missing'), null)
    t.equal(await reads.articleExists(pool, articleIds[0] ?? ''), true)
    t.equal(await reads.articleExists(pool, 'missing'), false)
    t.equal(await reads.isEmpty(pool), false)
    const quoteIds = (await collect(lite.quotes.walk({}, 'oldest'))).map((q) => q.id).filter((_, i) => i % 7 === 0)
    for (const id of quoteIds) t.same(await reads.getQuote(pool, id), await sqlite.getQuote(id), `quote ${id}`)
    t.equal(await reads.getQuote(pool, 'missing'), null)
    for (const entity of await collect(lite.entities.walk({}, 'mentions'))) {
      t.same(await reads.getEntity(pool, entity.id), entity, `entity ${entity.id}`)
      t.equal(await reads.entityExists(pool, entity.id), true)
    }
    t.equal(await reads.getEntity(pool, 'missing'), null)
    t.equal(await reads.entityExists(pool, 'missing'), false)
    const redirects = sqlite.db.prepare('SELECT from_id FROM entity_redirects').all() as { from_id: string }[]
    for (const { from_id: id } of [...redirects, { from_id: 'missing' }, { from_id: p0 }]) {
      t.equal(await reads.entityMergedInto(pool, id), await sqlite.entityMergedInto(id), `merged ${id}`)
    }
    t.same(await reads.countByExtractorVersion(pool), await sqlite.countByExtractorVersion())
    const [version] = [...(await sqlite.countByExtractorVersion()).keys()]
    for (const after of ['', articleIds[5] ?? '', 'zzz']) {
      t.same(await reads.articlesParsedBy(pool, version ?? '', after, 40), await sqlite.articlesParsedBy(version ?? '', after, 40), `parsed by, after ${after}`)
    }
    const filters = [{}, { entity: l0 }, { speaker: p0 }, { entity: p1, speaker: p1, from: '2016-04-01T00:00:00.000Z', to: '2016-10-31T23:59:59.999Z' },
      { to: '2016-01-20T00:00:00.000Z' }]
    for (const f of filters) {
      for (const interval of ['day', 'week', 'month'] as const) {
        t.same(await timeline(pool, f, interval), await sqlite.timeline(f, interval), `timeline ${interval} ${JSON.stringify(f)}`)
      }
    }
  })
})
