import t from 'tap'
import { QuoteList } from '../../../src/schemas/quotes.js'
import { QuoteEchoList, StatementDetail, StatementList } from '../../../src/schemas/statements.js'
import { API_KEY, AUTH, testApp } from '../../helpers.js'
import {
  ECHO_ARTICLES, MISQUOTED, ORIGINAL, OTHER_SPEAKER_STOCK_PHRASE, SYNDICATED, TRIMMED
} from '../../store/statements/echo-articles.js'

// The judge's scenario of issue 17 through HTTP: articles posted, echoes asked, one deleted.
async function postAll (t: Parameters<typeof testApp>[0]) {
  const app = await testApp(t, { apiKeys: [API_KEY] })
  const ids = new Map<string, string>()
  for (const a of ECHO_ARTICLES) {
    const res = await app.inject({ method: 'POST', url: '/articles', headers: AUTH, payload: { text: a.text, publisher: a.publisher, publishedAt: a.publishedAt } })
    t.equal(res.statusCode, 201, a.name)
    ids.set(a.name, (res.json() as { id: string }).id)
  }
  const quotesOf = async (name: string) => QuoteList.parse((await app.inject(`/quotes?articleId=${ids.get(name) ?? ''}&limit=100`)).json()).data
  const saying = async (name: string, words: string) => {
    const quote = (await quotesOf(name)).find((q) => q.text.includes(words))
    if (!quote) throw new Error(`no "${words}" in ${name}`)
    return quote
  }
  return { app, ids, saying }
}

t.test('GET /quotes/{id}/echoes names the other articles with their relation, oldest first', async (t) => {
  const { app, ids, saying } = await postAll(t)
  const promise = await saying(ORIGINAL.name, 'every school')
  const echoes = QuoteEchoList.strict().parse((await app.inject(`/quotes/${promise.id}/echoes`)).json())
  t.same(echoes.data.map((e) => [e.articleId, e.echo.relation]), [
    [ids.get(SYNDICATED.name), 'exact'],
    [ids.get(TRIMMED.name), 'contains'],
    [ids.get(MISQUOTED.name), 'variant']
  ])
  const variant = echoes.data[2]
  const changed = variant?.echo.differences
  t.same(changed?.here.map((s) => promise.text.slice(s.start, s.end)), ['flood'], 'the word that differs, in this quote')
  t.same(changed?.there.map((s) => variant?.text.slice(s.start, s.end)), ['storm'], 'and in the echo')
  t.ok((variant?.echo.similarity ?? 0) > 0.4 && (variant?.echo.similarity ?? 1) < 1)

  const trimmed = await saying(TRIMMED.name, 'every school')
  const fromTrimmed = QuoteEchoList.parse((await app.inject(`/quotes/${trimmed.id}/echoes`)).json())
  t.same(fromTrimmed.data.map((e) => [e.articleId, e.echo.relation]).slice(0, 2), [
    [ids.get(ORIGINAL.name), 'contained'],
    [ids.get(SYNDICATED.name), 'contained']
  ])
  const paged = QuoteEchoList.parse((await app.inject(`/quotes/${promise.id}/echoes?limit=2`)).json())
  t.equal(paged.data.length, 2)
  t.equal(QuoteEchoList.parse((await app.inject(paged.links.next ?? '')).json()).data[0]?.articleId, ids.get(MISQUOTED.name))

  const stock = await saying(OTHER_SPEAKER_STOCK_PHRASE.name, 'We will see')
  t.same(QuoteEchoList.parse((await app.inject(`/quotes/${stock.id}/echoes`)).json()).data, [], "the governor's stock phrase echoes nobody")
  t.equal((await app.inject('/quotes/nope/echoes')).statusCode, 404)
})

t.test('GET /statements and /statements/{id}: first appearance, counts, quotes and wordings; minEchoes', async (t) => {
  const { app, ids, saying } = await postAll(t)
  const promise = await saying(ORIGINAL.name, 'every school')
  const statement = StatementDetail.strict().parse((await app.inject(`/statements/${promise.statementId ?? ''}`)).json())
  t.match(statement, {
    id: promise.id,
    speaker: { name: 'Amara Okafor' },
    articles: 4,
    publishers: 4,
    firstAppearance: { articleId: ids.get(ORIGINAL.name), publisher: 'Wire Agency', at: '2026-03-02T08:00:00.000Z' }
  })
  t.same(statement.quotes.map((q) => q.articleId), [ORIGINAL, SYNDICATED, TRIMMED, MISQUOTED].map((a) => ids.get(a.name)))
  t.same(statement.variants.map((v) => [v.articles, v.relation]), [[2, 'exact'], [1, 'contained'], [1, 'variant']])

  const widest = StatementList.strict().parse((await app.inject('/statements?sort=articles&minArticles=3&count=true')).json())
  t.same(widest.data.map((s) => s.id), [promise.id])
  t.equal(widest.total, 1)
  const bySpeaker = StatementList.parse((await app.inject(`/statements?speaker=${promise.speaker?.id ?? ''}&sort=oldest&limit=100`)).json())
  t.ok(bySpeaker.data.length >= 3 && bySpeaker.data.every((s) => s.speaker?.id === promise.speaker?.id))
  const april = StatementList.parse((await app.inject('/statements?from=2026-04-01')).json())
  t.ok(april.data.length > 0 && april.data.every((s) => s.firstAppearance.at >= '2026-04-01'))
  const carried = QuoteList.parse((await app.inject('/quotes?minEchoes=3&limit=100')).json())
  t.ok(carried.data.length === 4 && carried.data.every((q) => q.statementId === promise.id))
  t.equal((await app.inject('/statements/nope')).statusCode, 404)
  t.equal((await app.inject('/statements?sort=loudest')).statusCode, 400)
  t.equal((await app.inject('/quotes?minEchoes=0')).statusCode, 400)
})

t.test('a deleted article leaves the echoes of every quote', async (t) => {
  const { app, ids, saying } = await postAll(t)
  const promise = await saying(ORIGINAL.name, 'every school')
  const deleted = await app.inject({ method: 'DELETE', url: `/articles/${ids.get(SYNDICATED.name) ?? ''}`, headers: AUTH })
  t.equal(deleted.statusCode, 204)
  const echoes = QuoteEchoList.parse((await app.inject(`/quotes/${promise.id}/echoes`)).json())
  t.same(echoes.data.map((e) => e.articleId), [ids.get(TRIMMED.name), ids.get(MISQUOTED.name)])
  t.match(StatementDetail.parse((await app.inject(`/statements/${promise.id}`)).json()), { articles: 3, publishers: 3 })
})
