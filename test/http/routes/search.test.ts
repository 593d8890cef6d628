import t from 'tap'
import { corpusApp, streamAll, walkPages } from '../../corpus.js'
import { dbOf } from '../../helpers.js'

// Full-text search through the API over the generated corpus, checked against the stored texts.
const app = await corpusApp(t)
const articleTexts = dbOf(app).prepare('SELECT id, title, text FROM articles').all() as { id: string, title: string, text: string }[]
const quoteTexts = dbOf(app).prepare('SELECT id, text FROM quotes').all() as { id: string, text: string }[]

const idsWhere = <T extends { id: string }>(rows: T[], keep: (row: T) => boolean) => rows.filter(keep).map((r) => r.id).sort()
const ids = (items: { id?: unknown }[]) => items.map((i) => String(i.id)).sort()

t.test('words, phrases, prefixes and operators find exactly the articles whose text holds them', async (t) => {
  const cases: [string, (text: string) => boolean][] = [
    ['ceasefire', (s) => /\bceasefires?\b/i.test(s)],
    ['ceasefire Mexico', (s) => /\bceasefires?\b/i.test(s) && /\bMexico\b/.test(s)],
    ['"military presence in Syria"', (s) => /military presence in Syria/.test(s)],
    ['sanction*', (s) => /\bsanction\w*/i.test(s)],
    ['budget AND Iran', (s) => /\bbudgets?\b/i.test(s) && /\bIran\b/.test(s)],
    ['(pipeline OR tariffs) NOT Germany', (s) => /\b(pipelines?|tariffs?)\b/i.test(s) && !/\bGermany\b/.test(s)],
    ['Merkel NOT (Ohio OR China)', (s) => /\bMerkel\b/.test(s) && !/\b(Ohio|China)\b/.test(s)]
  ]
  for (const [q, holds] of cases) {
    const found = await streamAll(app, `/articles?q=${encodeURIComponent(q)}&fields=id`)
    const expected = idsWhere(articleTexts, (a) => holds(a.text))
    t.ok(expected.length > 0, `${q}: the corpus has matches`)
    t.same(ids(found), expected, `${q}: ${expected.length} articles`)
  }
})

t.test('quote search looks in the quotes\' content only', async (t) => {
  for (const [q, holds] of [
    ['billions', (s: string) => /\bbillions\b/i.test(s)],
    ['"give up" Ukraine', (s: string) => /give up/i.test(s) && /\bUkraine\b/.test(s)]
  ] as const) {
    const found = await streamAll(app, `/quotes?q=${encodeURIComponent(q)}&fields=id`)
    t.same(ids(found), idsWhere(quoteTexts, (row) => holds(row.text)), q)
  }
})

t.test('a search FTS5 cannot parse is a 400 naming q, never a 500', async (t) => {
  for (const q of ['"unterminated', '(budget OR tariffs', 'budget AND', 'NOT', 'OR budget', '*', ')', 'NEAR(']) {
    for (const path of ['/articles', '/quotes']) {
      const res = await app.inject(`${path}?q=${encodeURIComponent(q)}`)
      t.equal(res.statusCode, 400, `${path} q=${q}`)
      t.match(res.headers['content-type'], /^application\/problem\+json/)
      t.match(res.json(), { invalidParams: [{ name: 'q', in: 'query' }] })
    }
  }
  // punctuation inside a word is searched as a phrase, as a reader means it
  for (const q of ['U.S.', 'al-Assad', 'Clinton\'s', '9/11', 'e-mail*', 'title:budget']) {
    t.equal((await app.inject(`/articles?q=${encodeURIComponent(q)}`)).statusCode, 200, `q=${q} is searchable`)
  }
  for (const q of ['%20%20', '-', '%26']) t.equal((await app.inject(`/articles?q=${q}`)).statusCode, 400, `q=${q} holds no word: refused`)
})

t.test('relevance, newest and oldest each walk every match once, in their order, with snippets', async (t) => {
  const expected = idsWhere(articleTexts, (a) => /\brefugees?\b/i.test(a.text))
  const byRelevance = await walkPages<{ id: string, snippet: string }>(app, '/articles?q=refugees&limit=7')
  t.same(ids(byRelevance), expected, 'relevance pages see every match once')
  t.ok(byRelevance.every((a) => /<mark>refugees<\/mark>/i.test(a.snippet)), 'each carries a highlighted snippet')
  const titled = new Set(articleTexts.filter((a) => /refugees/i.test(a.title)).map((a) => a.id))
  const firstUntitled = byRelevance.findIndex((a) => !titled.has(a.id))
  t.ok(titled.size > 0 && byRelevance.slice(0, firstUntitled).length >= titled.size - 1, 'title matches rank first')

  const newest = await walkPages<{ id: string, publishedAt: string | null, createdAt: string }>(app, '/articles?q=refugees&sort=newest&limit=9')
  const oldest = await walkPages<{ id: string, publishedAt: string | null, createdAt: string }>(app, '/articles?q=refugees&sort=oldest&limit=9')
  t.same(ids(newest), expected)
  t.same(newest.map((a) => a.id), oldest.map((a) => a.id).reverse(), 'oldest is newest reversed')

  const phrase = encodeURIComponent('("military presence" OR budget) NOT Iran')
  t.same(ids(await walkPages(app, `/articles?q=${phrase}&limit=11&fields=id`)), ids(await streamAll(app, `/articles?q=${phrase}&fields=id`)),
    'a search with spaces, quotes and parentheses survives links.next')
  const quotes = await walkPages<{ id: string, snippet: string }>(app, '/quotes?q=vaccine&limit=25')
  t.same(ids(quotes), idsWhere(quoteTexts, (q) => /\bvaccines?\b/i.test(q.text)))
  t.ok(quotes.every((q) => q.snippet.includes('<mark>')))
  t.equal((await app.inject('/quotes?sort=relevance')).statusCode, 400, 'relevance needs a search')
  const otherOrder = (await app.inject('/articles?q=refugees&limit=2')).json().links.next.split('cursor=')[1]
  t.equal((await app.inject(`/articles?q=refugees&sort=newest&cursor=${otherOrder}`)).statusCode, 400, 'a cursor of another order is refused')
})

t.test('the indexes follow inserts, deletes and re-parses in the same transaction', async (t) => {
  const local = await corpusApp(t)
  const text = 'Zanzibarian ferry plan\n\nLONDON\n\n"The zanzibarian ferry will sail," Mayor Jane Doe said on Monday.\n'
  const { id } = await local.submissions.submit({ text })
  const count = async (path: string) => (await local.inject(`${path}?q=zanzibarian&count=true`)).json().total
  t.equal(await count('/articles'), 1)
  t.equal(await count('/quotes'), 1)
  const row = dbOf(local).prepare('SELECT text FROM articles WHERE id = ?').get(id) as { text: string }
  const { parseArticle } = await import('../../../src/extract/index.js')
  t.equal(await local.store.reparseArticles([{ id, parsed: parseArticle(row.text) }], 'next'), 1, 're-parsed in place')
  t.equal(await count('/articles'), 1, 'still found once after a re-parse')
  t.equal(await count('/quotes'), 1)
  await local.store.deleteArticle(id)
  t.equal(await count('/articles'), 0, 'gone with its article')
  t.equal(await count('/quotes'), 0, 'its quotes too (deleted by cascade)')
  for (const table of ['articles_fts', 'quotes_fts']) {
    t.doesNotThrow(() => dbOf(local).prepare(`INSERT INTO ${table} (${table}, rank) VALUES ('integrity-check', 1)`).run(), `${table} matches its content`)
  }
})
