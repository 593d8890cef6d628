import fc from 'fast-check'
import t from 'tap'
import { lshBandKeys, minhashSignature, shingleHashes, winnow } from '../../../src/store/statements/fingerprint.js'
import { checkSettings, DEFAULT_STATEMENT_SETTINGS as S } from '../../../src/store/statements/settings.js'
import { print } from './helpers.js'

t.test('the default settings keep their promises', async (t) => {
  t.same(checkSettings(S), [])
  t.same(checkSettings({ ...S, minContainedWords: 4 }), ['speaker keys miss short containments'])
})

t.test('short quotes have no bucket keys; keys are scoped by speaker, and * for keys any speaker may share', async (t) => {
  t.same(print('1', 'We will see.').bucketKeys, [])
  const keys = print('1', 'At this point we have no evidence that the shooter knew any of the victims.', 'martin-daley').bucketKeys
  t.ok(keys.every((k) => /^(martin-daley\|(w|b\d+)|\*\|w):[0-9a-f]{8}$/u.test(k)), keys.join(' '))
  t.equal(keys.filter((k) => k.includes('|b')).length, S.bands)
  t.ok(print('1', 'At this point we have no evidence that the shooter knew any of the victims.', null).bucketKeys.every((k) => k.startsWith('*|')))
})

t.test('MinHash and band keys are deterministic and estimate Jaccard', async (t) => {
  const a = new Set(shingleHashes(print('1', 'one two three four five six seven eight nine ten').words, 2))
  t.same([...minhashSignature(a, 16)], [...minhashSignature(a, 16)])
  t.same(lshBandKeys(minhashSignature(a, 60), 20, 3), lshBandKeys(minhashSignature(new Set(a), 60), 20, 3))
  const agree = (x: Set<number>, y: Set<number>) => { const p = minhashSignature(x, 256); const q = minhashSignature(y, 256); return p.filter((v, i) => v === q[i]).length / 256 }
  const half = new Set([...Array(100).keys()].map((i) => i * 7919))
  const other = new Set([...Array(100).keys()].map((i) => (i + 50) * 7919))
  t.ok(Math.abs(agree(half, other) - 50 / 150) < 0.1, 'J = 1/3 estimated within 0.1')
})

const vocabulary = fc.constantFrom(...'we will not see the budget people streets children teach clean on backs of our and who'.split(' '))

t.test('winnowing: a quote inside another shares a key once the shared run is window + shingle − 1 words', async (t) => {
  fc.assert(fc.property(fc.array(vocabulary, { minLength: 6, maxLength: 40 }), fc.nat(), fc.nat(), (long, from, size) => {
    const k = S.speakerKeyShingle
    const window = S.speakerKeyWindow
    const length = window + k - 1 + (size % Math.max(1, long.length - (window + k - 1) + 1))
    if (length > long.length) return
    const start = from % (long.length - length + 1)
    const short = long.slice(start, start + length)
    const keys = new Set(winnow(shingleHashes(print('l', long.join(' ')).words, k), window))
    t.ok(winnow(shingleHashes(print('s', short.join(' ')).words, k), window).some((h) => keys.has(h)))
  }), { numRuns: 200 })
})

t.test('a partial quote and its full version share a bucket key', async (t) => {
  const full = print('1', 'Our members did not want this strike, but they will stay out for as long as it takes to get a fair offer on the table.', 'moira-fraser')
  const part = print('2', 'they will stay out for as long as it takes', 'moira-fraser')
  t.ok(part.bucketKeys.some((k) => full.bucketKeys.includes(k)))
})
