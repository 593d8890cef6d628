// Canonical entities across articles, through the real pipeline and the writer's resolver, read
// back through app.inject on fresh in-memory databases.
import t from 'tap'
import type { App } from '../../../src/app.js'
import { parseArticle } from '../../../src/extract/index.js'
import { reindex } from '../../../src/services/reindex.js'
import { dbOf, AUTH, API_KEY, parsedArticle, testApp } from '../../helpers.js'
import { Entity } from '../../../src/schemas/entities.js'

const SERGEY = 'Russia talks\n\nMOSCOW\n\nForeign Minister Sergey Lavrov met officials in Moscow on Monday, the ministry said. ' +
  'Russia wants calm, Lavrov said.'
const SURNAME_IN_MOSCOW = 'Course kept\n\nMOSCOW\n\nLavrov said Russia would not change course, speaking in Moscow on Friday.'
const TITLED_SURNAME = 'Ministers meet\n\nBERLIN\n\nForeign Minister Lavrov said the talks in Berlin would go on.'
const ANNA = 'Chess final\n\nLONDON\n\nThe chess player Anna Lavrov won the final in London on Sunday. Lavrov said she was tired.'
const SURNAME_ALONE = 'A statement\n\nLavrov said the decision was final, and nobody else commented.'
const SDF_SPELLED = 'Forces advance\n\nThe Syrian Democratic Forces (SDF) said they held the town. The SDF is backed by the US.'
const SDF_ALONE = 'Town held\n\nThe SDF said on Monday that it still held the town near the border.'

async function store (app: App, ...texts: string[]): Promise<string[]> {
  const ids: string[] = []
  for (const text of texts) ids.push((await app.store.saveArticle(text, {}, parseArticle(text), 'v1')).id)
  return ids
}

async function entity (app: App, id: string) {
  const res = await app.inject(`/entities/${id}`)
  return res.statusCode === 200 ? Entity.strict().parse(res.json()) : null
}

/** Entities whose counters disagree with the rows they count, or that no article mentions. */
export function countProblems (app: App): unknown[] {
  return dbOf(app).prepare(`SELECT e.id, e.article_count, e.mention_count, e.quote_count FROM entities e
    WHERE e.article_count <> (SELECT count(*) FROM article_entities WHERE entity_id = e.id)
       OR e.mention_count <> (SELECT count(*) FROM mentions WHERE entity_id = e.id)
       OR e.quote_count <> (SELECT count(*) FROM quotes WHERE speaker_id = e.id)
       OR e.article_count = 0
    UNION ALL SELECT a.id, a.entity_count, NULL, NULL FROM articles a
    WHERE a.entity_count <> (SELECT count(*) FROM article_entities WHERE article_id = a.id)`).all()
}

t.test('in one article, every mention of a referent is one entity: names, surnames, descriptors, short forms', async (t) => {
  const app = await testApp(t)
  const [id] = await store(app, 'Talks\n\nMOSCOW\n\nForeign Minister Sergey Lavrov met U.S. officials on Monday. ' +
    'Lavrov said the US and Russia would talk again.\n\n"We are ready," the top Russian diplomat said of the United States.')
  const entities = (await app.inject(`/articles/${id}/entities`)).json().data as { id: string, mentions: { text: string }[] }[]
  const mentions = (entityId: string) => entities.find((e) => e.id === entityId)?.mentions.map((m) => m.text)
  t.same(mentions('person-sergey-lavrov'), ['Sergey Lavrov', 'Lavrov', 'the top Russian diplomat'])
  t.same(mentions('location-united-states'), ['U.S.', 'US', 'United States'])
})

t.test('one person named two ways in two articles is one entity, submitted through the API', async (t) => {
  const app = await testApp(t, { apiKeys: [API_KEY] })
  for (const text of [SERGEY, SURNAME_IN_MOSCOW, TITLED_SURNAME]) {
    const res = await app.inject({ method: 'POST', url: '/articles', headers: { ...AUTH, 'content-type': 'text/plain' }, payload: text })
    t.equal(res.statusCode, 201)
  }
  t.match(await entity(app, 'person-sergey-lavrov'), {
    name: 'Sergey Lavrov', aliases: ['Lavrov', 'Sergey Lavrov'], titles: ['Foreign Minister'], articleCount: 3, quoteCount: 3
  })
  t.equal(await entity(app, 'person-lavrov'), null, 'no entity for the surname alone')
  const speakers = (await app.inject('/quotes?fields=speaker')).json().data.map((q: { speaker: { id: string } | null }) => q.speaker?.id)
  t.same([...new Set(speakers.filter(Boolean))], ['person-sergey-lavrov'], 'each article\'s quotes point at the one entity')
  const articles = (await app.inject('/entities/person-sergey-lavrov/articles')).json().data
  t.equal(articles.length, 3)
  const names = (await app.inject(`/articles/${articles[0].id}/entities`)).json().data.map((e: { name: string }) => e.name)
  t.ok(names.includes('Sergey Lavrov'), 'under an article, the canonical name')
  t.same(countProblems(app), [])
})

t.test('a full name arriving after its surname was stored alone takes that entity over', async (t) => {
  const app = await testApp(t)
  await store(app, SURNAME_ALONE)
  t.match(await entity(app, 'person-lavrov'), { articleCount: 1, quoteCount: 1 })
  await store(app, SERGEY)
  t.equal(await entity(app, 'person-lavrov'), null)
  t.match(await entity(app, 'person-sergey-lavrov'), { articleCount: 2, quoteCount: 2, aliases: ['Lavrov', 'Sergey Lavrov'] })
  t.same(countProblems(app), [])
})

t.test('a surname without its particle finds the full name: "Sharaa" for "Ahmad al-Sharaa", in either order', async (t) => {
  const full = 'Talks\n\nDAMASCUS\n\nSyrian President Ahmad al-Sharaa met envoys in Damascus on Monday.'
  const bare = 'More\n\nDAMASCUS\n\nSharaa said Syria would hold elections, speaking in Damascus.'
  for (const order of [[full, bare], [bare, full]]) {
    const app = await testApp(t)
    await store(app, ...order)
    t.match(await entity(app, 'person-ahmad-al-sharaa'), { articleCount: 2, quoteCount: 1, aliases: ['Ahmad al-Sharaa', 'Sharaa'], titles: ['President'] })
    t.equal(await entity(app, 'person-sharaa'), null)
    t.same(countProblems(app), [])
  }
})

t.test('a surname two stored people share: the one whose company fits, else its own entity', async (t) => {
  const app = await testApp(t)
  await store(app, SERGEY, ANNA)
  const [moscow, alone, titled] = await store(app, SURNAME_IN_MOSCOW, SURNAME_ALONE, TITLED_SURNAME)
  const idsIn = async (id: string | undefined) => (await app.inject(`/articles/${id}/entities`)).json().data.map((e: { id: string }) => e.id)
  t.ok((await idsIn(moscow)).includes('person-sergey-lavrov'), 'Moscow and Russia are Sergey Lavrov\'s company')
  t.ok((await idsIn(titled)).includes('person-sergey-lavrov'), 'the Foreign Minister title is his')
  t.same(await idsIn(alone), ['person-lavrov'], 'nothing tells them apart: kept separate, not guessed')
  t.match(await entity(app, 'person-anna-lavrov'), { articleCount: 1 })
  t.match(await entity(app, 'person-sergey-lavrov'), { articleCount: 3 })
  t.same(countProblems(app), [])
})

t.test('an acronym joins the organisation an earlier article spelled out; countries and cities carry identifiers', async (t) => {
  const app = await testApp(t)
  const [, alone] = await store(app, SDF_SPELLED, SDF_ALONE, SERGEY)
  const ids = (await app.inject(`/articles/${alone}/entities`)).json().data.map((e: { id: string }) => e.id)
  t.same(ids, ['organization-syrian-democratic-forces'])
  t.match(await entity(app, 'organization-syrian-democratic-forces'), { articleCount: 2, identifiers: {} })
  t.match(await entity(app, 'location-united-states'), { name: 'United States', aliases: ['US', 'United States'], identifiers: { iso3166: 'US' } })
  t.same((await entity(app, 'location-russia'))?.identifiers, { iso3166: 'RU' })
  t.same((await entity(app, 'location-moscow'))?.identifiers, { geonamesId: 524901 })
  t.same((await entity(app, 'person-sergey-lavrov'))?.identifiers, {})
})

t.test('an acronym stored alone joins the organisation once an article spells it out', async (t) => {
  const app = await testApp(t)
  const [alone] = await store(app, SDF_ALONE)
  t.match(await entity(app, 'organization-sdf'), { articleCount: 1, quoteCount: 1 })
  await store(app, SDF_SPELLED)
  t.equal(await entity(app, 'organization-sdf'), null)
  t.match(await entity(app, 'organization-syrian-democratic-forces'), { articleCount: 2, quoteCount: 2, aliases: ['SDF', 'Syrian Democratic Forces'] })
  const ids = (await app.inject(`/articles/${alone}/entities`)).json().data.map((e: { id: string }) => e.id)
  t.same(ids, ['organization-syrian-democratic-forces'])
  t.same(countProblems(app), [])
})

t.test('a parse that splits a name from its short form in one article still writes, counters right', async (t) => {
  const app = await testApp(t)
  const org = (id: string, name: string, aliases: string[], start: number, text: string) =>
    ({ id, name, type: 'organization' as const, aliases, titles: [], mentions: [{ start, end: start + text.length, text }] })
  const first = 'The SDF held the town.'
  await app.store.saveArticle(first, {}, parsedArticle(first, { entities: [org('organization-sdf', 'SDF', ['SDF'], 4, 'SDF')], quotes: [] }), 'v1')
  const second = 'The Syrian Democratic Forces (SDF) held it; the SDF said so.'
  const entities = [org('organization-sdf', 'SDF', ['SDF'], 44, 'SDF'),
    org('organization-syrian-democratic-forces', 'Syrian Democratic Forces', ['Syrian Democratic Forces', 'SDF'], 4, 'Syrian Democratic Forces')]
  await app.store.saveArticle(second, {}, parsedArticle(second, { entities, quotes: [] }), 'v1')
  t.same(countProblems(app), [])
  t.match(await entity(app, 'organization-syrian-democratic-forces'), { articleCount: 2 })
})

t.test('deleting and re-parsing keep every counter right; entities left without mentions go', async (t) => {
  const app = await testApp(t, { apiKeys: [API_KEY] })
  const [sergey, moscow, anna, alone] = await store(app, SERGEY, SURNAME_IN_MOSCOW, ANNA, SURNAME_ALONE, TITLED_SURNAME, SDF_SPELLED, SDF_ALONE)
  t.same(countProblems(app), [])
  const summary = await reindex(app.store, { parser: { parse: parseArticle, version: 'v2' }, batchSize: 3 })
  t.equal(summary.reparsed, 7)
  t.same(countProblems(app), [], 'after a re-parse of everything')
  t.match(await entity(app, 'person-sergey-lavrov'), { articleCount: 3 })

  for (const id of [anna, alone]) t.equal((await app.inject({ method: 'DELETE', url: `/articles/${id}`, headers: AUTH })).statusCode, 204)
  t.equal(await entity(app, 'person-anna-lavrov'), null)
  t.equal(await entity(app, 'person-lavrov'), null)
  t.equal(await entity(app, 'location-london'), null)
  t.same(countProblems(app), [])
  for (const id of [sergey, moscow]) await app.inject({ method: 'DELETE', url: `/articles/${id}`, headers: AUTH })
  t.match(await entity(app, 'person-sergey-lavrov'), { name: 'Sergey Lavrov', articleCount: 1 }, 'the name stays while an article mentions him')
  t.equal(await entity(app, 'location-moscow'), null)
  t.same(countProblems(app), [])
})

t.test('an id merged into another answers 308 to the same route under the new id; an id stored again is itself', async (t) => {
  const app = await testApp(t, { apiKeys: [API_KEY] })
  const [alone] = await store(app, SURNAME_ALONE)
  await store(app, SERGEY)
  for (const route of ['', '/quotes', '/articles', '/related']) {
    const res = await app.inject(`/entities/person-lavrov${route}?limit=5`)
    t.equal(res.statusCode, 308, route)
    t.equal(res.headers.location, `/entities/person-sergey-lavrov${route}?limit=5`, route)
  }
  t.equal((await app.inject('/entities/person-lavrov/quotes?limit=0')).statusCode, 400, 'parameters are checked first')
  // a second Lavrov makes the surname ambiguous: a new article saying only "Lavrov" stores person-lavrov again
  await store(app, ANNA)
  await app.inject({ method: 'DELETE', url: `/articles/${alone}`, headers: AUTH })
  await store(app, SURNAME_ALONE)
  t.equal((await app.inject('/entities/person-lavrov')).statusCode, 200, 'the id lives again')
  for (const id of dbOf(app).prepare('SELECT id FROM articles').pluck().all() as string[]) {
    await app.inject({ method: 'DELETE', url: `/articles/${id}`, headers: AUTH })
  }
  t.same(dbOf(app).prepare('SELECT * FROM entity_redirects').all(), [], 'redirects go with their entities')
  t.equal((await app.inject('/entities/person-lavrov')).statusCode, 404)
})
