import t from 'tap'
import { buildApp, type App } from '../../../src/app.js'
import { SqliteStore } from '../../../src/store/sqlite/store.js'
import { queueBulkJob } from '../../../src/services/jobs.js'
import { API_KEY, AUTH, dbOf, testApp } from '../../helpers.js'

const ASYNC = { ...AUTH, 'content-type': 'application/x-ndjson', prefer: 'respond-async' }
const story = (n: number) => JSON.stringify({ text: `Story ${n} headline\n\nThe council approved plan ${n}, the mayor said on Monday.` })

/** The job at `location`, once its runner is done with what is queued. */
async function finished (app: App, location: string) {
  await app.jobs.idle()
  const res = await app.inject(location)
  return { status: res.statusCode, job: res.json(), headers: res.headers }
}

t.test('a bulk body sent with Prefer: respond-async is a job: 202, Location, and its progress at /jobs/{id}', async (t) => {
  const app = await testApp(t, { apiKeys: [API_KEY], parseWorkers: 0 })
  const body = [story(1), '{"text": oops}', story(2), story(1), ''].join('\n')
  const res = await app.inject({ method: 'POST', url: '/articles/bulk', headers: ASYNC, payload: body })
  t.equal(res.statusCode, 202)
  t.equal(res.headers['preference-applied'], 'respond-async')
  t.match(res.headers.vary, /Prefer/)
  const location = res.headers.location as string
  t.match(location, /^\/jobs\/[0-9a-f-]{36}$/)
  t.match(res.json(), { id: location.slice('/jobs/'.length), kind: 'bulk', state: 'queued' })

  const { status, job, headers } = await finished(app, location)
  t.equal(status, 200)
  t.equal(headers['cache-control'], 'no-store')
  t.match(job, { state: 'succeeded', counts: { done: 4, total: 4, created: 2, existing: 1, failed: 1 }, error: null })
  t.match(job.failures, [{ line: 2, problem: { status: 400, detail: /line 2: is not JSON/, instance: `${location}#line=2` } }], 'the poisoned line fails alone')
  t.equal((await app.inject('/articles?count=true')).json().total, 2, 'the good lines are stored')
})

t.test('without the preference, bulk streams its results as before', async (t) => {
  const app = await testApp(t, { apiKeys: [API_KEY], parseWorkers: 0 })
  const res = await app.inject({ method: 'POST', url: '/articles/bulk', headers: { ...ASYNC, prefer: 'return=minimal' }, payload: story(1) })
  t.equal(res.statusCode, 200)
  t.match(res.headers['content-type'], /^application\/x-ndjson/)
  t.equal(res.headers['preference-applied'], undefined)
})

t.test('an unknown job is a 404 problem; a job needs a key to be queued', async (t) => {
  const app = await testApp(t, { apiKeys: [API_KEY] })
  const res = await app.inject('/jobs/nope')
  t.equal(res.statusCode, 404)
  t.match(res.headers['content-type'], /application\/problem\+json/)
  t.equal((await app.inject({ method: 'POST', url: '/reindex' })).statusCode, 401)
})

t.test('POST /reindex queues a re-extraction of articles parsed by an older extractor', async (t) => {
  const app = await testApp(t, { apiKeys: [API_KEY], seed: true })
  dbOf(app).prepare("UPDATE articles SET extractor_version = '0.0.1'").run()
  const res = await app.inject({ method: 'POST', url: '/reindex', headers: AUTH })
  t.equal(res.statusCode, 202)
  t.match(res.json(), { kind: 'reindex', state: 'queued', counts: { total: 1 } })
  const { job } = await finished(app, res.headers.location as string)
  t.match(job, { state: 'succeeded', counts: { done: 1, total: 1 } })
  t.notSame((await app.inject('/articles?limit=1')).json().data[0].extractorVersion, '0.0.1', 're-parsed by this extractor')
})

t.test('a job its process left running is taken over by the next start and run from its beginning, nothing doubled', async (t) => {
  const store = new SqliteStore({ database: ':memory:' })
  t.teardown(() => store.close())
  const job = await queueBulkJob(store, Buffer.from([story(1), story(2), story(3)].join('\n')))
  // the process that took it stored one line and died
  t.equal(await store.claimJob(job.id), true)
  await store.createArticles([{ text: JSON.parse(story(1)).text, metadata: {}, parse: () => ({ title: null, titleSpan: null, dek: null, byline: null, dateline: null, trailer: [], lede: '', paragraphs: [], entities: [], quotes: [] }), extractorVersion: 'v0' }])
  await store.recordJob(job.id, { done: 1, total: null, created: 1, existing: 0, failed: 0 }, [])

  const app = buildApp({ store, parseWorkers: 0 })
  t.teardown(() => app.close())
  await app.ready()
  const { job: after } = await finished(app, `/jobs/${job.id}`)
  t.match(after, { state: 'succeeded', counts: { done: 3, created: 2, existing: 1, failed: 0 } }, 'counted from scratch: the line stored before is existing')
  t.equal(dbOf(app).prepare('SELECT count(*) FROM articles').pluck().get(), 3, 'each article once')
})
