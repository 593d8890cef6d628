import t from 'tap'
import { Quote, QuoteList } from '../../../src/schemas/quotes.js'
import { parsedArticle, quotedText, testApp } from '../../helpers.js'

t.test('GET /quotes filters by speaker, article and kind, and pages', async (t) => {
  const app = await testApp(t)
  const ids: string[] = []
  for (const i of [0, 1, 2]) ids.push((await app.store.saveArticle(quotedText(i), {}, parsedArticle(quotedText(i)), 'v1')).id)
  await app.store.saveArticle('Nobody said a word here.', {}, parsedArticle('Nobody said a word here.', { entities: [] }), 'v1')

  const all = QuoteList.strict().parse((await app.inject('/quotes?limit=100')).json())
  t.equal(all.data.length, 4)
  const bySpeaker = QuoteList.parse((await app.inject('/quotes?speaker=person-ada-lovelace')).json())
  t.equal(bySpeaker.data.length, 3)
  t.ok(bySpeaker.data.every((q) => q.speaker?.id === 'person-ada-lovelace'))
  const byArticle = QuoteList.parse((await app.inject(`/quotes?articleId=${ids[1]}&kind=indirect`)).json())
  t.same(byArticle.data.map((q) => q.articleId), [ids[1]])
  t.same(QuoteList.parse((await app.inject('/quotes?kind=direct')).json()).data, [])

  const first = QuoteList.parse((await app.inject('/quotes?limit=3')).json())
  t.equal(first.data.length, 3)
  t.type(first.links.next, 'string')
  const second = QuoteList.parse((await app.inject(first.links.next ?? '')).json())
  t.equal(second.data.length, 1)
  t.equal(second.links.next, null)
})

t.test('GET /quotes/{id} answers the quote, 404 otherwise', async (t) => {
  const app = await testApp(t)
  await app.store.saveArticle(quotedText(9), {}, parsedArticle(quotedText(9)), 'v1')
  const listed = QuoteList.parse((await app.inject('/quotes')).json()).data[0]
  const res = await app.inject(`/quotes/${listed?.id}`)
  t.equal(res.statusCode, 200)
  t.same(Quote.strict().parse(res.json()), listed)
  const missing = await app.inject('/quotes/nope')
  t.equal(missing.statusCode, 404)
  t.match(missing.headers['content-type'], /^application\/problem\+json/)
})

t.test('bad quote filters answer 400 naming them', async (t) => {
  const app = await testApp(t)
  const cases: [string, string][] = [['/quotes?kind=shouted', 'kind'], ['/quotes?speakr=x', 'speakr'], ['/quotes?limit=1000', 'limit']]
  for (const [url, name] of cases) {
    const res = await app.inject(url)
    t.equal(res.statusCode, 400, url)
    t.match(res.json(), { invalidParams: [{ name }] }, url)
  }
})
