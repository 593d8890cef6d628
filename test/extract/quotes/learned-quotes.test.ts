import t from 'tap'
import { parseArticleStrict } from '../../../src/extract/pipeline.js'
import { attributionModels } from '../../../src/extract/quotes/attribution-model.js'

const quotesOf = (body: string) => parseArticleStrict(`Headline\n\n${body}`).quotes
  .map((q) => ({ kind: q.kind, text: q.text, cue: q.cue?.text ?? null, source: q.source?.text ?? null }))

t.test('the committed model weights load', async (t) => {
  t.ok(attributionModels(), 'models/quotes.bin is there and reads')
})

// Attributions the hand-written patterns have no rule for: beliefs, plans, pledges, noun cues.
const cases = [
  { body: 'Senator Jane Doe believes the tax cut will pass.', cue: 'believes', source: 'Senator Jane Doe', content: 'the tax cut will pass' },
  { body: 'Clinton pledged to raise the minimum wage.', cue: 'pledged', source: 'Clinton', content: 'to raise the minimum wage' },
  { body: 'Voters expressed strong support for the measure, a new poll shows.', cue: 'shows', source: 'a new poll', content: 'Voters expressed strong support for the measure' }
]

t.test('the learned models find attributions beyond the rules', async (t) => {
  for (const c of cases) {
    t.match(quotesOf(c.body), [{ kind: 'indirect', cue: c.cue, source: c.source, text: c.content }], c.body)
  }
})

t.test('quoted phrases coordinated with the content join it', async (t) => {
  t.match(quotesOf('Trump called the 1996 pageant winner “Miss Piggy” and “Miss Housekeeping” in the debate.'),
    [{ kind: 'mixed', cue: 'called', source: 'Trump', text: 'the 1996 pageant winner “Miss Piggy” and “Miss Housekeeping”' }])
  t.match(quotesOf('Reid called Trump a “human leech” and a “spoiled brat” on Monday.'),
    [{ kind: 'mixed', cue: 'called', source: 'Reid', text: 'Trump a “human leech” and a “spoiled brat”' }])
})

t.test('learned content ends before a cue coordinated with its own, not before a cue with its own subject', async (t) => {
  t.match(quotesOf('Donald Trump is telling voters that the military is “depleted” and says he will expand the armed forces.'), [
    { kind: 'mixed', cue: 'is telling', source: 'Donald Trump', text: 'that the military is “depleted”' },
    { kind: 'indirect', cue: 'says', text: 'he will expand the armed forces' }
  ])
  t.match(quotesOf('Trump said that Clinton described the pact as “the gold standard” of trade deals.'),
    [{ kind: 'mixed', cue: 'said', source: 'Trump', text: 'that Clinton described the pact as “the gold standard” of trade deals' }])
})

t.test('content around a parenthetical attribution is its two halves', async (t) => {
  const [quote] = parseArticleStrict('Headline\n\nBut to prevent problems, he said, local officials should be vigilant.').quotes
  t.same(quote?.spans.length, 2, 'two fragments')
  t.match(quote, { text: 'But to prevent problems local officials should be vigilant', cue: { text: 'said' }, source: { text: 'he' } })
})

t.test('a sentence with no attribution yields none', async (t) => {
  t.same(quotesOf('The bridge was built in 1932 and carries four lanes of traffic.'), [])
})
