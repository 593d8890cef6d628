// What a quote is matched by and found through: its canonical words, its word shingles, a MinHash
// signature, and bucket keys. A bucket key is a string "<scope>|<kind>:<8 hex digits>"; two quotes
// are candidates when they share one. Scope is the speaker's id, or * for keys any speaker may share.
import type { StatementQuote } from '../../domain/statements.js'
import { combine, fmix32, hashString, hex32 } from './hash.js'
import { canonicalText, statementWords, type QuoteWord } from './normalise.js'
import type { StatementSettings } from './settings.js'

export interface Fingerprint {
  quote: StatementQuote
  words: QuoteWord[]
  canonical: string
  /** Distinct similarity shingles. */
  shingles: Set<number>
  /** Quotes with equal class keys are exact copies of each other (same words, same scope). */
  classKey: string
  /** The keys the quote is stored under and looked up by: the same list, so finding is symmetric. */
  bucketKeys: string[]
}

export const OPEN_SCOPE = '*'

/** Hashes of each run of k words, in order; a quote shorter than k is one shingle. */
export function shingleHashes (words: readonly QuoteWord[], k: number): number[] {
  const hashes = words.map((w) => hashString(w.text))
  if (hashes.length === 0) return []
  const out: number[] = []
  for (let i = 0; i + k <= hashes.length || (i === 0 && out.length === 0); i++) {
    let h = k
    for (let j = i; j < Math.min(i + k, hashes.length); j++) h = combine(h, hashes[j] ?? 0)
    out.push(h)
  }
  return out
}

/** One seeded permutation of 32-bit values per MinHash row (fmix32 is a bijection). */
function permutationSeed (i: number): number {
  return fmix32(Math.imul(i + 1, 0x9e3779b9))
}

export function minhashSignature (shingles: Iterable<number>, size: number): Uint32Array {
  const seeds = Array.from({ length: size }, (_, i) => permutationSeed(i))
  const signature = new Uint32Array(size).fill(0xffffffff)
  for (const s of shingles) {
    for (let i = 0; i < size; i++) {
      const h = fmix32(s ^ (seeds[i] ?? 0))
      if (h < (signature[i] ?? 0)) signature[i] = h
    }
  }
  return signature
}

/** One key per band: quotes whose signatures agree on all rows of any band become candidates. */
export function lshBandKeys (signature: Uint32Array, bands: number, rows: number): number[] {
  return Array.from({ length: bands }, (_, band) => {
    let h = fmix32(band + 1)
    for (let r = 0; r < rows; r++) h = combine(h, signature[band * rows + r] ?? 0)
    return h
  })
}

/**
 * Winnowing: the least hash of every window of `window` consecutive shingles. Two quotes sharing
 * a run of window + k − 1 words share that run's windows, and so the keys chosen in them.
 */
export function winnow (hashes: readonly number[], window: number): number[] {
  const chosen = new Set<number>()
  const size = Math.min(window, hashes.length)
  for (let i = 0; i + size <= hashes.length && size > 0; i++) {
    let least = hashes[i] ?? 0
    for (let j = i + 1; j < i + size; j++) least = Math.min(least, hashes[j] ?? 0)
    chosen.add(least)
  }
  return [...chosen]
}

function scopedKeys (scope: string, kind: string, hashes: readonly number[]): string[] {
  return [...new Set(hashes)].map((h) => `${scope}|${kind}:${hex32(h)}`)
}

/**
 * Short quotes have no keys: they match exact copies only, found by class. Variants are found by
 * LSH bands and containments by winnowed shingles within the speaker; quotes long enough for an
 * unresolved match also carry open-scope winnowed keys of longer shingles (fewer stock runs).
 */
export function bucketKeysOf (words: readonly QuoteWord[], speakerId: string | null, shingles: Set<number>, s: StatementSettings): string[] {
  const keys: string[] = []
  if (speakerId !== null && words.length >= s.minContainedWords) {
    keys.push(...scopedKeys(speakerId, 'w', winnow(shingleHashes(words, s.speakerKeyShingle), s.speakerKeyWindow)))
  }
  if (speakerId !== null && words.length >= s.minVariantWords) {
    const signature = minhashSignature(shingles, s.bands * s.rows)
    keys.push(...lshBandKeys(signature, s.bands, s.rows).map((h, band) => `${speakerId}|b${band}:${hex32(h)}`))
  }
  if (words.length >= s.minUnresolvedWords) {
    keys.push(...scopedKeys(OPEN_SCOPE, 'w', winnow(shingleHashes(words, s.openKeyShingle), s.openKeyWindow)))
  }
  return keys
}

/**
 * Exact copies share a class: same words and same speaker, or same words among the quotes an
 * unresolved speaker may match by. A short unresolved quote matches nothing, so it is its own class.
 */
export function classKeyOf (quote: StatementQuote, canonical: string, wordCount: number, s: StatementSettings): string {
  if (quote.speakerId !== null) return `${quote.speakerId}|${canonical}`
  return wordCount >= s.minUnresolvedWords ? `${OPEN_SCOPE}|${canonical}` : `${OPEN_SCOPE}${quote.id}|${canonical}`
}

export function fingerprintQuote (quote: StatementQuote, s: StatementSettings): Fingerprint {
  const words = statementWords(quote.text)
  const canonical = canonicalText(words)
  const shingles = new Set(shingleHashes(words, s.shingle))
  return {
    quote,
    words,
    canonical,
    shingles,
    classKey: classKeyOf(quote, canonical, words.length, s),
    bucketKeys: bucketKeysOf(words, quote.speakerId, shingles, s)
  }
}

/** What matching a stored class against a new quote needs: its words and shingles, no bucket keys. */
export function matchingFingerprint (quote: StatementQuote, s: StatementSettings): Fingerprint {
  const words = statementWords(quote.text)
  const canonical = canonicalText(words)
  return { quote, words, canonical, shingles: new Set(shingleHashes(words, s.shingle)), classKey: classKeyOf(quote, canonical, words.length, s), bucketKeys: [] }
}
