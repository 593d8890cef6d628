import t from 'tap'
import { StatementIndex } from '../../../src/store/statements/assign.js'
import { matchQuotes } from '../../../src/store/statements/match.js'
import { DEFAULT_STATEMENT_SETTINGS as S } from '../../../src/store/statements/settings.js'
import { labelledPairs, PAIR_CATEGORIES, splitPairs } from './fixtures.js'
import { print, quote } from './helpers.js'

t.test('the labelled set covers every category, with a held-out third', async (t) => {
  const pairs = labelledPairs()
  t.ok(pairs.length >= 150)
  for (const c of PAIR_CATEGORIES) t.ok(pairs.some((p) => p.category === c), c)
  const { tune, heldOut } = splitPairs()
  t.equal(tune.length + heldOut.length, pairs.length)
  t.same(tune.filter((p) => heldOut.some((h) => h.family === p.family)), [], 'a family is on one side only')
})

t.test('on the labelled quotes, matching is symmetric and differences slice the texts', async (t) => {
  const mirror = { exact: 'exact', contained: 'contains', contains: 'contained', variant: 'variant' } as const
  for (const p of labelledPairs()) {
    const a = print('a', p.a.text, p.a.speaker)
    const b = print('b', p.b.text, p.b.speaker)
    const ab = matchQuotes(a, b, S)
    t.equal(matchQuotes(b, a, S)?.relation ?? null, ab ? mirror[ab.relation] : null, p.id)
    for (const s of ab?.differences?.here ?? []) t.ok(s.end <= p.a.text.length && s.start < s.end)
  }
})

t.test('every labelled quote in one index: removing them all empties it', async (t) => {
  const index = new StatementIndex(S)
  const pairs = labelledPairs()
  pairs.forEach((p, i) => { index.add(quote(`${i}a`, p.a.text, p.a.speaker)); index.add(quote(`${i}b`, p.b.text, p.b.speaker)) })
  t.equal(index.tableSizes().quotes, pairs.length * 2)
  pairs.forEach((_, i) => { index.remove(`${i}a`); index.remove(`${i}b`) })
  t.same(index.tableSizes(), { quotes: 0, classes: 0, bucketRows: 0, edges: 0 })
})
