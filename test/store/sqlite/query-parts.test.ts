import t from 'tap'
import { openDatabase } from '../../../src/store/sqlite/connection.js'
import { toFtsQuery } from '../../../src/store/sqlite/fts-query.js'
import { StatementCache } from '../../../src/store/sqlite/statement-cache.js'

t.test('toFtsQuery keeps the FTS5 language and turns punctuated words into phrases', async (t) => {
  t.equal(toFtsQuery('budget'), 'budget')
  t.equal(toFtsQuery('"military presence" AND (Syria OR Russia) NOT Iran'), '"military presence" AND (Syria OR Russia) NOT Iran')
  t.equal(toFtsQuery('negotiat*'), 'negotiat*')
  t.equal(toFtsQuery('al-Assad U.S.'), '"al Assad" "U S"')
  t.equal(toFtsQuery('e-mail*'), '"e mail"*')
  t.equal(toFtsQuery('Zelenskýy'), 'Zelenskýy', 'letters beyond ASCII are word characters')
  t.equal(toFtsQuery(' - & '), '', 'nothing searchable')
  t.equal(toFtsQuery('and or'), 'and or', 'operators are upper case only: these are words')
})

t.test('StatementCache prepares each SQL text once and evicts the least recently used', async (t) => {
  const db = openDatabase(':memory:')
  t.teardown(() => db.close())
  const cache = new StatementCache(db, 2)
  const one = cache.get('SELECT 1')
  t.equal(cache.get('SELECT 1'), one, 'the same statement for the same text')
  cache.get('SELECT 2')
  cache.get('SELECT 1') // now the most recent
  cache.get('SELECT 3') // evicts SELECT 2
  t.equal(cache.size, 2)
  t.equal(cache.get('SELECT 1'), one, 'the recently used one stayed')
})
