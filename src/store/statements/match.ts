// Whether two quotes are echoes of one another, and how: an exact copy, one inside the other, or a
// variant with a few words changed. Symmetric: match(b, a) is match(a, b) seen from b (contained ↔
// contains, the differences swapped). The candidates come from shared bucket keys; this decides.
import type { EchoMatch, EchoRelation } from '../../domain/statements.js'
import { wordDifferences } from './diff.js'
import type { Fingerprint } from './fingerprint.js'
import type { StatementSettings } from './settings.js'

/** What the two speakers allow: the least length of the shorter quote, and whether variants count. */
interface SpeakerAllowance { minShorterWords: number, minExactWords: number, variants: boolean }

/**
 * Two resolved speakers must be the same person: the same stock phrase ("we will see") by two
 * people is two statements. An unresolved side may be anyone, so only long exact copies and long
 * containments (unlikely to be chance) join it; never a variant, which would be a guess twice over.
 */
export function speakerAllowance (a: Fingerprint, b: Fingerprint, s: StatementSettings): SpeakerAllowance | null {
  const x = a.quote.speakerId
  const y = b.quote.speakerId
  if (x !== null && y !== null) return x === y ? { minShorterWords: s.minContainedWords, minExactWords: 1, variants: true } : null
  return { minShorterWords: s.minUnresolvedWords, minExactWords: s.minUnresolvedWords, variants: false }
}

export function shingleJaccard (a: Set<number>, b: Set<number>): number {
  const shared = sharedCount(a, b)
  const union = a.size + b.size - shared
  return union === 0 ? 0 : shared / union
}

function sharedCount (a: Set<number>, b: Set<number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  let shared = 0
  for (const h of small) if (large.has(h)) shared++
  return shared
}

function containedIn (short: string, long: string): boolean {
  return ` ${long} `.includes(` ${short} `)
}

function containment (a: Fingerprint, b: Fingerprint, similarity: number): EchoMatch {
  const relation: EchoRelation = a.words.length < b.words.length ? 'contained' : 'contains'
  return { relation, similarity, differences: null }
}

function round (x: number): number {
  return Math.round(x * 1000) / 1000
}

export function matchQuotes (a: Fingerprint, b: Fingerprint, s: StatementSettings): EchoMatch | null {
  const allowed = speakerAllowance(a, b, s)
  if (allowed === null || a.words.length === 0 || b.words.length === 0) return null
  const [short, long] = a.words.length <= b.words.length ? [a, b] : [b, a]
  if (a.canonical === b.canonical) return a.words.length >= allowed.minExactWords ? { relation: 'exact', similarity: 1, differences: null } : null
  if (short.words.length < allowed.minShorterWords) return null
  const lengthRatio = short.words.length / long.words.length
  if (containedIn(short.canonical, long.canonical)) return containment(a, b, round(lengthRatio))
  // a trimmed copy with an ellipsis or a word changed: most of the shorter's shingles in the longer,
  // and clearly shorter (closer lengths make a variant, which an unresolved side may not have)
  const covered = sharedCount(short.shingles, long.shingles) / short.shingles.size
  if (covered >= s.containment && lengthRatio <= s.containedLengthRatio) return containment(a, b, round(covered * lengthRatio))
  if (allowed.variants && short.words.length >= s.minVariantWords) {
    const jaccard = shingleJaccard(a.shingles, b.shingles)
    if (jaccard >= s.variantJaccard) return { relation: 'variant', similarity: round(jaccard), differences: wordDifferences(a.words, b.words) }
  }
  return null
}

/** The links a new wording keeps: the `max` most similar matches, ties by class key (settings.maxLinks). */
export function strongestLinks<T extends { key: string, match: EchoMatch }> (matches: T[], max: number): T[] {
  return [...matches].sort((a, b) => b.match.similarity - a.match.similarity || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).slice(0, max)
}

/**
 * The candidate classes matched: the `max` sharing the most bucket keys, ties by the most recently
 * stored (settings.maxCandidates). `shared` maps a class to [keys shared, its arrival sequence].
 */
export function mostShared<K> (shared: ReadonlyMap<K, readonly [number, number]>, max: number): K[] {
  return [...shared].sort(([, [x, a]], [, [y, b]]) => y - x || b - a).slice(0, max).map(([key]) => key)
}
