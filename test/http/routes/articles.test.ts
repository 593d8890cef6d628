import t from 'tap'
import { Article, ArticleList } from '../../../src/schemas/articles.js'
import { ArticleEntityList } from '../../../src/schemas/entities.js'
import { QuoteList } from '../../../src/schemas/quotes.js'
import { parsedArticle, quotedText, testApp } from '../../helpers.js'

async function appWithArticles (t: Parameters<typeof testApp>[0], n: number) {
  const app = await testApp(t)
  const ids = []
  for (let i = 0; i < n; i++) ids.push((await app.store.saveArticle(quotedText(i), {}, parsedArticle(quotedText(i)), 'v1')).id)
  return { app, ids }
}

t.test('GET /articles lists summaries and follows links.next through every article once', async (t) => {
  const { app, ids } = await appWithArticles(t, 5)
  const seen: string[] = []
  for (let url: string | null = '/articles?limit=2'; url;) {
    const res = await app.inject(url)
    t.equal(res.statusCode, 200)
    const body = ArticleList.strict().parse(res.json())
    t.equal(body.links.self, url)
    t.notOk('text' in (res.json().data[0] ?? {}), 'list items carry no text')
    seen.push(...body.data.map((a) => a.id))
    url = body.links.next
  }
  t.same(seen.sort(), ids.sort())
})

t.test('GET /articles?entity= lists the articles that mention it', async (t) => {
  const { app } = await appWithArticles(t, 3)
  await app.store.saveArticle('No one is quoted here.', {}, parsedArticle('No one is quoted here.'), 'v1')
  const res = await app.inject('/articles?entity=person-ada-lovelace&limit=100')
  t.equal(res.json().data.length, 3)
  t.same((await app.inject('/articles?entity=person-nobody')).json().data, [])
})

t.test('GET /articles/{id} answers the article with text and paragraphs, 404 otherwise', async (t) => {
  const { app, ids } = await appWithArticles(t, 1)
  const res = await app.inject(`/articles/${ids[0]}`)
  t.equal(res.statusCode, 200)
  const article = Article.strict().parse(res.json())
  t.equal(article.text, quotedText(0))
  t.equal(article.paragraphs.length, 1)

  const missing = await app.inject('/articles/does-not-exist')
  t.equal(missing.statusCode, 404)
  t.match(missing.headers['content-type'], /^application\/problem\+json/)
  t.match(missing.json(), { status: 404, title: 'Not Found', detail: /does-not-exist/ })
})

t.test('GET /articles/{id}/quotes and /entities answer in document order, 404 for an unknown article', async (t) => {
  const { app, ids } = await appWithArticles(t, 1)
  const quotes = QuoteList.strict().parse((await app.inject(`/articles/${ids[0]}/quotes`)).json())
  t.match(quotes.data, [{ kind: 'indirect', cue: { text: 'said' }, speaker: { id: 'person-ada-lovelace' } }])
  const entities = ArticleEntityList.strict().parse((await app.inject(`/articles/${ids[0]}/entities`)).json())
  t.match(entities.data, [{ id: 'person-ada-lovelace', mentions: [{ text: 'Ada Lovelace' }] }])
  for (const sub of ['quotes', 'entities']) {
    const res = await app.inject(`/articles/nope/${sub}`)
    t.equal(res.statusCode, 404, `${sub} of an unknown article`)
  }
})

t.test('bad list parameters answer 400 problems naming the parameter', async (t) => {
  const app = await testApp(t)
  const cases: [string, string][] = [
    ['/articles?limit=0', 'limit'],
    ['/articles?limit=101', 'limit'],
    ['/articles?limit=ten', 'limit'],
    ['/articles?cursor=not-a-cursor', 'cursor'],
    ['/articles?entiy=x', 'entiy'],
    ['/articles/x/quotes?limit=-1', 'limit'],
    ['/articles/x/entities?kind=direct', 'kind']
  ]
  for (const [url, name] of cases) {
    const res = await app.inject(url)
    t.equal(res.statusCode, 400, url)
    t.match(res.headers['content-type'], /^application\/problem\+json/, url)
    t.match(res.json(), { status: 400, invalidParams: [{ name, in: 'query' }] }, url)
  }
})
