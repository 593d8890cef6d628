import t, { type Test } from 'tap'
import { buildApp } from '../../../src/app.js'
import { readMigrations } from '../../../src/store/postgres/migrate.js'
import { PostgresStore } from '../../../src/store/postgres/store.js'
import { API_KEY, AUTH, quotedText } from '../../helpers.js'
import { SKIP_WITHOUT_POSTGRES, throwawayDatabase } from './database.js'

const REPLICA = process.env.TEST_REPLICA_URL

/** Two stores on one primary and its streaming replica, as two API processes would have. */
async function twoProcesses (t: Test) {
  const primary = await throwawayDatabase(t)
  const replica = new URL(REPLICA ?? '')
  replica.pathname = primary.pathname // a physical replica holds every database of its primary
  const open = async () => {
    const store = await PostgresStore.open({ primary, replicas: [replica], poolSize: 2 })
    t.teardown(() => store.close())
    // the throwaway database reaches the replica when it has replayed its CREATE DATABASE
    for (const end = Date.now() + 20_000; store.routing.replicas[0]?.problem !== null && Date.now() < end;) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      await store.routing.check()
    }
    const app = buildApp({ store, apiKeys: [API_KEY], parseWorkers: 0 })
    t.teardown(() => app.close())
    await app.ready()
    return { store, app }
  }
  return [await open(), await open()] as const
}

t.test('reads from a streaming replica see the writes of the process, and of another one given its token', { skip: SKIP_WITHOUT_POSTGRES || (REPLICA ? false : 'no TEST_REPLICA_URL') }, async (t) => {
  const [a, b] = await twoProcesses(t)
  t.match(a.store.routing.replicas, [{ problem: null }], 'the replica is up and caught up')
  t.same((await a.app.inject('/ready')).json(), {
    status: 'ready',
    migrations: readMigrations().length,
    databases: [{ name: 'primary', role: 'primary', problem: null }, { name: 'replica 1', role: 'replica', problem: null }]
  }, '/ready reports each database')
  for (let i = 0; i < 20; i++) {
    const res = await a.app.inject({ method: 'POST', url: '/articles', headers: AUTH, payload: { text: quotedText(i) } })
    t.equal(res.statusCode, 201)
    const token = res.headers['consistency-token']
    t.match(token, /^[0-9A-F]+\/[0-9A-F]+$/, 'a write answers its WAL position')
    t.equal((await a.app.inject(`/articles/${res.json().id}`)).statusCode, 200, 'the writing process reads its write at once')
    const other = await b.app.inject({ url: `/articles/${res.json().id}`, headers: { 'consistency-token': String(token) } })
    t.equal(other.statusCode, 200, 'another process, given the token, too')
  }
})
