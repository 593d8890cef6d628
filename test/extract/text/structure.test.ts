import t from 'tap'
import { segment } from '../../../src/extract/text/segment.js'
import { STRUCTURE_FIXTURES } from './structure-fixtures.js'

// Every shape of article in the fixtures: its headline, dek, byline, dateline (text and parts) and
// trailer as written, and a first paragraph with none of them in it.

for (const f of STRUCTURE_FIXTURES) {
  t.test(f.name, async (t) => {
    const s = segment(f.text)
    t.equal(s.title?.text ?? null, f.title, 'title')
    if (f.dek !== undefined) t.equal(s.dek?.text ?? null, f.dek, 'dek')
    if (f.byline !== undefined) t.equal(s.byline?.text ?? null, f.byline, 'byline')
    if (f.dateline !== undefined) {
      t.same(s.dateline && { text: s.dateline.text, place: s.dateline.place, agency: s.dateline.agency, date: s.dateline.date },
        f.dateline, 'dateline')
    }
    if (f.trailer !== undefined) t.same(s.trailer.map((l) => l.text), f.trailer, 'trailer')
    t.equal(s.paragraphs[0]?.text, f.first, 'first paragraph')
    for (const span of [s.title, s.dek, s.byline, s.dateline, ...s.trailer, ...s.paragraphs]) {
      if (span) t.equal(f.text.slice(span.start, span.end), span.text, 'every span slices the text')
    }
    const trailerStarts = new Set(s.trailer.map((l) => l.start))
    t.notOk(s.paragraphs.some((p) => trailerStarts.has(p.start)), 'no trailer block is a paragraph')
  })
}

t.test('there are fixtures of every shape the structure stage reads', async (t) => {
  t.ok(STRUCTURE_FIXTURES.length >= 30)
  for (const shape of ['wire', 'newspaper', 'blog', 'press release', 'transcript', 'op-ed', 'no headline']) {
    t.ok(STRUCTURE_FIXTURES.some((f) => f.name.startsWith(shape)), shape)
  }
})
