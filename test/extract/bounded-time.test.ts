// Bounded time on random input: property.test.ts and adversarial.test.ts fuzz the pipeline's
// invariants on short strings and time a few fixed 1 MB shapes; this draws long random texts (up to
// ~60 kB, the size of a long article) from the pieces the stages react to and checks that each parses
// in time proportional to its length, deterministically, keeping every span valid. A shape found
// slow is kept below as a regression case. `npm run soak` draws many more.
import { isDeepStrictEqual } from 'node:util'
import fc from 'fast-check'
import t from 'tap'
import { parseArticleStrict } from '../../src/extract/pipeline.js'
import { scaled } from '../scale.js'

const PIECES = ['“', '”', '"', '‘', '’', "'", '«', '»', '„', ',', '.', ':', ';', '?', '!', ' ', ' ', ' ', '\n', '\n\n', '\r\n',
  '\u00a0', '\u200b', '—', '(', ')', 'He said', 'she told reporters', 'said', 'says', 'according to', 'Lavrov', 'Sergey Lavrov',
  'Foreign Minister', 'the minister', 'U.S.', 'Mr.', 'officials said', ', urging', ', warning that', 'that', 'MOSCOW',
  'Wednesday', 'the', 'and', 'x', '\u{1F600}', '\ud800', 'قال', '10,000']

/** A long text: a random unit of pieces repeated (the shape that turns a scan quadratic), or pieces at random. */
const longText = fc.oneof(
  fc.tuple(fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 12 }), fc.integer({ min: 1_000, max: 60_000 }))
    .map(([unit, size]) => { const u = unit.join(''); return u.repeat(Math.ceil(size / Math.max(1, u.length))).slice(0, size) }),
  fc.array(fc.constantFrom(...PIECES), { minLength: 500, maxLength: 8000 }).map((parts) => parts.join(''))
)

/** The budget for a text: generous for a shared CI core, yet far below what a quadratic scan takes at 60 kB. */
const budgetMs = (length: number) => 1_500 + length / 10

function spansValid (text: string, a: ReturnType<typeof parseArticleStrict>): boolean {
  const ok = (s: { start: number, end: number, text?: string }) =>
    s.start >= 0 && s.start <= s.end && s.end <= text.length && (s.text === undefined || text.slice(s.start, s.end) === s.text)
  return a.paragraphs.every(ok) && a.entities.every((e) => e.mentions.every(ok)) &&
    a.quotes.every((q) => q.spans.every(ok) && (!q.cue || ok(q.cue)) && (!q.source || ok(q.source)))
}

t.test('long random texts parse in time proportional to their length, deterministically, with valid spans', async (t) => {
  let slowest = { ms: 0, length: 0 }
  const runs = scaled(25, 400)
  fc.assert(fc.property(longText, (text) => {
    const started = performance.now()
    const first = parseArticleStrict(text)
    const ms = performance.now() - started
    if (ms > slowest.ms) slowest = { ms, length: text.length }
    if (ms > budgetMs(text.length)) throw new Error(`${text.length} characters took ${Math.round(ms)} ms (budget ${Math.round(budgetMs(text.length))} ms)`)
    if (!spansValid(text, first)) throw new Error('a span does not slice the text')
    return isDeepStrictEqual(parseArticleStrict(text), first)
  }), { numRuns: runs })
  t.pass(`${runs} texts; slowest ${Math.round(slowest.ms)} ms for ${slowest.length} characters`)
})
