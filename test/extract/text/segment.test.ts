import t from 'tap'
import { segment } from '../../../src/extract/text/segment.js'

const kinds = (text: string): string[] => segment(text).paragraphs.map((p) => `${p.kind[0]}:${p.text}`)

t.test('front matter: title, repeats, dateline', async (t) => {
  const cases: Array<{ name: string, text: string, title: string | null, dateline: string | null, paragraphs: string[] }> = [
    {
      name: 'repeated title and a dateline line',
      text: 'Big news: X\n\nBig news: X\n\nMOSCOW\nBig news: X\n\n\u00a0First para.\n\nSecond para.',
      title: 'Big news: X', dateline: 'MOSCOW', paragraphs: ['p:First para.', 'p:Second para.'],
    },
    {
      name: 'inline dateline with agency',
      text: 'Headline here\n\nWASHINGTON (Reuters) - The first paragraph.\n\nMore text.',
      title: 'Headline here', dateline: 'WASHINGTON', paragraphs: ['p:The first paragraph.', 'p:More text.'],
    },
    {
      name: 'dateline with date and em dash',
      text: 'Headline\n\nNEW YORK, Dec 3 — Body starts here.',
      title: 'Headline', dateline: 'NEW YORK', paragraphs: ['p:Body starts here.'],
    },
    {
      name: 'no title when the first line is a sentence',
      text: 'Just one paragraph.\nAnother one.',
      title: null, dateline: null, paragraphs: ['p:Just one paragraph.', 'p:Another one.'],
    },
    { name: 'empty', text: '', title: null, dateline: null, paragraphs: [] },
    { name: 'whitespace', text: ' \n\u00a0\n ', title: null, dateline: null, paragraphs: [] },
    {
      name: 'byline is not a paragraph',
      text: 'Title\nBy Jane Doe\n\nBody text here.',
      title: 'Title', dateline: null, paragraphs: ['p:Body text here.'],
    },
  ]
  for (const c of cases) {
    const s = segment(c.text)
    t.equal(s.title?.text ?? null, c.title, `${c.name}: title`)
    t.equal(s.dateline?.place ?? null, c.dateline, `${c.name}: dateline's place`)
    t.same(kinds(c.text), c.paragraphs, `${c.name}: paragraphs`)
  }
})

t.test('headings and wrapped lines', async (t) => {
  const cases: Array<[string, string, string[]]> = [
    ['short unpunctuated line is a heading', 'T\n\nA sentence.\n\nUS to withdraw troops: reports\n\nMore.',
      ['p:A sentence.', 'h:US to withdraw troops: reports', 'p:More.']],
    ['heading directly above a paragraph', 'T\n\nA sentence.\nThe background\nAnother sentence.',
      ['p:A sentence.', 'h:The background', 'p:Another sentence.']],
    ['hard-wrapped paragraph is joined', 'T\n\nThis is a long line of a wrapped paragraph that goes on and\non to the next line.',
      ['p:This is a long line of a wrapped paragraph that goes on and\non to the next line.']],
    ['a line opening with a quotation mark starts a paragraph, whatever the line before ends with',
      'T\n\n“A long quoted comment from one reader of the paper goes here.” ― Ana Ruiz\n“Another comment.” ― Bo Li',
      ['p:“A long quoted comment from one reader of the paper goes here.” ― Ana Ruiz', 'p:“Another comment.” ― Bo Li']],
    ['title repeated in the body is dropped', 'Same title\n\nBody.\n\nSame title', ['p:Body.']],
  ]
  for (const [name, text, expected] of cases) t.same(kinds(text), expected, name)
})

t.test('paragraph spans slice the trimmed text', async (t) => {
  const text = 'T\r\n\r\n\u00a0 Padded paragraph. \u00a0\r\n\r\nNext.'
  const s = segment(text)
  for (const p of s.paragraphs) {
    t.equal(text.slice(p.start, p.end), p.text)
    t.equal(p.text, p.text.trim())
  }
  t.same(s.paragraphs.map((p) => p.index), [0, 1])
})
