import t from 'tap'
import { buildApp } from '../../../src/app.js'
import { dbOf, testApp } from '../../helpers.js'

t.test('an unknown route answers a 404 problem', async (t) => {
  const app = await testApp(t)
  const res = await app.inject('/no/such/route')
  t.equal(res.statusCode, 404)
  t.match(res.headers['content-type'], /^application\/problem\+json/)
  t.match(res.json(), { type: 'about:blank', title: 'Not Found', status: 404, instance: '/no/such/route' })
})

t.test('a failure inside the service answers 500 without stack, SQL or paths', async (t) => {
  const app = buildApp({ database: ':memory:' })
  t.teardown(() => app.close())
  app.get('/boom', async () => { throw new Error('SELECT secret FROM users WHERE path = "/etc/passwd"') })
  await app.ready()
  for (const trigger of [() => app.inject('/boom'), async () => { dbOf(app).close(); return app.inject('/articles') }]) {
    const res = await trigger()
    t.equal(res.statusCode, 500)
    t.match(res.headers['content-type'], /^application\/problem\+json/)
    t.match(res.json(), { status: 500, title: 'Internal Server Error' })
    t.notMatch(res.body, /SELECT|secret|passwd|database|at .*\.ts|node_modules/)
  }
})

t.test('a client error from Fastify itself is a problem too', async (t) => {
  const app = await testApp(t)
  const res = await app.inject({ method: 'DELETE', url: '/articles' })
  t.equal(res.statusCode, 404)
  t.match(res.headers['content-type'], /^application\/problem\+json/)
  const long = await app.inject(`/articles/${'x'.repeat(201)}`)
  t.equal(long.statusCode, 400, 'an id past its bounds')
  t.match(long.json(), { invalidParams: [{ name: 'id', in: 'path' }] })
  const huge = await app.inject(`/articles/${'x'.repeat(300)}`)
  t.equal(huge.statusCode, 414, 'a path segment past what the router takes')
  t.match(huge.headers['content-type'], /^application\/problem\+json/)
})

t.test('a URL the router cannot decode is a 400 problem', async (t) => {
  const app = await testApp(t)
  const res = await app.inject('/articles/%E0%A4%A')
  t.equal(res.statusCode, 400)
  t.match(res.headers['content-type'], /^application\/problem\+json/)
})
