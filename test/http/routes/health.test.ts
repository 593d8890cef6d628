import t from 'tap'
import { buildApp } from '../../../src/app.js'
import { dbOf, testApp } from '../../helpers.js'

t.test('GET /health and /ready answer 200 on a migrated database', async (t) => {
  const app = await testApp(t)
  const health = await app.inject('/health')
  t.equal(health.statusCode, 200)
  t.same(health.json(), { status: 'ok' })
  const ready = await app.inject('/ready')
  t.equal(ready.statusCode, 200)
  t.match(ready.json(), { status: 'ready', migrations: Number })
})

t.test('GET /ready answers 503 with a problem while migrations are pending, /health still 200', async (t) => {
  const app = buildApp({ database: ':memory:', migrate: false })
  t.teardown(() => app.close())
  const ready = await app.inject('/ready')
  t.equal(ready.statusCode, 503)
  t.match(ready.headers['content-type'], /^application\/problem\+json/)
  t.match(ready.json(), { status: 503, detail: /migration/ })
  t.equal((await app.inject('/health')).statusCode, 200)
})

t.test('GET /ready answers 503 once the database is closed', async (t) => {
  const app = await testApp(t)
  dbOf(app).close()
  const ready = await app.inject('/ready')
  t.equal(ready.statusCode, 503)
  t.match(ready.json(), { detail: /not open/ })
})
