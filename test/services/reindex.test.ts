import t, { type Test } from 'tap'
import { openDatabase } from '../../src/store/sqlite/connection.js'
import { SqliteStore } from '../../src/store/sqlite/store.js'
import { parseArticle } from '../../src/extract/index.js'
import { compareVersions, reindex, staleVersions } from '../../src/services/reindex.js'
import { parsedArticle, quotedText } from '../helpers.js'

function database (t: Test) {
  const db = openDatabase(':memory:')
  t.teardown(() => db.close())
  const store = new SqliteStore({ database: db })
  return { db, repos: store.repos, store }
}

/** Articles stored by an old extractor that found nothing but a quote by Ada Lovelace. */
function storeOld (repos: SqliteStore['repos'], n: number, version = '0.1.0') {
  const ids: string[] = []
  for (let i = 0; i < n; i++) {
    const text = `Headline ${i}\n\n${quotedText(i)} Sergey Lavrov said the talks in Moscow would go on.`
    ids.push(repos.writer.save(text, i === 0 ? { title: 'Kept title', publisher: 'Wire' } : {}, parsedArticle(text, { title: 'old title' }), version).id)
  }
  return ids
}

t.test('versions order part by part, numerically', async (t) => {
  t.equal(compareVersions('0.2.0', '0.10.0'), -1)
  t.equal(compareVersions('1.0', '1.0.0'), 0)
  t.equal(compareVersions('0.3.0', '0.2.9'), 1)
})

t.test('after a version bump, reindex re-parses every older article in place: same ids, metadata kept, counts right', async (t) => {
  const { db, repos, store } = database(t)
  const ids = storeOld(repos, 7)
  repos.writer.save('Newer article.\n\nNothing here.', {}, parsedArticle('Newer article.\n\nNothing here.'), '9.0.0')
  t.same(await staleVersions(store, '0.3.0'), [{ version: '0.1.0', count: 7 }], 'an article of a newer version is not stale')
  const before = repos.articles.get(ids[0] ?? '')

  const progress: number[] = []
  const summary = await reindex(store, { parser: { parse: parseArticle, version: '0.3.0' }, batchSize: 3, onProgress: (n) => { progress.push(n) } })
  t.same(summary, { reparsed: 7, remaining: 0, interrupted: false })
  t.same(progress, [3, 3, 1], 'batch by batch')
  t.same(await staleVersions(store, '0.3.0'), [])
  for (const id of ids) {
    const article = repos.articles.get(id)
    t.equal(article?.extractorVersion, '0.3.0', `${id} is re-parsed under its id`)
  }
  const first = repos.articles.get(ids[0] ?? '')
  t.match(first, { title: 'Kept title', publisher: 'Wire', createdAt: before?.createdAt }, 'a given title, metadata and creation time stay')
  t.equal(repos.articles.get(ids[1] ?? '')?.title, 'Headline 1', 'a title from the text follows the new parse')
  const lavrov = repos.entities.get('person-sergey-lavrov')
  t.match(lavrov, { articleCount: 7, mentionCount: 7 }, 'the new parse\'s entities are counted')
  const ada = repos.entities.get('person-ada-lovelace')
  const mentions = db.prepare("SELECT count(*) FROM mentions WHERE entity_id = 'person-ada-lovelace'").pluck().get() as number
  t.equal(ada?.mentionCount ?? 0, mentions, 'counters agree with the mentions stored')
  t.same(await reindex(store, { parser: { parse: parseArticle, version: '0.3.0' } }), { reparsed: 0, remaining: 0, interrupted: false },
    'a second run has nothing to do')
})

t.test('an interrupted reindex stops after its batch and a second run finishes the rest', async (t) => {
  const { repos, store } = database(t)
  storeOld(repos, 10)
  const stop = new AbortController()
  const parser = { parse: parseArticle, version: '0.3.0' }
  const first = await reindex(store, { parser, batchSize: 4, signal: stop.signal, onProgress: () => stop.abort() })
  t.same(first, { reparsed: 4, remaining: 6, interrupted: true })
  const second = await reindex(store, { parser, batchSize: 4 })
  t.same(second, { reparsed: 6, remaining: 0, interrupted: false })
})

t.test('a batch that fails to write leaves its articles as they were, to be re-parsed next time', async (t) => {
  const { repos, store } = database(t)
  const ids = storeOld(repos, 3)
  const broken = { parse: () => { throw new Error('pipeline bug') }, version: '0.3.0' }
  await t.rejects(reindex(store, { parser: broken }))
  t.equal(repos.articles.get(ids[0] ?? '')?.extractorVersion, '0.1.0')
  t.equal((await staleVersions(store, '0.3.0'))[0]?.count, 3)
})
