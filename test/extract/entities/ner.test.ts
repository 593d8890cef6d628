import t from 'tap'
import { HashedModel, HashedTrainer, SparseModel, type Scorer } from '../../../src/extract/learning/weights.js'
import { buildDoc } from '../../../src/extract/text/document.js'
import { findMentions } from '../../../src/extract/entities/find-mentions.js'
import { conllDoc, readConll } from '../../../tools/corpora/conll.js'
import { nerView } from '../../../src/extract/entities/ner-features.js'
import { allowed, label, LABELS, labelsOf, mayEnd, O, spansOf, type TokenSpan } from '../../../src/extract/entities/ner-labels.js'
import { elsewhere, MAX_ELSEWHERE } from '../../../src/extract/entities/ner-elsewhere.js'
import { nerModel, recognise } from '../../../src/extract/entities/ner-model.js'
import { tagSentence } from '../../../src/extract/entities/ner-tagger.js'
import { segment } from '../../../src/extract/text/segment.js'
import { tokenize } from '../../../src/extract/text/tokenizer.js'

const docOf = (text: string) => {
  const { title, paragraphs } = segment(text)
  return buildDoc(text, title, paragraphs)
}

t.test('the committed weights load, one column per BILOU label', async (t) => {
  const model = nerModel()
  t.ok(model, 'models/ner.bin is there')
  t.equal(model?.labels, LABELS)
  t.equal(LABELS, 17, 'O and B/I/L/U for PER, ORG, LOC, MISC')
})

t.test('packed weights score exactly like the full table they are read from', async (t) => {
  const trainer = new HashedTrainer(LABELS, 8)
  for (let f = 0; f < 300; f++) { trainer.tick(); trainer.update([f * 2654435761 >>> 0], 1, f % LABELS, (f % 7) - 3) }
  const buffer = trainer.toBuffer()
  const full = HashedModel.fromBuffer(buffer).model
  const { model: packed, next } = SparseModel.fromBuffer(buffer)
  t.equal(next, buffer.length, 'reads exactly what was written')
  const features = Array.from({ length: 40 }, (_, i) => (i * 40503 + 7) >>> 0)
  const a = full.scoreAll(features, features.length, new Float64Array(LABELS))
  const b = packed.scoreAll(features, features.length, new Float64Array(LABELS))
  t.same([...b], [...a])
  t.equal(packed.score(features, features.length, 3), full.score(features, features.length, 3))
})

t.test('BILOU labels and spans round-trip', async (t) => {
  const cases: Array<[TokenSpan[], number]> = [
    [[], 3],
    [[{ from: 0, to: 1, type: 'PER' }], 1],
    [[{ from: 0, to: 2, type: 'PER' }, { from: 3, to: 6, type: 'ORG' }, { from: 6, to: 7, type: 'LOC' }], 8],
    [[{ from: 1, to: 5, type: 'MISC' }], 5],
  ]
  for (const [spans, length] of cases) t.same(spansOf(labelsOf(spans, length)), spans, JSON.stringify(spans))
})

/** A scorer that gives every label a pseudo-random score: the worst case for decoding. */
function randomScorer (seed: number): Scorer {
  let state = seed
  const next = (): number => { state = (Math.imul(state, 1103515245) + 12345) >>> 0; return (state / 2 ** 32) * 20 - 10 }
  return {
    labels: LABELS,
    score: () => next(),
    scoreAll: (_f, _n, out) => { for (let l = 0; l < LABELS; l++) out[l] = next(); return out },
  }
}

t.test('decoding never yields an invalid BILOU sequence, whatever the scores', async (t) => {
  const text = 'Foreign Minister Sergey Lavrov told the Wall Street Journal in New York on Monday that talks went well .'
  const view = nerView([tokenize(text)])
  let invalid = 0
  for (let seed = 1; seed <= 200; seed++) {
    const labels = tagSentence(view, 0, randomScorer(seed))
    let previous = O
    for (const l of labels) { if (!allowed(previous, l)) invalid++; previous = l }
    if (!mayEnd(previous)) invalid++
  }
  t.equal(invalid, 0, '200 random scorings, every transition valid, no entity left open')
})

t.test('known names get the right type', async (t) => {
  const cases: Array<[string, string, string]> = [
    ['Russian Foreign Minister Sergey Lavrov met his Chinese counterpart in Beijing on Tuesday.', 'Sergey Lavrov', 'person'],
    ['Russian Foreign Minister Sergey Lavrov met his Chinese counterpart in Beijing on Tuesday.', 'Beijing', 'location'],
    ['Shares of General Motors Corp rose 2 percent on the New York Stock Exchange.', 'General Motors Corp', 'organization'],
    ['The European Union said on Friday it would lift the ban.', 'European Union', 'organization'],
    ['German Chancellor Helmut Kohl arrived in Paris for talks with Jacques Chirac.', 'Helmut Kohl', 'person'],
    ['German Chancellor Helmut Kohl arrived in Paris for talks with Jacques Chirac.', 'Paris', 'location'],
    ['German Chancellor Helmut Kohl arrived in Paris for talks with Jacques Chirac.', 'German', 'group'],
    ['U.S. troops left bases in Syria including Al-Tanf and Al-Shadadi.', 'Al-Shadadi', 'facility'],
  ]
  for (const [text, name, type] of cases) {
    const found = findMentions(docOf(`Headline\n\n${text}`)).map((m) => `${m.text}/${m.type}`)
    t.ok(found.includes(`${name}/${type}`), `${name} is a ${type} in "${text}" (got ${found.join(', ')})`)
  }
})

t.test('a surname alone later in the story is the same person', async (t) => {
  const found = findMentions(docOf('Headline\n\nSergey Lavrov spoke in Moscow. Later, Lavrov met reporters.'))
  t.same(found.filter((m) => m.text.includes('Lavrov')).map((m) => m.type), ['person', 'person'])
})

t.test('mentions are spans of the verbatim text, and the same text gives the same mentions', async (t) => {
  const text = 'Talks\n\nThe  United\u00a0Nations and NATO met in Geneva, said Kofi Annan.\r\n\r\nAnnan left for New York.'
  const first = findMentions(docOf(text))
  for (const m of first) t.equal(text.slice(m.start, m.end), m.text, m.text)
  t.same(findMentions(docOf(text)), first, 'deterministic')
  t.same(recognise(docOf(text)), recognise(docOf(text)))
})

t.test('CoNLL documents rebuild as text, one sentence a line, with their gold entities', async (t) => {
  const conll = '-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP B-MISC\ncall NN I-NP O\n. . O O\n\n' +
    'Peter NNP B-NP B-PER\nBlackburn NNP I-NP I-PER\n\n-DOCSTART- -X- -X- O\n\nBONN NNP B-NP B-LOC\n'
  const { lines, docs } = readConll(conll)
  t.equal(docs.length, 2)
  t.equal(docs[0]?.text, 'EU rejects German call .\nPeter Blackburn')
  t.same(docs[0]?.entities.map((e) => `${docs[0]?.text.slice(e.start, e.end)}/${e.type}`), ['EU/ORG', 'German/MISC', 'Peter Blackburn/PER'])
  t.same(lines.map((l) => l.kind), ['docstart', 'blank', 'token', 'token', 'token', 'token', 'token', 'blank', 'token', 'token', 'blank', 'docstart', 'blank', 'token', 'blank'])
  t.equal(conllDoc(docs[0]?.text ?? '').sentences.length, 2, 'each line its own sentence')
})

t.test('the second pass reads the labels a word got elsewhere in the document, not its own', async (t) => {
  const view = nerView([tokenize('Pirelli rose .'), tokenize('The Pirelli shares rose .'), tokenize('The end .')])
  const labels = Uint8Array.from([label(1, 3), 0, 0, 0, label(0, 3), 0, 0, 0, 0, 0, 0])
  const e = elsewhere(view.words, labels)
  const seen = (i: number): number[] => [...(e?.features.subarray(i * MAX_ELSEWHERE, i * MAX_ELSEWHERE + (e?.count[i] ?? 0)) ?? [])]
  t.equal(e?.count[0], 1, 'the first "Pirelli" reads the U-PER of the second')
  t.equal(e?.count[4], 1, 'the second reads the U-ORG of the first')
  t.not(seen(0)[0], seen(4)[0], 'different labels, different features')
  t.equal(e?.count[3], 0, '"The" was tagged nowhere: nothing to read, no second pass for it')
  t.equal(elsewhere(view.words, new Uint8Array(11)), null, 'a document tagged O throughout needs no second pass')
})

t.test('curly quotation marks read as straight ones', async (t) => {
  const curly = recognise(docOf('Headline\n\n“Kasich would be the best nominee,” Graham said.'))
  const straight = recognise(docOf('Headline\n\n"Kasich would be the best nominee," Graham said.'))
  t.same(curly, straight)
})
