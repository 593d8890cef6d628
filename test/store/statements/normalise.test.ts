import fc from 'fast-check'
import t from 'tap'
import { asciiWords, canonicalText, foldWord, normaliseQuote, unicodeWords } from '../../../src/store/statements/normalise.js'

const canonical = (text: string) => canonicalText(normaliseQuote(text))

t.test('copies differing in quotation marks, case, punctuation, dashes and spacing have one canonical form', async (t) => {
  const forms = [
    '“We will not back down,” she said — “not now.”',
    '"We will not back down," she said - "not now."',
    "''We will not back down,'' she said -- ''not now.''",
    '‘WE WILL NOT BACK DOWN,’ she said – ‘not now’',
    '  We   will not\nback down she said…not now  '
  ]
  for (const f of forms) t.equal(canonical(f), 'we will not back down she said not now', f)
})

t.test('apostrophes inside a word join it whatever their shape; accents and compatibility forms fold', async (t) => {
  t.equal(canonical('Don’t stop, Russia\'s ʼcause'), 'dont stop russias cause')
  t.equal(canonical('Ｆｕｌｌ ﬁne café István'), 'full fine cafe istvan')
  t.equal(canonical('well-known e-mail'), 'well known e mail', 'a hyphen separates: "well known" and "well-known" agree')
  t.equal(canonical('½'), '1 2', 'a folded character that holds a separator splits')
  t.same(normaliseQuote(''), [])
  t.same(normaliseQuote('— … !?'), [])
})

t.test('each word keeps its span in the original text', async (t) => {
  const text = '“It’s  OVER,” he said.'
  t.same(normaliseQuote(text).map((w) => [w.text, text.slice(w.start, w.end)]), [['its', 'It’s'], ['over', 'OVER'], ['he', 'he'], ['said', 'said']])
})

const quoteLike = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.array(fc.constantFrom('We', 'will', 'SEE', 'don’t', "''", '“', '”', '—', '-', ',', ' ', '  ', 'café', 'Ｆｕｌｌ', '½', 'ﬁ', "'", 'İ', 'ΣΑΣ'), { maxLength: 20 }).map((p) => p.join(''))
)

t.test('normalisation is idempotent: the canonical text normalises to itself', async (t) => {
  fc.assert(fc.property(quoteLike, (text) => {
    const once = canonical(text)
    t.equal(canonical(once), once)
  }), { numRuns: 300 })
})

t.test('spans are in order, inside the text, and the spanned text yields the word again', async (t) => {
  fc.assert(fc.property(quoteLike, (text) => {
    let previous = 0
    for (const w of normaliseQuote(text)) {
      if (!(w.start >= previous && w.start < w.end && w.end <= text.length)) throw new Error(`span ${w.start}-${w.end} in ${JSON.stringify(text)}`)
      if (!normaliseQuote(text.slice(w.start, w.end)).some((x) => x.text === w.text)) throw new Error(`${w.text} not in its span`)
      previous = w.start
      t.equal(foldWord(w.text), w.text)
    }
  }), { numRuns: 300 })
})

t.test('the ASCII fast path finds the words and spans the general path finds', async (t) => {
  const asciiText = fc.string({ unit: fc.constantFrom(...'aZ09 \'".,-\n\tX\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00a0'.split('')), maxLength: 60 })
  fc.assert(fc.property(fc.oneof(asciiText, fc.string({ unit: 'binary-ascii', maxLength: 60 })), (text) => {
    t.same(asciiWords(text), unicodeWords(text), JSON.stringify(text))
  }), { numRuns: 500 })
})
