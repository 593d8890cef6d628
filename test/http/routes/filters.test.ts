import t from 'tap'
import { corpusApp, streamAll, walkPages } from '../../corpus.js'
import { dbOf } from '../../helpers.js'

// Filters, totals, facets and paging over the generated corpus, checked against the stored rows.
const app = await corpusApp(t)
const db = dbOf(app)
const all = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as T[]

interface ArticleRow { id: string, dateline: string, publisher: string, published_at: string | null }
interface QuoteRow { id: string, article_id: string, speaker_id: string | null, kind: string, cue_text: string | null, spans: string }
const articles = all<ArticleRow>('SELECT id, dateline, publisher, published_at FROM articles')
const quotes = all<QuoteRow>('SELECT id, article_id, speaker_id, kind, cue_text, spans FROM quotes')
const mentionsOf = new Map<string, Set<string>>() // entity id -> article ids
for (const m of all<{ entity_id: string, article_id: string }>('SELECT DISTINCT entity_id, article_id FROM mentions')) {
  mentionsOf.set(m.entity_id, (mentionsOf.get(m.entity_id) ?? new Set()).add(m.article_id))
}
const mentions = all<{ article_id: string, entity_id: string, start: number, end: number }>('SELECT article_id, entity_id, start, "end" FROM mentions')
const ids = (items: { id?: unknown }[]) => items.map((i) => String(i.id)).sort()
const sorted = (values: string[]) => [...values].sort()

const LAVROV = 'person-sergey-lavrov'
const CLINTON = 'person-hillary-clinton'
const SYRIA = 'location-syria'

t.test('article filters combine (AND), repeated entity and speaker too', async (t) => {
  const mentioning = (id: string) => mentionsOf.get(id) ?? new Set<string>()
  const quoting = (id: string) => new Set(quotes.filter((q) => q.speaker_id === id).map((q) => q.article_id))
  const cases: [string, (a: ArticleRow) => boolean][] = [
    [`entity=${SYRIA}`, (a) => mentioning(SYRIA).has(a.id)],
    [`entity=${SYRIA}&entity=${LAVROV}`, (a) => mentioning(SYRIA).has(a.id) && mentioning(LAVROV).has(a.id)],
    [`speaker=${CLINTON}`, (a) => quoting(CLINTON).has(a.id)],
    [`speaker=${CLINTON}&speaker=${LAVROV}&dateline=moscow`, (a) => quoting(CLINTON).has(a.id) && quoting(LAVROV).has(a.id) && a.dateline === 'MOSCOW'],
    ['publisher=global%20wire&from=2016-03-01&to=2016-06-30', (a) => a.publisher === 'Global Wire' && a.published_at !== null &&
      Date.parse(a.published_at) >= Date.parse('2016-03-01T00:00:00Z') && Date.parse(a.published_at) < Date.parse('2016-07-01T00:00:00Z')],
    ['to=2016-02-01T12:00:00%2B02:00', (a) => a.published_at !== null && Date.parse(a.published_at) <= Date.parse('2016-02-01T10:00:00Z')]
  ]
  for (const [query, keep] of cases) {
    const expected = articles.filter(keep).map((a) => a.id).sort()
    t.ok(expected.length > 0, `${query}: the corpus has some`)
    t.same(ids(await walkPages(app, `/articles?${query}&limit=40&fields=id`)), expected, `${query}: ${expected.length} articles`)
    t.equal((await app.inject(`/articles?${query}&count=true&limit=1`)).json().total, expected.length, `${query}: count=true agrees`)
  }
})

t.test('GET /quotes?speaker=A&about=B is what A said about B: B mentioned inside the content\'s spans', async (t) => {
  const about = (q: QuoteRow, entity: string) => (JSON.parse(q.spans) as { start: number, end: number }[]).some((span) =>
    mentions.some((m) => m.article_id === q.article_id && m.entity_id === entity && m.start >= span.start && m.end <= span.end))
  const cases: [string, (q: QuoteRow) => boolean][] = [
    [`speaker=${LAVROV}&about=${SYRIA}`, (q) => q.speaker_id === LAVROV && about(q, SYRIA)],
    [`about=${CLINTON}&about=location-ohio`, (q) => about(q, CLINTON) && about(q, 'location-ohio')],
    [`speaker=${CLINTON}&kind=direct&cue=ARGUED`, (q) => q.speaker_id === CLINTON && q.kind === 'direct' && q.cue_text?.toLowerCase() === 'argued'],
    ['kind=indirect&from=2016-12-01', (q) => q.kind === 'indirect' && articles.some((a) => a.id === q.article_id && a.published_at !== null &&
      Date.parse(a.published_at) >= Date.parse('2016-12-01T00:00:00Z'))],
    [`articleId=${quotes[0]?.article_id ?? ''}`, (q) => q.article_id === quotes[0]?.article_id]
  ]
  for (const [query, keep] of cases) {
    const expected = quotes.filter(keep).map((q) => q.id).sort()
    t.ok(expected.length > 0, `${query}: the corpus has some`)
    t.same(ids(await streamAll(app, `/quotes?${query}&fields=id`)), expected, `${query}: ${expected.length} quotes`)
  }
  const said = await streamAll<{ text: string, speaker: { id: string } }>(app, `/quotes?speaker=${LAVROV}&about=${SYRIA}`)
  t.ok(said.every((q) => q.speaker.id === LAVROV && q.text.includes('Syria')))
})

t.test('entity filters: type, q over names and aliases, minArticles', async (t) => {
  const entities = all<{ id: string, name: string, type: string, article_count: number }>('SELECT id, name, type, article_count FROM entities')
  const people = await streamAll(app, '/entities?type=person&minArticles=70&fields=id')
  t.same(ids(people), entities.filter((e) => e.type === 'person' && e.article_count >= 70).map((e) => e.id).sort())
  const named = await walkPages<{ name: string }>(app, '/entities?q=CLIN&limit=5')
  t.same(named.map((e) => e.name), ['Hillary Clinton'])
  t.same((await app.inject('/entities?q=100%25')).json().data, [], 'LIKE wildcards in q are literal')
})

t.test('facets count over the whole filtered set, beside the page', async (t) => {
  const res = (await app.inject(`/quotes?about=${SYRIA}&facet=speaker,kind&facet=cue&facetSize=100&limit=1&count=true`)).json()
  t.equal(res.data.length, 1)
  const total = res.total as number
  for (const facet of ['kind', 'cue']) {
    t.equal((res.facets[facet] as { count: number }[]).reduce((sum, b) => sum + b.count, 0) <= total, true, `${facet} counts stay within the total`)
  }
  t.equal((res.facets.kind as { count: number }[]).reduce((sum, b) => sum + b.count, 0), total, 'every quote has a kind')
  const inSet = await streamAll<{ speaker: { id: string } | null }>(app, `/quotes?about=${SYRIA}`)
  const bySpeaker = new Map<string, number>()
  for (const q of inSet) if (q.speaker) bySpeaker.set(q.speaker.id, (bySpeaker.get(q.speaker.id) ?? 0) + 1)
  t.same(Object.fromEntries((res.facets.speaker as { value: string, count: number }[]).map((b) => [b.value, b.count])), Object.fromEntries(bySpeaker))
  t.match(res.facets.speaker[0], { value: String, name: String, count: Number })

  const articleFacets = (await app.inject(`/articles?speaker=${LAVROV}&facet=entity,dateline,publisher&facetSize=3&limit=1`)).json().facets
  t.equal(articleFacets.entity.length, 3)
  t.equal(articleFacets.entity[0].value, LAVROV, 'every article quoting him mentions him')
  t.equal(articleFacets.entity[0].count, new Set(quotes.filter((q) => q.speaker_id === LAVROV).map((q) => q.article_id)).size)
  t.same(articleFacets.dateline.map((b: { count: number }) => b.count), [...articleFacets.dateline.map((b: { count: number }) => b.count)].sort((a: number, b: number) => b - a))
  const types = (await app.inject('/entities?facet=type')).json().facets.type as { value: string, count: number }[]
  t.equal(types.reduce((sum, b) => sum + b.count, 0), all('SELECT id FROM entities').length)
  t.notOk('total' in (await app.inject('/articles?limit=1')).json(), 'no total unless asked')
  t.notOk('facets' in (await app.inject('/articles?limit=1')).json(), 'no facets unless asked')
})

t.test('fields= chooses fields, expand= embeds quotes and entities (bounded)', async (t) => {
  const page = (await app.inject('/articles?limit=3&fields=title,quoteCount&expand=quotes,entities')).json()
  for (const article of page.data) {
    t.same(Object.keys(article).sort(), ['entities', 'id', 'quoteCount', 'quotes', 'title'])
    t.ok(article.quotes.length <= 10 && article.quotes.length === Math.min(10, article.quoteCount))
    t.ok(article.quotes.every((q: { articleId: string }) => q.articleId === article.id))
    t.ok(article.entities.length > 0 && article.entities.length <= 10 && article.entities[0].mentions.length > 0)
  }
  const quote = (await app.inject('/quotes?limit=1&fields=speaker&fields=kind')).json().data[0]
  t.same(Object.keys(quote).sort(), ['id', 'kind', 'speaker'])
  for (const bad of ['fields=nope', 'facet=speaker', 'expand=paragraphs', 'facetSize=0']) {
    const res = await app.inject(`/articles?${bad}`)
    t.equal(res.statusCode, 400, bad)
    t.equal(res.json().invalidParams[0].name, bad.split('=')[0])
  }
})

t.test('unknown parameters answer 400 naming them; bad values name theirs', async (t) => {
  for (const [path, query, name] of [['/articles', 'entitiy=x', 'entitiy'], ['/quotes', 'speakr=x', 'speakr'], ['/entities', 'kind=person', 'kind'],
    ['/articles', 'from=yesterday', 'from'], ['/quotes', 'kind=rumour', 'kind'], ['/entities', 'minArticles=-1', 'minArticles'],
    ['/stats/timeline', 'interval=hour', 'interval'], ['/articles', `entity=${'e&entity='.repeat(10)}e`, 'entity']]) {
    const res = await app.inject(`${path}?${query}`)
    t.equal(res.statusCode, 400, `${path}?${query}`)
    t.ok(res.json().invalidParams.some((p: { name: string }) => p.name === name), `names ${name}`)
  }
})

t.test('a keyset walk stays exact while articles are added mid-walk', async (t) => {
  const local = await corpusApp(t)
  const before = ids(await streamAll(local, '/articles?fields=id'))
  const seen: string[] = []
  let url: string | null = '/articles?limit=25&fields=id'
  for (let page = 0; url; page++) {
    const body = (await local.inject(url)).json() as { data: { id: string }[], links: { next: string | null } }
    seen.push(...body.data.map((a) => a.id))
    url = body.links.next
    if (page === 2) {
      // newer than the walk's position (not seen), and older (seen when the walk gets there)
      local.submissions.submit({ text: 'Late story\n\nPARIS\n\nThe minister said on Friday that the budget passed.\n', publishedAt: '2030-01-01T00:00:00Z' })
      local.submissions.submit({ text: 'Old story\n\nPARIS\n\nThe minister said that the budget failed.\n', publishedAt: '2015-06-01T00:00:00Z' })
    }
  }
  t.equal(new Set(seen).size, seen.length, 'no article twice')
  t.same(sorted(seen.filter((id) => before.includes(id))), before, 'every article that was there, once')
  t.equal(seen.length, before.length + 1, 'plus the one added behind the walk\'s position')
})

t.test('/stats/timeline counts articles and quotes per period under the same filters', async (t) => {
  for (const interval of ['day', 'week', 'month']) {
    const body = (await app.inject(`/stats/timeline?interval=${interval}&speaker=${LAVROV}`)).json()
    t.equal(body.interval, interval)
    const sum = (key: 'articles' | 'quotes') => body.data.reduce((s: number, p: Record<string, number>) => s + (p[key] ?? 0), 0)
    t.equal(sum('quotes'), quotes.filter((q) => q.speaker_id === LAVROV).length, `${interval}: every quote he spoke`)
    t.equal(sum('articles'), (await app.inject(`/articles?speaker=${LAVROV}&count=true&limit=1`)).json().total, `${interval}: every article quoting him`)
    t.same(body.data.map((p: { period: string }) => p.period), sorted(body.data.map((p: { period: string }) => p.period)), 'oldest first')
  }
  const weeks = (await app.inject('/stats/timeline?interval=week&from=2016-01-01&to=2016-12-31')).json().data as { period: string }[]
  t.ok(weeks.every((w) => new Date(`${w.period}T00:00:00Z`).getUTCDay() === 1), 'weeks start on Monday')
  const months = (await app.inject(`/stats/timeline?entity=${SYRIA}`)).json().data as { period: string, articles: number }[]
  t.ok(months.every((m) => /^\d{4}-\d{2}$/.test(m.period)), 'month by default')
  const syriaArticles = [...(mentionsOf.get(SYRIA) ?? [])].length
  t.equal(months.reduce((s, m) => s + m.articles, 0), syriaArticles)
})
