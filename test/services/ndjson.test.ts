import fc from 'fast-check'
import t from 'tap'
import { splitLines } from '../../src/services/ndjson.js'

async function linesOf (chunks: (string | Buffer)[], max = 100) {
  const out: { number: number, text: string | null }[] = []
  const batches: number[] = []
  for await (const lines of splitLines((async function * () { yield * chunks })(), max)) {
    batches.push(lines.length)
    for (const l of lines) out.push({ number: l.number, text: l.bytes === null ? null : l.bytes.toString('utf8') })
  }
  return { out, batches }
}

t.test('lines split across chunks, CRLF endings, blank lines and a last line without a newline', async (t) => {
  const { out, batches } = await linesOf(['{"a":1}\r\n{"b"', ':2}\n\n', 'tail'])
  t.same(out, [{ number: 1, text: '{"a":1}' }, { number: 2, text: '{"b":2}' }, { number: 3, text: '' }, { number: 4, text: 'tail' }])
  t.same(batches, [1, 2, 1], 'each chunk hands over the lines it completes')
})

t.test('a multi-byte character split between chunks is whole in its line', async (t) => {
  const bytes = Buffer.from('é€\n')
  const { out } = await linesOf([bytes.subarray(0, 1), bytes.subarray(1, 4), bytes.subarray(4)])
  t.same(out, [{ number: 1, text: 'é€' }])
})

t.test('a line past the limit is dropped as it streams, numbered, and the next lines go on', async (t) => {
  const { out } = await linesOf(['short\n', 'x'.repeat(60), 'y'.repeat(60), 'z'.repeat(60), '\nafter\n', 'w'.repeat(101)], 100)
  t.same(out, [{ number: 1, text: 'short' }, { number: 2, text: null }, { number: 3, text: 'after' }, { number: 4, text: null }])
  const exact = await linesOf(['a'.repeat(100), '\n'], 100)
  t.same(exact.out, [{ number: 1, text: 'a'.repeat(100) }], 'exactly the limit is kept')
})

t.test('however a stream is chunked, the lines are the same', async (t) => {
  await fc.assert(fc.asyncProperty(fc.array(fc.string({ unit: 'grapheme', maxLength: 20 }).filter((s) => !/[\r\n]/.test(s)), { maxLength: 8 }),
    fc.array(fc.nat(40), { maxLength: 6 }), async (lines, cuts) => {
      const bytes = Buffer.from(lines.map((l) => `${l}\n`).join(''), 'utf8')
      const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b)
      const chunks = [0, ...points, bytes.length].slice(1).map((end, i, all) => bytes.subarray(i === 0 ? 0 : all[i - 1], end))
      const { out } = await linesOf(chunks, 1000)
      t.same(out.map((l) => l.text), lines)
    }), { numRuns: 100 })
})
