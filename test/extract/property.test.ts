// Property tests: for any input the pipeline returns, fast, without throwing, and every span it
// reports slices the verbatim text to what it says.
import fc from 'fast-check'
import t from 'tap'
import { parseArticle, parseArticleStrict } from '../../src/extract/pipeline.js'
import type { ParsedArticle } from '../../src/domain/extraction.js'

/** Strings biased towards what the stages react to: quotes, capitals, cues, newlines, NBSP. */
const newsy = fc.array(fc.constantFrom(
  '“', '”', '"', '‘', '’', "'", '«', '»', ',', '.', ':', ' ', ' ', '\n', '\n\n', '\u00a0', '—', '-',
  'He', 'he said', 'said', 'according to', 'told', ', urging', 'that', 'Lavrov', 'Sergey Lavrov',
  'U.S.', 'US', 'the', 'Foreign Minister', 'Syrian', 'MOSCOW', 'Al-Tanf', 'al', 'at', 'CBS', 'Forces',
  'The top Russian diplomat', 'Wednesday', 'reports', 'x', '\u{1F600}', '\ud800', 'é',
), { maxLength: 80 }).map((parts) => parts.join(''))

function spanProblems (text: string, a: ParsedArticle): string[] {
  const problems: string[] = []
  const check = (what: string, s: { start: number, end: number, text?: string }): void => {
    if (!(s.start >= 0 && s.start <= s.end && s.end <= text.length)) problems.push(`${what} out of range`)
    if (s.text !== undefined && text.slice(s.start, s.end) !== s.text) problems.push(`${what} does not slice`)
  }
  a.paragraphs.forEach((p) => { check('paragraph', p); if (p.text !== p.text.trim() || !p.text) problems.push('paragraph untrimmed') })
  if (a.titleSpan) check('title', { ...a.titleSpan, text: a.title ?? '' })
  for (const e of a.entities) e.mentions.forEach((m) => check(`mention of ${e.id}`, m))
  for (const q of a.quotes) {
    q.spans.forEach((s) => check('quote span', s))
    if (q.cue) check('cue', q.cue)
    if (q.source) check('source', q.source)
    if (q.text !== q.spans.map((s) => text.slice(s.start, s.end)).join(' ')) problems.push('quote text')
    if (q.speakerId && !a.entities.some((e) => e.id === q.speakerId)) problems.push('dangling speakerId')
  }
  return problems
}

t.test('never throws and every span slices, on arbitrary strings', async (t) => {
  // The strict entry point throws on a bug (the public one would hide it behind its fallback).
  fc.assert(fc.property(fc.string({ maxLength: 400, unit: 'binary' }), (text) =>
    spanProblems(text, parseArticleStrict(text)).length === 0 && parseArticle(text).paragraphs.length >= 0), { numRuns: 500 })
  t.pass('arbitrary strings')
})

t.test('never throws and every span slices, on news-like strings', async (t) => {
  fc.assert(fc.property(newsy, (text) => spanProblems(text, parseArticleStrict(text)).length === 0), { numRuns: 1500 })
  t.pass('news-like strings')
})

t.test('edge inputs', async (t) => {
  for (const text of ['', ' ', '\n\n\n', '\u00a0', '"', '“”', 'A', '.', 'MOSCOW', 'Title\n\nMOSCOW']) {
    const a = parseArticleStrict(text)
    t.same(spanProblems(text, a), [], JSON.stringify(text))
  }
})

t.test('linear-ish time on a large input', async (t) => {
  const para = 'Lavrov said that “the talks, ” he noted, continue in Moscow, urging the U.S. to act. '
  const text = Array.from({ length: 400 }, () => para).join('\n\n')
  const start = performance.now()
  parseArticle(text)
  t.ok(performance.now() - start < 5000, 'a 35 kB article parses within seconds')
})
