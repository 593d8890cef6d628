import t from 'tap'
import { ArticleList } from '../../src/schemas/articles.js'
import { Entity, EntityList } from '../../src/schemas/entities.js'
import { QuoteList } from '../../src/schemas/quotes.js'
import { parsedArticle, quotedText, testApp } from '../helpers.js'

t.test('entity routes answer the entity, its quotes and its articles', async (t) => {
  const app = await testApp(t)
  for (const i of [0, 1]) app.repos.writer.save(quotedText(i), {}, parsedArticle(quotedText(i)), 'v1')
  const list = EntityList.strict().parse((await app.inject('/entities')).json())
  t.same(list.data.map((e) => e.id), ['person-ada-lovelace'])
  t.same(EntityList.parse((await app.inject('/entities?type=location')).json()).data, [])

  const entity = Entity.strict().parse((await app.inject('/entities/person-ada-lovelace')).json())
  t.match(entity, { name: 'Ada Lovelace', type: 'person', articleCount: 2, mentionCount: 2, quoteCount: 2 })
  t.equal(QuoteList.parse((await app.inject('/entities/person-ada-lovelace/quotes')).json()).data.length, 2)
  t.equal(ArticleList.parse((await app.inject('/entities/person-ada-lovelace/articles')).json()).data.length, 2)
})

t.test('an unknown entity answers 404 on each of its routes; a bad type 400', async (t) => {
  const app = await testApp(t)
  for (const url of ['/entities/person-nobody', '/entities/person-nobody/quotes', '/entities/person-nobody/articles']) {
    const res = await app.inject(url)
    t.equal(res.statusCode, 404, url)
    t.match(res.headers['content-type'], /^application\/problem\+json/, url)
  }
  const bad = await app.inject('/entities?type=planet')
  t.equal(bad.statusCode, 400)
  t.match(bad.json(), { invalidParams: [{ name: 'type', in: 'query' }] })
})
