import t from 'tap'
import { PostgresStore } from '../../../src/store/postgres/store.js'
import { storeConformance } from '../conformance.js'
import { SKIP_WITHOUT_POSTGRES, throwawayDatabase } from './database.js'

// The PostgreSQL adapter against the Store contract every adapter keeps (test/store/conformance.ts).
t.test('the PostgreSQL store keeps the Store contract', { skip: SKIP_WITHOUT_POSTGRES }, async (t) => {
  storeConformance(t, async (t) => {
    const store = await PostgresStore.open({ primary: await throwawayDatabase(t), poolSize: 2 })
    t.teardown(() => store.close())
    return store
  })
})
