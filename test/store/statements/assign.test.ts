import fc from 'fast-check'
import t from 'tap'
import type { StatementQuote } from '../../../src/domain/statements.js'
import { StatementIndex } from '../../../src/store/statements/assign.js'
import { diffAssignments, rebuildStatements } from '../../../src/store/statements/rebuild.js'
import { DEFAULT_STATEMENT_SETTINGS as S } from '../../../src/store/statements/settings.js'
import { quote } from './helpers.js'

const FULL = 'Our members did not want this strike, but they will stay out for as long as it takes to get a fair offer on the table.'
const POOL: StatementQuote[] = [
  quote('q01', FULL, 'moira-fraser'),
  quote('q02', '“Our members did not want this strike — but they will stay out for as long as it takes to get a fair offer on the table.”', 'moira-fraser'),
  quote('q03', 'they will stay out for as long as it takes to get a fair offer', 'moira-fraser'),
  quote('q04', 'Our members did not want this strike, but they will stay out as long as it takes to get a fair deal on the table.', 'moira-fraser'),
  quote('q05', FULL, null),
  quote('q06', FULL, 'mike-brennan'),
  quote('q07', 'We have had one meeting with management in six weeks, and they sent a lawyer who had not read our proposal.', 'moira-fraser'),
  quote('q08', 'We will see.', 'moira-fraser'),
  quote('q09', 'We will see.', 'mike-brennan'),
  quote('q10', 'We will see.', 'moira-fraser', 'article-q01'),
  quote('q11', 'as long as it takes', null),
  quote('q12', 'one meeting with management in six weeks', 'moira-fraser')
]

t.test('exact copies, partial quotes and variants of one speaker are one statement, named by its earliest quote', async (t) => {
  const index = new StatementIndex(S)
  for (const q of POOL) index.add(q)
  const s = (id: string) => index.statementOf(id)
  t.same(['q01', 'q02', 'q03', 'q04'].map(s), ['q01', 'q01', 'q01', 'q01'])
  t.equal(s('q06'), 'q06', 'the same words by another speaker are another statement')
  t.equal(s('q05'), 'q05', 'an unresolved copy touching two speakers joins neither')
  t.same(['q07', 'q12'].map(s), ['q07', 'q07'])
  t.same(['q08', 'q10', 'q09'].map(s), ['q08', 'q08', 'q09'], 'a stock phrase joins only the same speaker')
  t.equal(s('q11'), 'q11', 'a short unresolved quote matches nothing')
})

t.test('an unresolved copy joins the one speaker it echoes', async (t) => {
  const index = new StatementIndex(S)
  for (const q of POOL.filter((q) => q.id !== 'q06')) index.add(q)
  t.equal(index.statementOf('q05'), 'q01')
  const echoes = index.echoesOf('q05').map((e) => [e.quoteId, e.match.relation])
  t.same(echoes.sort(), [['q01', 'exact'], ['q02', 'exact'], ['q03', 'contains']])
})

t.test('deleting an article recomputes the statements it held: a bridge removed splits the statement', async (t) => {
  const index = new StatementIndex(S)
  const a = quote('a1', 'We are working around the clock to restore power to every home in the county', 'ruth-okafor', 'art-1')
  const whole = quote('b1', 'We are working around the clock to restore power to every home in the county, and we will not stop until the last light is back on.', 'ruth-okafor', 'art-2')
  const c = quote('c1', 'we will not stop until the last light is back on', 'ruth-okafor', 'art-3')
  for (const q of [a, whole, c]) index.add(q)
  t.same(['a1', 'b1', 'c1'].map((id) => index.statementOf(id)), ['a1', 'a1', 'a1'])
  const changes = index.removeArticle('art-2')
  t.same(['a1', 'b1', 'c1'].map((id) => index.statementOf(id)), ['a1', null, 'c1'])
  t.same(changes.sort((x, y) => x.quoteId.localeCompare(y.quoteId)), [{ quoteId: 'b1', from: 'a1', to: null }, { quoteId: 'c1', from: 'a1', to: 'c1' }])
  const readd = index.add(whole)
  t.equal(readd.statementId, 'a1')
  t.ok(readd.candidates >= 2, 'found through buckets')
})

t.test('deleting the earliest exact copy renames the statement after the next one', async (t) => {
  const index = new StatementIndex(S)
  for (const q of POOL.slice(0, 3)) index.add(q)
  t.same(index.remove('q01'), [{ quoteId: 'q01', from: 'q01', to: null }, { quoteId: 'q02', from: 'q01', to: 'q02' }, { quoteId: 'q03', from: 'q01', to: 'q02' }])
  t.same(index.remove('missing'), [])
})

t.test('re-adding a quote id replaces it (re-extraction)', async (t) => {
  const index = new StatementIndex(S)
  for (const q of POOL.slice(0, 3)) index.add(q)
  const result = index.add({ ...POOL[0] as StatementQuote, text: 'Something else entirely, said on another day to other reporters.' })
  t.equal(result.statementId, 'q01')
  t.equal(index.statementOf('q02'), 'q02')
  t.equal(index.tableSizes().quotes, 3)
})

const poolOrder = fc.shuffledSubarray(POOL, { minLength: 1 })

t.test('the statements do not depend on the order quotes are added: incremental equals rebuild', async (t) => {
  const reference = rebuildStatements(POOL, S)
  fc.assert(fc.property(fc.shuffledSubarray(POOL, { minLength: POOL.length }), (order) => {
    const index = new StatementIndex(S)
    for (const q of order) index.add(q)
    t.same(diffAssignments(reference, index.assignments()), [])
  }), { numRuns: 60 })
})

t.test('adding a quote then removing it leaves the index as before', async (t) => {
  fc.assert(fc.property(poolOrder, fc.constantFrom(...POOL), (present, extra) => {
    const base = present.filter((q) => q.id !== extra.id)
    const index = new StatementIndex(S)
    for (const q of base) index.add(q)
    const before = { assignments: index.assignments(), sizes: index.tableSizes() }
    index.add(extra)
    index.remove(extra.id)
    t.same({ assignments: index.assignments(), sizes: index.tableSizes() }, before)
  }), { numRuns: 80 })
})

t.test('diff reports every quote whose stored statement differs from the rebuilt one', async (t) => {
  const stored = new Map([['q1', 'q1'], ['q2', 'q1'], ['q3', 'q3']])
  const rebuilt = new Map([['q1', 'q1'], ['q2', 'q2'], ['q4', 'q4']])
  t.same(diffAssignments(stored, rebuilt), [
    { quoteId: 'q2', stored: 'q1', rebuilt: 'q2' }, { quoteId: 'q3', stored: 'q3', rebuilt: null }, { quoteId: 'q4', stored: null, rebuilt: 'q4' }])
})
