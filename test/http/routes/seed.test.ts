import t from 'tap'
import { z } from 'zod'
import { Article, ArticleList } from '../../../src/schemas/articles.js'
import { ArticleEntityList, Entity } from '../../../src/schemas/entities.js'
import { Quote, QuoteList } from '../../../src/schemas/quotes.js'
import { seedDatabase } from '../../../src/services/ingest.js'
import { SEED_DIR, testApp } from '../../helpers.js'

/** The examples in the OpenAPI document are the seed article's real data; they must not go stale. */
function exampleOf<T extends z.ZodType> (schema: T): unknown {
  return (z.globalRegistry.get(schema)?.examples as unknown[] | undefined)?.[0]
}

t.test('the seed article is served as the API promises', async (t) => {
  const app = await testApp(t, { seed: true })
  const list = ArticleList.parse((await app.inject('/articles')).json())
  t.equal(list.data.length, 1)
  const summary = list.data[0]
  if (!summary) throw new Error('no seed article')
  t.equal(summary.title, 'Russia in discussions with Syria about maintaining its military presence: Lavrov')
  t.same(summary.dateline, { text: 'MOSCOW', place: 'MOSCOW', agency: null, date: null })
  t.match(summary.lede, /^Russia is currently in negotiations/)

  const article = Article.parse((await app.inject(`/articles/${summary.id}`)).json())
  t.equal(article.paragraphs.filter((p) => p.kind === 'paragraph').length, 15)
  t.same(article.paragraphs.filter((p) => p.kind === 'heading').map((p) => p.text), ['US to withdraw all troops from Syria: reports'])
  for (const p of article.paragraphs) t.equal(article.text.slice(p.start, p.end), p.text, `paragraph ${p.index} slices its text`)

  const quotes = QuoteList.parse((await app.inject(`/articles/${summary.id}/quotes?limit=100`)).json()).data
  t.equal(quotes.length, summary.quoteCount)
  t.equal(quotes.filter((q) => q.kind === 'direct').length, 2)
  for (const q of quotes) {
    for (const span of [q.cue, q.source]) if (span) t.equal(article.text.slice(span.start, span.end), span.text, `${q.id} span slices`)
    t.equal(q.spans.map((s) => article.text.slice(s.start, s.end)).join(' '), q.text, `${q.id} text is its spans`)
  }
  const bySpeaker = (name: string | null) => quotes.filter((q) => (q.speaker?.name ?? null) === name).length
  t.ok(bySpeaker('Sergey Lavrov') >= 10, 'most quotes are Lavrov\'s')
  t.equal(bySpeaker('Wall Street Journal'), 1)
  t.match(quotes.find((q) => q.source?.text === 'media reports'), { speaker: null, kind: 'indirect' })

  const entities = ArticleEntityList.parse((await app.inject(`/articles/${summary.id}/entities?limit=100`)).json()).data
  t.equal(entities.length, summary.entityCount)
  const lavrov = entities.filter((e) => e.mentions.some((m) => /Lavrov/.test(m.text)))
  t.equal(lavrov.length, 1, 'Lavrov is one entity')
  t.same(lavrov[0]?.mentions.map((m) => m.text), ['Lavrov', 'Sergey Lavrov', 'Lavrov', 'Lavrov', 'Lavrov', 'The top Russian diplomat'])

  t.same(exampleOf(Quote), quotes.find((q) => q.id === (exampleOf(Quote) as { id: string }).id), 'the Quote example is real')
  t.same(exampleOf(Entity), Entity.parse((await app.inject('/entities/person-sergey-lavrov')).json()), 'the Entity example is real')
  t.same({ ...(exampleOf(ArticleList.shape.data.element) as object), createdAt: summary.createdAt }, summary, 'the ArticleSummary example is real')
})

t.test('seeding twice changes nothing', async (t) => {
  const app = await testApp(t, { seed: true })
  const before = (await app.inject('/articles')).json()
  const summary = await seedDatabase(app.store, SEED_DIR)
  t.same(summary, { created: 0, existing: 1, failed: 0, failures: [] })
  t.same((await app.inject('/articles')).json(), before)
})
