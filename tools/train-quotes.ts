import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { contentCandidates, frameOf, sourceCandidates } from '../src/extract/quotes/candidates.js'
import { cueFeatures, tagCues } from '../src/extract/quotes/cue-tagger.js'
import { contentFeatures, sourceFeatures } from '../src/extract/quotes/span-features.js'
import { goldOf, type GoldAttribution, type GoldRoles } from './corpora/gold-attributions.js'
import { MODEL_FILE } from '../src/extract/quotes/attribution-model.js'
import { coverage, rankRoles } from '../src/extract/quotes/ranker.js'
import { tokenView, type TokenView } from '../src/extract/quotes/token-view.js'
import { HashedTrainer } from '../src/extract/learning/weights.js'
import { buildDoc } from '../src/extract/text/document.js'
import { segment } from '../src/extract/text/segment.js'
import { mulberry32, shuffled } from './random.js'

// npm run train:quotes [-- EPOCHS]: trains the cue tagger and the source and content rankers on
// PolNeAR train with a fixed seed, and writes models/quotes.bin. Same data, same seed: same bytes.
const SEED = 20161108
const BITS = 20
// a feature seen fewer times than this in the training data gets no weight
const MIN_COUNT = 2
const root = fileURLToPath(new URL('../', import.meta.url))
const shared = path.resolve(root, process.env.SHARED_DIR ?? '../shared')
const trainDir = path.join(shared, 'data', 'polnear', 'train')
const epochs = Number(process.argv[2] ?? 6)

interface Example {
  view: TokenView
  cueLabels: Uint8Array
  roles: GoldRoles[]
}

function load (): Example[] {
  if (!fs.existsSync(trainDir)) {
    console.error(`no PolNeAR train split at ${trainDir}: training needs ../shared beside the project`)
    process.exit(2)
  }
  const lines = fs.readFileSync(path.join(trainDir, 'gold.jsonl'), 'utf8').split('\n').filter((l) => l.trim())
  const examples = lines.map((line) => {
    const gold = JSON.parse(line) as { id: string, attributions: GoldAttribution[] }
    const text = fs.readFileSync(path.join(trainDir, 'text', `${gold.id}.txt`), 'utf8')
    const { title, paragraphs } = segment(text)
    const view = tokenView(buildDoc(text, title, paragraphs))
    return { id: gold.id, view, ...goldOf(view, gold.attributions) }
  })
  // a fixed order before shuffling, whatever order the file system lists
  return examples.sort((a, b) => (a.id < b.id ? -1 : 1))
}

const started = performance.now()
const examples = load()
console.log(`loaded ${examples.length} articles, ${examples.reduce((n, e) => n + e.roles.length, 0)} attributions, ` +
  `in ${((performance.now() - started) / 1000).toFixed(1)} s`)
const random = mulberry32(SEED)
const trainers = { cue: new HashedTrainer(3, BITS), source: new HashedTrainer(1, BITS), content: new HashedTrainer(1, BITS) }
countFeatures()

/** Keeps, for each model, the features that occur at least MIN_COUNT times over the training data. */
function countFeatures (): void {
  const counts = { cue: new Map<number, number>(), source: new Map<number, number>(), content: new Map<number, number>() }
  const buffer = new Uint32Array(64)
  const add = (map: Map<number, number>, n: number) => { for (let i = 0; i < n; i++) map.set(buffer[i] ?? 0, (map.get(buffer[i] ?? 0) ?? 0) + 1) }
  for (const { view, cueLabels, roles } of examples) {
    for (const [from, to] of view.sentenceRange) {
      for (let i = from; i < to; i++) add(counts.cue, cueFeatures(view, i, from, to, i > from ? cueLabels[i - 1] ?? 0 : 0, buffer))
    }
    for (const gold of roles) {
      const frame = frameOf(view, gold.cue)
      for (const s of [null, ...sourceCandidates(view, frame)]) add(counts.source, sourceFeatures(view, frame, s, buffer))
      for (const c of contentCandidates(view, frame, gold.source)) add(counts.content, contentFeatures(view, frame, c, gold.source, buffer))
    }
  }
  for (const name of ['cue', 'source', 'content'] as const) {
    const kept = new Set([...counts[name]].filter(([, n]) => n >= MIN_COUNT).map(([f]) => f))
    trainers[name].allowed = kept
    console.log(`${name}: ${kept.size} of ${counts[name].size} features occur ${MIN_COUNT}+ times`)
  }
}

for (let epoch = 1; epoch <= epochs; epoch++) {
  const t0 = performance.now()
  let cueErrors = 0
  let cueTokens = 0
  let sourceRight = 0
  let contentRight = 0
  let roleCount = 0
  Object.assign(coverage, { source: 0, sourceMissed: 0, content: 0, contentMissed: 0 })
  for (const ex of shuffled(examples, random)) {
    const { view } = ex
    for (let s = 0; s < view.sentenceRange.length; s++) {
      const [from, to] = view.sentenceRange[s] ?? [0, 0]
      const gold = ex.cueLabels.subarray(from, to)
      const predicted = new Uint8Array(to - from)
      for (const cue of tagCues(view, s, trainers.cue, { trainer: trainers.cue, gold })) {
        for (let i = cue.from; i < cue.to; i++) predicted[i - from] = i === cue.from ? 1 : 2
      }
      gold.forEach((g, i) => { if (g !== predicted[i]) cueErrors++ })
      cueTokens += to - from
    }
    for (const gold of shuffled(ex.roles, random)) {
      const guess = rankRoles(view, gold.cue, trainers, { trainer: trainers, gold })
      roleCount++
      if (JSON.stringify(guess.source) === JSON.stringify(gold.source)) sourceRight++
      if (JSON.stringify(guess.content) === JSON.stringify(gold.content)) contentRight++
    }
  }
  console.log(`epoch ${epoch}: cue token error ${(cueErrors / cueTokens).toFixed(4)}; source exact ${(sourceRight / roleCount).toFixed(3)}, ` +
    `content exact ${(contentRight / roleCount).toFixed(3)}; gold candidates missed: source ${coverage.sourceMissed}/${coverage.source}, ` +
    `content ${coverage.contentMissed}/${coverage.content} (${((performance.now() - t0) / 1000).toFixed(1)} s)`)
}

const buffer = Buffer.concat([trainers.cue.toBuffer(), trainers.source.toBuffer(), trainers.content.toBuffer()])
fs.mkdirSync(path.dirname(MODEL_FILE), { recursive: true })
fs.writeFileSync(MODEL_FILE, buffer)
console.log(`wrote ${path.relative(root, MODEL_FILE)}: ${(buffer.length / 1e6).toFixed(2)} MB, ${epochs} epochs, seed ${SEED}, ${BITS}-bit tables, ` +
  `in ${((performance.now() - started) / 1000).toFixed(0)} s`)
