import t from 'tap'
import { PIPELINE } from '../../src/services/submissions.js'
import { assignPendingStatements, rebuildReport } from '../../src/services/statements.js'
import { SqliteStore } from '../../src/store/sqlite/store.js'
import { ECHO_ARTICLES } from '../store/statements/echo-articles.js'

t.test('quotes stored before statements existed are assigned by the backfill, as the writes would have', async (t) => {
  const store = new SqliteStore({ database: ':memory:' })
  t.teardown(() => store.close())
  for (const a of ECHO_ARTICLES) await store.saveArticle(a.text, { publisher: a.publisher, publishedAt: a.publishedAt }, PIPELINE.parse(a.text), 'v1')
  const assignment = () => store.db.prepare('SELECT id, statement_id FROM quotes ORDER BY id').all()
  const before = assignment()
  // what migration 009 leaves: every quote stale, no statement tables filled
  store.db.exec(`UPDATE quotes SET statement_stale = 1, statement_text_id = NULL, statement_id = NULL;
    DELETE FROM statement_texts; DELETE FROM statements`)
  t.equal((await rebuildReport(store)).differences.length, before.length, 'the rebuild reports every unassigned quote')
  t.equal(await assignPendingStatements(store), before.length)
  t.same(assignment(), before)
  t.same((await rebuildReport(store)).differences, [])
  t.equal(await assignPendingStatements(store), 0, 'nothing left the second time')
})
