import t from 'tap'
import type pg from 'pg'
import { lsnValue, ReadRouting } from '../../../src/store/postgres/read-routing.js'

/** A pool that answers the WAL position queries with what `at()` says (null: it is down). */
function fakePool (name: string, at: () => string | null): pg.Pool {
  return {
    name,
    query: async () => {
      const lsn = at()
      if (lsn === null) throw new Error('connection refused')
      return { rows: [{ lsn }] }
    }
  } as unknown as pg.Pool
}

const nameOf = (pool: pg.Pool) => (pool as unknown as { name: string }).name

t.test('WAL positions order as numbers', async (t) => {
  t.ok(lsnValue('0/16B3748') < lsnValue('0/16B3749'))
  t.ok(lsnValue('0/FFFFFFFF') < lsnValue('1/0'))
  t.throws(() => lsnValue('nonsense'))
})

t.test('reads go to a replica that has replayed this process\'s writes, else to the primary', async (t) => {
  let replicaAt: string | null = '0/100'
  const routing = new ReadRouting(fakePool('primary', () => '0/200'), [{ name: 'r1', pool: fakePool('r1', () => replicaAt) }], { checkEveryMs: 60_000 })
  t.teardown(() => routing.close())
  t.equal(nameOf(routing.forRead()), 'primary', 'a replica not checked yet is not used')
  await routing.check()
  t.equal(nameOf(routing.forRead()), 'r1', 'caught up with every write of this process (none yet)')
  routing.wrote('0/180')
  t.equal(nameOf(routing.forRead()), 'primary', 'it has not replayed the last write: read your writes on the primary')
  replicaAt = '0/180'
  await routing.check()
  t.equal(nameOf(routing.forRead()), 'r1')
  t.equal(nameOf(routing.forRead('0/190')), 'primary', 'a client\'s token from another process\'s write')
  t.equal(nameOf(routing.forRead('garbage')), 'r1', 'a token that is not a WAL position does not block')
  routing.wroteAtUnknownPosition()
  t.equal(nameOf(routing.forRead()), 'primary', 'a write whose position is not known: the primary until one is')
  routing.wrote('0/180')
  t.equal(nameOf(routing.forRead()), 'r1')
  replicaAt = null
  await routing.check()
  t.equal(nameOf(routing.forRead()), 'primary', 'a replica that does not answer is left out')
  t.match(routing.replicas[0], { problem: 'does not answer' })
})

t.test('a replica lagging past the bound is left out; with the primary down, caught-up replicas still serve', async (t) => {
  let primaryAt: string | null = '0/10000000'
  const routing = new ReadRouting(fakePool('primary', () => primaryAt), [{ name: 'r1', pool: fakePool('r1', () => '0/100') }],
    { checkEveryMs: 60_000, maxLagBytes: 1024n })
  t.teardown(() => routing.close())
  await routing.check()
  t.equal(nameOf(routing.forRead()), 'primary')
  t.match(routing.replicas[0]?.problem, /bytes of WAL behind/)
  primaryAt = null
  await routing.check()
  t.equal(nameOf(routing.forRead()), 'r1', 'the primary is down: the replica answers what it has')
})
