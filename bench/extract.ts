import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArticle } from '../src/extract/pipeline.js'

// npm run bench:extract -- [DIR] [ROUNDS]: times parseArticle over every *.txt in DIR
// (../shared/data/polnear/train/text beside the project by default), ROUNDS timed rounds after a
// warm-up round (3 by default). Single-threaded: one core, files parsed one after the other.
// Not part of npm test; the figures depend on the machine.
const root = fileURLToPath(new URL('../', import.meta.url))
const dir = path.resolve(root, process.argv[2] ?? '../shared/data/polnear/train/text')
const rounds = Number(process.argv[3] ?? 3)
if (!Number.isInteger(rounds) || rounds < 1) {
  console.error(`rounds must be a positive integer, not ${process.argv[3]}`)
  process.exit(2)
}
if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
  console.error(`no such folder: ${dir}\nusage: npm run bench:extract -- [DIR of *.txt articles] [ROUNDS]`)
  process.exit(2)
}
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()
if (!files.length) {
  console.error(`no *.txt files in ${dir}`)
  process.exit(2)
}
const texts = files.map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
const bytes = texts.reduce((sum, t) => sum + Buffer.byteLength(t, 'utf8'), 0)

/** The q-quantile (0..1) of ascending-sorted values, nearest rank. */
function quantile (sorted: number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))
  return sorted[i] ?? NaN
}

// A sink for the results, so the parse cannot be optimised away.
let sink = 0
function round (perArticle: number[] | null): number {
  const started = performance.now()
  for (const text of texts) {
    const t0 = performance.now()
    const a = parseArticle(text)
    if (perArticle) perArticle.push(performance.now() - t0)
    sink += a.quotes.length + a.entities.length
  }
  return performance.now() - started
}

const warm = round(null)
const roundMs: number[] = []
const perArticle: number[] = []
for (let r = 0; r < rounds; r++) roundMs.push(round(perArticle))
const sortedRounds = [...roundMs].sort((a, b) => a - b)
const sortedArticles = [...perArticle].sort((a, b) => a - b)
const medianMs = quantile(sortedRounds, 0.5)
const fmt = (n: number, digits = 1): string => n.toFixed(digits)

console.log(`folder        ${dir}`)
console.log(`articles      ${texts.length} (${fmt(bytes / 1024)} KB, mean ${fmt(bytes / texts.length / 1024, 2)} KB)`)
console.log(`rounds        ${rounds} after a ${fmt(warm / 1000, 2)} s warm-up; round times ${roundMs.map((ms) => fmt(ms / 1000, 2)).join(' / ')} s`)
console.log(`articles/s    ${fmt(texts.length / (medianMs / 1000))} (median round)`)
console.log(`throughput    ${fmt(bytes / 1024 / (medianMs / 1000))} KB/s (median round)`)
console.log(`per article   p50 ${fmt(quantile(sortedArticles, 0.5), 2)} ms, p99 ${fmt(quantile(sortedArticles, 0.99), 2)} ms, max ${fmt(sortedArticles.at(-1) ?? NaN, 2)} ms (over all timed rounds)`)
if (sink < 0) console.log(sink)
