import t from 'tap'
import { ArticleList } from '../../../src/schemas/articles.js'
import { EVIDENCE_LIMIT } from '../../../src/store/sqlite/related-entities.js'
import { parseArticle } from '../../../src/extract/index.js'
import { Entity, EntityList, RelatedEntityList } from '../../../src/schemas/entities.js'
import { QuoteList } from '../../../src/schemas/quotes.js'
import { parsedArticle, quotedText, testApp } from '../../helpers.js'

t.test('entity routes answer the entity, its quotes and its articles', async (t) => {
  const app = await testApp(t)
  for (const i of [0, 1]) await app.store.saveArticle(quotedText(i), {}, parsedArticle(quotedText(i)), 'v1')
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
  for (const url of ['/entities/person-nobody', '/entities/person-nobody/quotes', '/entities/person-nobody/articles', '/entities/person-nobody/related']) {
    const res = await app.inject(url)
    t.equal(res.statusCode, 404, url)
    t.match(res.headers['content-type'], /^application\/problem\+json/, url)
  }
  const bad = await app.inject('/entities?type=planet')
  t.equal(bad.statusCode, 400)
  t.match(bad.json(), { invalidParams: [{ name: 'type', in: 'query' }] })
})

t.test('GET /entities sorts by mentions or articles and finds names by the start of a word', async (t) => {
  const app = await testApp(t)
  const texts = [
    'One\n\nMOSCOW\n\nForeign Minister Sergey Lavrov spoke in Moscow. Lavrov said Moscow, Moscow and Moscow again.',
    'Two\n\nForeign Minister Sergey Lavrov said the Syrian government agreed.',
    'Three\n\nSergey Lavrov said the talks would go on, Ahmad al-Sharaa said.'
  ]
  for (const text of texts) await app.store.saveArticle(text, {}, parseArticle(text), 'v1')
  const ids = async (url: string) => (await app.inject(url)).json().data.map((e: { id: string }) => e.id)
  t.equal((await ids('/entities?limit=1'))[0], 'location-moscow', 'most mentions by default')
  t.equal((await ids('/entities?sort=mentions&limit=1'))[0], 'location-moscow')
  t.equal((await ids('/entities?sort=articles&limit=1'))[0], 'person-sergey-lavrov', 'in most articles')
  const walked: string[] = []
  for (let url: string | null = '/entities?sort=articles&limit=1'; url;) {
    const body = (await app.inject(url)).json() as { data: { id: string }[], links: { next: string | null } }
    walked.push(...body.data.map((e: { id: string }) => e.id))
    url = body.links.next
  }
  t.same(walked.sort(), (await ids('/entities?limit=100')).sort(), 'a keyset walk by articles sees each once')
  t.same(await ids('/entities?q=lavr'), ['person-sergey-lavrov'], 'a word of the name')
  t.same(await ids('/entities?q=SERGEY%20L'), ['person-sergey-lavrov'], 'the start of the name')
  t.same(await ids('/entities?q=sharaa'), ['person-ahmad-al-sharaa'], 'after a hyphen')
  t.same(await ids('/entities?q=avrov'), [], 'not the middle of a word')
  const bad = await app.inject('/entities?sort=quotes')
  t.equal(bad.statusCode, 400)
  t.match(bad.json(), { invalidParams: [{ name: 'sort', in: 'query' }] })
  const cursor = (await app.inject('/entities?limit=1')).json().links.next as string
  t.equal((await app.inject(cursor.replace('limit=1', 'limit=1&sort=articles'))).statusCode, 400, 'a cursor belongs to its order')
})

t.test('GET /entities/{id}/related: co-occurring entities, most shared first, with evidence, keyset-paged', async (t) => {
  const app = await testApp(t)
  const texts = Array.from({ length: 7 }, (_, i) =>
    `Talks go on\n\nForeign Minister Sergey Lavrov said talks in Moscow would go on${i < 2 ? ', Iran said' : ''} (${i}).`)
  const ids: string[] = []
  for (const text of texts) ids.push((await app.store.saveArticle(text, {}, parseArticle(text), 'v1')).id)
  const res = await app.inject('/entities/person-sergey-lavrov/related?limit=1')
  t.equal(res.statusCode, 200)
  const first = RelatedEntityList.strict().parse(res.json())
  t.same(first.data.map((e) => [e.id, e.articleCount]), [['location-moscow', 7]])
  t.equal(first.data[0]?.articleIds.length, EVIDENCE_LIMIT, 'evidence is bounded')
  t.ok(first.data[0]?.articleIds.every((id) => ids.includes(id)))
  const second = RelatedEntityList.parse((await app.inject(first.links.next ?? '')).json())
  t.same(second.data.map((e) => [e.id, e.articleCount, e.articleIds.length]), [['location-iran', 2, 2]])
  t.equal(second.links.next, null)
  const typed = RelatedEntityList.parse((await app.inject('/entities/person-sergey-lavrov/related?type=person')).json())
  t.same(typed.data, [])
  const back = RelatedEntityList.parse((await app.inject('/entities/location-iran/related')).json())
  t.same(back.data.map((e) => e.id), ['location-moscow', 'person-sergey-lavrov'])

  for (const url of ['/entities/person-nobody/related']) t.equal((await app.inject(url)).statusCode, 404)
  const badParams: [string, string][] = [['/entities/person-sergey-lavrov/related?limit=0', 'limit'], ['/entities/person-sergey-lavrov/related?type=planet', 'type'],
    ['/entities/person-sergey-lavrov/related?cursor=bad', 'cursor'], ['/entities/person-sergey-lavrov/related?sort=x', 'sort']]
  for (const [url, name] of badParams) {
    const bad = await app.inject(url)
    t.equal(bad.statusCode, 400, url)
    t.match(bad.json(), { invalidParams: [{ name }] }, url)
  }
})

t.test('an entity answers its identifiers; bad ids and parameters answer 400 on every entity route', async (t) => {
  const app = await testApp(t)
  const text = 'Visit\n\nKyiv\n\nThe Ukrainian envoy flew from Kyiv to Poland on Monday.'
  await app.store.saveArticle(text, {}, parseArticle(text), 'v1')
  t.same(Entity.strict().parse((await app.inject('/entities/location-kyiv')).json()).identifiers, { geonamesId: 703448 })
  t.same(Entity.strict().parse((await app.inject('/entities/location-poland')).json()).identifiers, { iso3166: 'PL' })
  const csv = (await app.inject({ url: '/entities?type=location', headers: { accept: 'text/csv' } })).body
  t.match(csv, /^id,name,type,aliases,titles,articleCount,mentionCount,quoteCount,iso3166,geonamesId\r\n/)
  t.match(csv, /location-poland,Poland,location,Poland,,1,1,0,PL,\r\n/)
  const long = 'x'.repeat(201)
  for (const url of [`/entities/${long}`, `/entities/${long}/quotes`, `/entities/${long}/articles`, `/entities/${long}/related`]) {
    t.equal((await app.inject(url)).statusCode, 400, 'an id too long')
  }
  for (const url of ['/entities/location-poland/quotes?limit=101', '/entities/location-poland/articles?what=1']) {
    t.equal((await app.inject(url)).statusCode, 400, url)
  }
})
