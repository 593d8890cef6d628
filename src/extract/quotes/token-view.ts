// The flat token view the attribution taggers read: every sentence's tokens in document order, with
// what the features need precomputed once per document (lower case, shape, quotation state).
import type { Doc } from '../text/document.js'
import type { Token } from '../../domain/extraction.js'
import { hashString } from '../learning/feature-hash.js'
import { shapeOf } from '../learning/word-shape.js'

export interface TokenView {
  doc: Doc
  tokens: Token[]
  lower: string[]
  shape: string[]
  /** Index of the token's sentence in doc.sentences. */
  sentence: Int32Array
  /** Whether the token lies inside a quoted region (a quotation mark itself counts as inside). */
  quoted: Uint8Array
  /** [first, last + 1) token of each sentence. */
  sentenceRange: [number, number][]
  /** Running counts of commas and of quotation marks: commas[j] - commas[i] counts those in [i, j). */
  commas: Int32Array
  marks: Int32Array
  /** One past the last quoted token before each position: lastQuoted[i] - 1 < i is that token, 0 when none. */
  lastQuoted: Int32Array
  /** Hashes of each token's lower case, stem, shape and last three letters, for the features. */
  word: Uint32Array
  stem: Uint32Array
  shapeHash: Uint32Array
  suffix: Uint32Array
}

const QUOTE_MARK = /^["“”„‟«»‘’‚‛'`]$/u

export const isQuoteMark = (word: string): boolean => QUOTE_MARK.test(word)

export function tokenView (doc: Doc): TokenView {
  const tokens: Token[] = []
  const sentence: number[] = []
  const sentenceRange: [number, number][] = []
  doc.sentences.forEach((s, i) => {
    sentenceRange.push([tokens.length, tokens.length + s.tokens.length])
    for (const t of s.tokens) { tokens.push(t); sentence.push(i) }
  })
  const quoted = new Uint8Array(tokens.length)
  // regions are sorted by opening offset; walk both lists once
  const regions = doc.regions.filter((r) => r.depth === 0).sort((a, b) => a.open - b.open)
  let r = 0
  tokens.forEach((t, i) => {
    while (r < regions.length && (regions[r]?.end ?? 0) <= t.start) r++
    const region = regions[r]
    if (region && t.start >= region.open && t.start < region.end) quoted[i] = 1
  })
  const lower = tokens.map((t) => t.text.toLowerCase())
  const shape = tokens.map((t) => shapeOf(t.text))
  return {
    doc,
    tokens,
    lower,
    shape,
    sentence: Int32Array.from(sentence),
    quoted,
    sentenceRange,
    commas: runningCount(lower, (w) => w === ','),
    marks: runningCount(lower, isQuoteMark),
    lastQuoted: lastQuotedBefore(quoted),
    ...wordHashes(lower),
    shapeHash: Uint32Array.from(shape, hashString)
  }
}

function lastQuotedBefore (quoted: Uint8Array): Int32Array {
  const out = new Int32Array(quoted.length + 1)
  for (let i = 0; i < quoted.length; i++) out[i + 1] = quoted[i] ? i + 1 : out[i] ?? 0
  return out
}

function runningCount (lower: string[], test: (w: string) => boolean): Int32Array {
  const counts = new Int32Array(lower.length + 1)
  lower.forEach((w, i) => { counts[i + 1] = (counts[i] ?? 0) + (test(w) ? 1 : 0) })
  return counts
}

/** Hashes of each word, its stem and its last three letters; a stem or suffix equal to the word reuses its hash. */
function wordHashes (lower: string[]): { word: Uint32Array, stem: Uint32Array, suffix: Uint32Array } {
  const word = new Uint32Array(lower.length)
  const stem = new Uint32Array(lower.length)
  const suffix = new Uint32Array(lower.length)
  lower.forEach((w, i) => {
    const h = hashString(w)
    word[i] = h
    const s = stemOf(w)
    stem[i] = s === w ? h : hashString(s)
    suffix[i] = w.length <= 3 ? h : hashString(w.slice(-3))
  })
  return { word, stem, suffix }
}

/** A crude stem that lets "says", "said", "saying" and "say" share some weight. */
export function stemOf (lower: string): string {
  if (lower.length > 5 && lower.endsWith('ing')) return lower.slice(0, -3)
  if (lower.length > 4 && lower.endsWith('ed')) return lower.slice(0, -2)
  if (lower.length > 3 && lower.endsWith('s') && !lower.endsWith('ss')) return lower.slice(0, -1)
  return lower
}
