import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { findMentions } from '../src/extract/entities/find-mentions.js'
import { conllDoc, readConll } from '../tools/corpora/conll.js'

// npm run bench:ner [-- FILE ROUNDS]: tokens per second through findMentions (the learned tagger
// and its typing) over CoNLL++ dev by default, one core; documents are built before timing.
// Not part of npm test; the figures depend on the machine.
const root = fileURLToPath(new URL('../', import.meta.url))
const file = path.resolve(root, process.argv[2] ?? '../shared/data/conllpp/dev.txt')
const rounds = Number(process.argv[3] ?? 5)
if (!fs.existsSync(file) || !Number.isInteger(rounds) || rounds < 1) {
  console.error('usage: npm run bench:ner -- [FILE.conll] [ROUNDS]')
  process.exit(2)
}
const { docs } = readConll(fs.readFileSync(file, 'utf8'))
const built = docs.map((c) => conllDoc(c.text))
const tokens = built.reduce((n, d) => n + d.sentences.reduce((m, s) => m + s.tokens.length, 0), 0)
let sink = 0
const round = (): number => {
  const t0 = performance.now()
  for (const doc of built) sink += findMentions(doc).length
  return performance.now() - t0
}
round()
const times = Array.from({ length: rounds }, round).sort((a, b) => a - b)
const median = times[Math.floor(times.length / 2)] ?? NaN
console.log(`${path.basename(file)}: ${docs.length} documents, ${tokens} tokens; rounds ${times.map((t) => (t / 1000).toFixed(2)).join(' / ')} s`)
console.log(`tokens/s ${Math.round(tokens / (median / 1000))} (median round, one core)`)
if (sink < 0) console.log(sink)
