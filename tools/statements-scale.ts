// The cost of statement assignment at volume, on generated quotes (words drawn from a Zipf
// vocabulary, a few hundred speakers, a third of the quotes copies, trims or variants of earlier
// ones, stock phrases said by everybody): bucket keys per quote, candidates per add, largest bucket.
import type { StatementQuote } from '../src/domain/statements.js'
import { StatementIndex } from '../src/store/statements/assign.js'
import { fingerprintQuote } from '../src/store/statements/fingerprint.js'
import type { StatementSettings } from '../src/store/statements/settings.js'
import { mulberry32 } from './random.js'

const STOCK = ['We will see.', 'No comment.', "It's a great day.", 'We are looking into it.', 'I have nothing to add at this time.']

function zipfWord (random: () => number, vocabulary: number): string {
  // inverse of a continuous Zipf (s = 1) over 1..vocabulary
  return `w${Math.floor(Math.exp(random() * Math.log(vocabulary)))}`
}

function derive (random: () => number, text: string): string {
  const words = text.split(' ')
  const kind = random()
  if (kind < 0.4) return text
  if (kind < 0.7) { const from = Math.floor(random() * words.length / 3); return words.slice(from, from + Math.max(6, Math.floor(words.length / 2))).join(' ') }
  const at = Math.floor(random() * words.length)
  return [...words.slice(0, at), 'changed', ...words.slice(at + 1)].join(' ')
}

export function generateQuotes (count: number, seed = 17): StatementQuote[] {
  const random = mulberry32(seed)
  const quotes: StatementQuote[] = []
  for (let i = 0; i < count; i++) {
    const speakerId = random() < 0.2 ? null : `p${Math.floor(Math.exp(random() * Math.log(400)))}`
    const earlier = quotes[Math.floor(random() * quotes.length)]
    const roll = random()
    const text = roll < 0.05 ? (STOCK[Math.floor(random() * STOCK.length)] ?? '')
      : roll < 0.35 && earlier ? derive(random, earlier.text)
        : Array.from({ length: 4 + Math.floor(random() * 40) }, () => zipfWord(random, 20000)).join(' ')
    const copiedSpeaker = roll >= 0.05 && roll < 0.35 && earlier ? earlier.speakerId : speakerId
    const id = `q${String(i).padStart(7, '0')}`
    quotes.push({ id, articleId: `a${Math.floor(i / 8)}`, text, speakerId: copiedSpeaker, order: id })
  }
  return quotes
}

export function measureScale (count: number, s: StatementSettings): string[] {
  const quotes = generateQuotes(count)
  const index = new StatementIndex(s)
  const candidates: number[] = []
  const started = performance.now()
  for (const q of quotes) candidates.push(index.add(q).candidates)
  const ms = performance.now() - started
  const sorted = [...candidates].sort((a, b) => a - b)
  const keys = quotes.slice(0, 2000).map((q) => fingerprintQuote(q, s).bucketKeys.length)
  const sizes = index.tableSizes()
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length)
  return [
    `${count} generated quotes (${sizes.classes} text classes, ${new Set(index.assignments().values()).size} statements): ${(ms / count).toFixed(3)} ms per add`,
    `bucket keys per quote: mean ${mean(keys).toFixed(1)}, max ${Math.max(...keys)}; bucket rows ${sizes.bucketRows} (${(sizes.bucketRows / count).toFixed(1)} per quote); echo edges ${sizes.edges}`,
    `candidate classes per add: mean ${mean(candidates).toFixed(2)}, p99 ${sorted[Math.floor(sorted.length * 0.99)] ?? 0}, max ${sorted.at(-1) ?? 0}`
  ]
}
