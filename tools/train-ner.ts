import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { HashedTrainer, SparseModel } from '../src/extract/learning/weights.js'
import { conllDoc, readConll, type ConllDoc } from './corpora/conll.js'
import { MAX_FEATURES, nerFeatures, nerView, type NerView } from '../src/extract/entities/ner-features.js'
import { LABELS, labelsOf, spansOf, type TokenSpan } from '../src/extract/entities/ner-labels.js'
import { NER_MODEL_FILE } from '../src/extract/entities/ner-model.js'
import { concatenated, elsewhere, type Elsewhere } from '../src/extract/entities/ner-elsewhere.js'
import { tagSentence, TRANSITION } from '../src/extract/entities/ner-tagger.js'
import { mulberry32, shuffled } from './random.js'

// npm run train:ner [-- EPOCHS]: trains the BILOU structured perceptron on CoNLL++ train with a
// fixed seed and writes models/ner.bin. Same data, same seed: same bytes. The labels-elsewhere
// features (ner-elsewhere.ts) read first-pass labels that are jack-knifed: each fold of documents
// is tagged by a tagger trained on the other folds, as unseen text would be.
const SEED = 20031231
const FOLDS = 4
const KEEP_ELSEWHERE = 0.75
const BITS = 17
// a feature seen fewer times than this in the training data gets no weight
const MIN_COUNT = 2
const root = fileURLToPath(new URL('../', import.meta.url))
const shared = path.resolve(root, process.env.SHARED_DIR ?? '../shared')
const trainFile = path.join(shared, 'data', 'conllpp', 'train.txt')
const epochs = Number(process.argv[2] ?? 12)

interface Example {
  view: NerView
  gold: Uint8Array[]
  /** The document's jack-knifed labels elsewhere, once known. */
  elsewhere?: Elsewhere | null
}

/** Gold BILOU labels of our own tokens, sentence by sentence: a token takes its CoNLL entity. */
function example (c: ConllDoc): Example {
  const doc = conllDoc(c.text)
  const view = nerView(doc.sentences.map((s) => s.tokens))
  const owner = new Int32Array(c.text.length).fill(-1)
  c.entities.forEach((e, k) => owner.fill(k, e.start, e.end))
  const gold = doc.sentences.map((s) => {
    const spans: TokenSpan[] = []
    s.tokens.forEach((t, i) => {
      const k = owner[t.start] ?? -1
      const e = c.entities[k]
      if (!e) return
      const last = spans[spans.length - 1]
      if (last && last.to === i && (owner[s.tokens[i - 1]?.start ?? -1] ?? -1) === k) last.to = i + 1
      else spans.push({ from: i, to: i + 1, type: e.type })
    })
    return labelsOf(spans, s.tokens.length)
  })
  return { view, gold }
}

function load (): Example[] {
  if (!fs.existsSync(trainFile)) {
    console.error(`no CoNLL++ train split at ${trainFile}: training needs ../shared beside the project`)
    process.exit(2)
  }
  return readConll(fs.readFileSync(trainFile, 'utf8')).docs.map(example)
}

/** Keeps the features that occur at least MIN_COUNT times, and every transition. */
function allowedFeatures (examples: Example[]): Set<number> {
  const counts = new Map<number, number>()
  const buffer = new Uint32Array(MAX_FEATURES)
  for (const { view, elsewhere } of examples) {
    view.elsewhere = elsewhere ?? null
    for (const [from, to] of view.ranges) {
      for (let i = from; i < to; i++) {
        const n = nerFeatures(view, i, from, to, buffer)
        for (let k = 0; k < n; k++) counts.set(buffer[k] ?? 0, (counts.get(buffer[k] ?? 0) ?? 0) + 1)
      }
    }
  }
  const kept = new Set([...counts].filter(([, n]) => n >= MIN_COUNT).map(([f]) => f))
  console.log(`${kept.size} of ${counts.size} features occur ${MIN_COUNT}+ times`)
  for (const f of TRANSITION) kept.add(f)
  return kept
}

/** A perceptron trained on `examples` for `epochs`, documents and sentences shuffled by `random`. */
function train (examples: Example[], allowed: Set<number>, epochs: number, random: () => number, log: boolean): HashedTrainer {
  const trainer = new HashedTrainer(LABELS, BITS)
  trainer.allowed = allowed
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const t0 = performance.now()
    let wrong = 0
    let entities = 0
    for (const { view, gold, elsewhere } of shuffled(examples, random)) {
      for (const s of shuffled(gold.map((_, k) => k), random)) {
        const truth = gold[s] as Uint8Array
        // a quarter of the time without the labels elsewhere, as in the first pass, which must tag well alone
        view.elsewhere = elsewhere && random() < KEEP_ELSEWHERE ? elsewhere : null
        const guess = tagSentence(view, s, trainer, { trainer, gold: truth })
        const g = spansOf(truth).map((x) => `${x.from}:${x.to}:${x.type}`)
        const p = new Set(spansOf(guess).map((x) => `${x.from}:${x.to}:${x.type}`))
        entities += g.length
        wrong += g.filter((x) => !p.has(x)).length
      }
    }
    if (log) console.log(`epoch ${epoch}: entities missed ${(wrong / entities).toFixed(4)} (${((performance.now() - t0) / 1000).toFixed(1)} s)`)
  }
  return trainer
}

/** Each document's labels elsewhere, from a first pass by a tagger that did not see the document. */
function jackknifed (examples: Example[], random: () => number): (Elsewhere | null)[] {
  const out: (Elsewhere | null)[] = examples.map(() => null)
  for (let fold = 0; fold < FOLDS; fold++) {
    const t0 = performance.now()
    const rest = examples.filter((_, k) => k % FOLDS !== fold)
    const model = SparseModel.fromBuffer(train(rest, allowedFeatures(rest), epochs, random, false).toBuffer()).model
    examples.forEach(({ view }, k) => {
      if (k % FOLDS !== fold) return
      const labels = view.ranges.map((_, s) => tagSentence(view, s, model))
      out[k] = elsewhere(view.words, concatenated(labels, view.words.length))
    })
    console.log(`fold ${fold + 1} of ${FOLDS}: first-pass labels in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
  }
  return out
}

const started = performance.now()
const examples = load()
const tokens = examples.reduce((n, e) => n + e.view.words.length, 0)
console.log(`loaded ${examples.length} documents, ${tokens} tokens, in ${((performance.now() - started) / 1000).toFixed(1)} s`)
const random = mulberry32(SEED)
jackknifed(examples, random).forEach((e, k) => { (examples[k] as Example).elsewhere = e })
const trainer = train(examples, allowedFeatures(examples), epochs, random, true)
const buffer = trainer.toBuffer()
fs.mkdirSync(path.dirname(NER_MODEL_FILE), { recursive: true })
fs.writeFileSync(NER_MODEL_FILE, buffer)
console.log(`wrote ${path.relative(root, NER_MODEL_FILE)}: ${(buffer.length / 1e6).toFixed(2)} MB, ${epochs} epochs, seed ${SEED}, ` +
  `${BITS}-bit tables, in ${((performance.now() - started) / 1000).toFixed(0)} s`)
