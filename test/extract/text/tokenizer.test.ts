import t from 'tap'
import { buildDoc } from '../../../src/extract/text/document.js'
import { findQuotedRegions } from '../../../src/extract/text/quote-marks.js'
import { segment } from '../../../src/extract/text/segment.js'
import { tokenize } from '../../../src/extract/text/tokenizer.js'

t.test('tokens', async (t) => {
  const cases: Array<[string, string[]]> = [
    ['the U.S.-led coalition', ['the', 'U.S.', '-', 'led', 'coalition']],
    ['said Ronald R. Fieldstone, a lawyer', ['said', 'Ronald', 'R.', 'Fieldstone', ',', 'a', 'lawyer']],
    ['P. Simmons 4-38 (C. Lewis 80)', ['P.', 'Simmons', '4-38', '(', 'C.', 'Lewis', '80', ')']],
    ['it was plan B. Then it failed', ['it', 'was', 'plan', 'B', '.', 'Then', 'it', 'failed']],
    ['Sen. Lindsey Graham (R-S.C.) and Rep. Gwen Moore (D-Wis.)', ['Sen.', 'Lindsey', 'Graham', '(', 'R-S.C.', ')', 'and', 'Rep.', 'Gwen', 'Moore', '(', 'D-Wis.', ')']],
    ["Russia's presence", ['Russia', "'s", 'presence']],
    ['Russia’s', ['Russia', '’s']],
    ['up to 10,000 troops', ['up', 'to', '10,000', 'troops']],
    ['Ahmad al-Sharaa, don’t', ['Ahmad', 'al-Sharaa', ',', 'don’t']],
    ['Mr. Smith said.', ['Mr.', 'Smith', 'said', '.']],
    ['“keen”', ['“', 'keen', '”']],
    ['a \u{1F600} b', ['a', '\u{1F600}', 'b']],
  ]
  for (const [text, expected] of cases) {
    const tokens = tokenize(text)
    t.same(tokens.map((x) => x.text), expected, text)
    for (const x of tokens) t.equal(text.slice(x.start, x.end), x.text)
  }
})

const regions = (text: string): string[] => {
  const { paragraphs } = segment(text)
  return findQuotedRegions(text, paragraphs).map((r) => `${r.depth}${r.closed ? '' : r.continues ? '>' : '?'}:${text.slice(r.innerStart, r.innerEnd)}`)
}

t.test('quotation marks', async (t) => {
  const cases: Array<[string, string[]]> = [
    ['He said "keen" and "fine."', ['0:keen', '0:fine.']],
    ['“Outer ‘inner’ text,” he said.', ['0:Outer ‘inner’ text,', '1:inner']],
    ['It is «absurd», she said.', ['0:absurd']],
    ['Don’t touch Russia’s “plan”.', ['0:plan']],
    ["She called it 'unacceptable' today.", ['0:unacceptable']],
    ['„Hallo“ und „Tschüss”.', ['0:Hallo', '0:Tschüss']],
    ['A stray ” closing mark.', []],
    ['"Insulted by the term \'outreach,\' " he said.', ['0:Insulted by the term \'outreach,\' ', '1:outreach,']],
    ['Title\n\n“First paragraph goes on\n\n“and ends here.”', ['0>:First paragraph goes on', '0:and ends here.']],
    ['Title\n\n“Unclosed and not continued\n\nNext paragraph.', ['0?:Unclosed and not continued']],
  ]
  for (const [text, expected] of cases) t.same(regions(text), expected, text)
})

t.test('sentences do not split inside quotes or after abbreviations', async (t) => {
  const text = 'Headline\n\n“We won. They lost,” he said. The U.S. is big. Mr. Smith left the U.S. He came back.'
  const { title, paragraphs } = segment(text)
  const doc = buildDoc(text, title, paragraphs)
  t.same(doc.sentences.map((s) => text.slice(s.start, s.end)), [
    'Headline',
    '“We won. They lost,” he said.',
    'The U.S. is big.',
    'Mr. Smith left the U.S.',
    'He came back.',
  ])
  t.equal(doc.sentences[0]?.paragraph, -1, 'the title is a pseudo-sentence')
})

t.test('a quote closing on a stop keeps the attribution that follows it, not a new sentence', async (t) => {
  const text = 'Headline\n\n“Why now?” Clinton said. “Never again!” said the senator on Monday. She called it “a mess.” She says it is over.'
  const { title, paragraphs } = segment(text)
  const doc = buildDoc(text, title, paragraphs)
  t.same(doc.sentences.slice(1).map((s) => text.slice(s.start, s.end)), [
    '“Why now?” Clinton said.',
    '“Never again!” said the senator on Monday.',
    'She called it “a mess.”',
    'She says it is over.',
  ])
})
