import fc from 'fast-check'
import t from 'tap'
import { matchQuotes } from '../../../src/store/statements/match.js'
import { DEFAULT_STATEMENT_SETTINGS as S } from '../../../src/store/statements/settings.js'
import { print } from './helpers.js'

const FULL = '“We are not going to balance this budget on the backs of the people who clean our streets and teach our children.”'

t.test('the four relations, said from the first quote', async (t) => {
  const full = print('1', FULL)
  t.same(matchQuotes(full, print('2', '"we are not going to balance this budget on the backs of the people who clean our streets and teach our children"'), S),
    { relation: 'exact', similarity: 1, differences: null })
  const part = print('3', 'not going to balance this budget on the backs of the people')
  t.equal(matchQuotes(full, part, S)?.relation, 'contains')
  t.equal(matchQuotes(part, full, S)?.relation, 'contained')
  t.equal(matchQuotes(part, full, S)?.similarity, 0.545, 'the shorter quote covers 12 of the 22 words')
  const variant = matchQuotes(full, print('4', 'We are not going to balance this budget on the backs of the people who sweep our streets and teach our kids.'), S)
  t.equal(variant?.relation, 'variant')
  t.ok((variant?.similarity ?? 0) > 0.5 && (variant?.similarity ?? 1) < 1)
})

t.test('a trimmed copy with an ellipsis is contained; the same speaker saying something else is no echo', async (t) => {
  const base = print('1', 'The officer followed his training, he gave three clear warnings, and he fired only when the suspect raised the weapon toward a child.')
  t.equal(matchQuotes(print('2', 'The officer followed his training ... and he fired only when the suspect raised the weapon toward a child.'), base, S)?.relation, 'contained')
  t.equal(matchQuotes(base, print('3', 'The officer has been placed on administrative leave, as our policy requires after every shooting.'), S), null)
})

t.test('a variant reports the words that differ as spans into both original texts', async (t) => {
  const a = print('1', 'Inflation has peaked, but it will take at least another eighteen months before families feel the difference.')
  const b = print('2', 'Inflation has peaked – but it will take at least another 18 months before households feel the difference.')
  const m = matchQuotes(a, b, S)
  t.equal(m?.relation, 'variant')
  t.same(m?.differences?.here.map((s) => a.quote.text.slice(s.start, s.end)), ['eighteen', 'families'])
  t.same(m?.differences?.there.map((s) => b.quote.text.slice(s.start, s.end)), ['18', 'households'])
})

t.test('speakers: two people with one stock phrase are two statements; an unresolved side matches long copies only', async (t) => {
  t.equal(matchQuotes(print('1', 'We will see.', 'mike-brennan'), print('2', '“We will see.”', 'mike-brennan'), S)?.relation, 'exact')
  t.equal(matchQuotes(print('1', 'We will see.', 'mike-brennan'), print('2', 'We will see.', 'anna-lindqvist'), S), null)
  t.equal(matchQuotes(print('1', 'We will see.', 'mike-brennan'), print('2', 'We will see.', null), S), null, 'too short to trust without a speaker')
  const long = 'At this point we have no evidence that the shooter knew any of the victims.'
  t.equal(matchQuotes(print('1', long, 'martin-daley'), print('2', long, null), S)?.relation, 'exact')
  t.equal(matchQuotes(print('1', long, null), print('2', long, null), S)?.relation, 'exact')
  t.equal(matchQuotes(print('1', long, 'martin-daley'), print('2', long.replace('shooter', 'gunman'), null), S), null, 'no variants without a speaker')
  t.equal(matchQuotes(print('1', long, 'martin-daley'), print('2', 'we have no evidence that the shooter knew', 'martin-daley'), S)?.relation, 'contains')
  t.equal(matchQuotes(print('1', long, 'martin-daley'), print('2', 'no evidence that the shooter', 'martin-daley'), S), null, 'a five-word fragment is too short')
})

const words = fc.array(fc.constantFrom('we', 'will', 'not', 'see', 'the', 'budget', 'people', 'streets', 'children', 'teach', 'clean', 'on', 'backs'),
  { minLength: 1, maxLength: 30 })
const speaker = fc.constantFrom('ruth-okafor', 'tom-hallberg', null)
const quoteText = fc.tuple(words, fc.constantFrom(' ', ', ', ' — ', '  ')).map(([w, sep]) => w.join(sep))
// a second quote made from the first: trimmed, a word changed, or unrelated
const derived = fc.tuple(quoteText, fc.nat(30), fc.nat(30), fc.boolean()).map(([text, cut, at, change]) => {
  const w = text.split(/[ ,—]+/u).filter(Boolean)
  const trimmed = w.slice(Math.min(cut % 5, w.length - 1), w.length - (at % 3))
  if (change && trimmed.length > 0) trimmed[at % trimmed.length] = 'households'
  return [text, trimmed.join(' ')] as const
})

t.test('match is symmetric: the same echo seen from the other side, contained ↔ contains', async (t) => {
  const mirror = { exact: 'exact', contained: 'contains', contains: 'contained', variant: 'variant' } as const
  fc.assert(fc.property(derived, speaker, speaker, ([x, y], sx, sy) => {
    const a = print('a', x, sx)
    const b = print('b', y, sy)
    const ab = matchQuotes(a, b, S)
    const ba = matchQuotes(b, a, S)
    t.equal(ba?.relation ?? null, ab ? mirror[ab.relation] : null)
    t.equal(ba?.similarity ?? null, ab?.similarity ?? null)
    t.same(ba?.differences?.here ?? null, ab?.differences?.there ?? null)
  }), { numRuns: 200 })
})

t.test('a resolved quote always matches itself exactly; similarity is within 0..1; difference spans slice the texts', async (t) => {
  fc.assert(fc.property(derived, ([x, y]) => {
    t.same(matchQuotes(print('a', x), print('a2', x), S), { relation: 'exact', similarity: 1, differences: null })
    const a = print('a', x)
    const b = print('b', y)
    const m = matchQuotes(a, b, S)
    if (m) t.ok(m.similarity > 0 && m.similarity <= 1)
    for (const s of m?.differences?.here ?? []) t.ok(s.start < s.end && s.end <= x.length)
    for (const s of m?.differences?.there ?? []) t.ok(s.start < s.end && s.end <= y.length)
  }), { numRuns: 200 })
})
