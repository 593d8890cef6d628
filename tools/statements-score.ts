// Scoring statement matching against the labelled pairs (test/store/statements/fixtures.ts):
// pairwise precision and recall per relation, found through the bucket keys as the index finds
// them, and statement-level agreement when every quote of the set goes into one index.
import type { EchoRelation, StatementQuote } from '../src/domain/statements.js'
import { StatementIndex } from '../src/store/statements/assign.js'
import { fingerprintQuote, type Fingerprint } from '../src/store/statements/fingerprint.js'
import { matchQuotes, shingleJaccard } from '../src/store/statements/match.js'
import type { StatementSettings } from '../src/store/statements/settings.js'
import type { LabelledPair, LabelledQuote, PairLabel } from '../test/store/statements/fixtures.js'

export interface Score { tp: number, predicted: number, labelled: number }
export type Scores = Record<EchoRelation | 'any', Score>

const MIRROR: Record<PairLabel, PairLabel> = { exact: 'exact', contained: 'contains', contains: 'contained', variant: 'variant', none: 'none' }

function asQuote (q: LabelledQuote, id: string): StatementQuote {
  return { id, articleId: id, text: q.text, speakerId: q.speaker, order: id }
}

/** A pair is found only when the two share a bucket key or a class, as in the index. */
function predict (a: Fingerprint, b: Fingerprint, s: StatementSettings): PairLabel {
  const keys = new Set(a.bucketKeys)
  const found = a.classKey === b.classKey || b.bucketKeys.some((k) => keys.has(k))
  return found ? (matchQuotes(a, b, s)?.relation ?? 'none') : 'none'
}

function emptyScores (): Scores {
  const z = (): Score => ({ tp: 0, predicted: 0, labelled: 0 })
  return { exact: z(), contained: z(), contains: z(), variant: z(), any: z() }
}

function count (scores: Scores, label: PairLabel, predicted: PairLabel): void {
  if (label !== 'none') scores[label].labelled++
  if (predicted !== 'none') scores[predicted].predicted++
  if (label !== 'none' && label === predicted) scores[label].tp++
  if (label !== 'none') scores.any.labelled++
  if (predicted !== 'none') scores.any.predicted++
  if (label !== 'none' && predicted !== 'none') scores.any.tp++
}

/** Each pair both ways (a→b and b→a, the label mirrored): the relation must be symmetric too. */
export function scorePairs (pairs: readonly LabelledPair[], s: StatementSettings): { scores: Scores, errors: string[], lostToBuckets: number } {
  const scores = emptyScores()
  const errors: string[] = []
  let lostToBuckets = 0
  for (const p of pairs) {
    const a = fingerprintQuote(asQuote(p.a, `${p.id}/a`), s)
    const b = fingerprintQuote(asQuote(p.b, `${p.id}/b`), s)
    const forward = predict(a, b, s)
    count(scores, p.relation, forward)
    count(scores, MIRROR[p.relation], predict(b, a, s))
    if (forward === 'none' && p.relation !== 'none' && matchQuotes(a, b, s)?.relation === p.relation) lostToBuckets++
    if (forward !== p.relation) errors.push(`${p.id} [${p.category}] labelled ${p.relation}, found ${forward}`)
  }
  return { scores, errors, lostToBuckets }
}

/**
 * Every quote of the pairs in one index (a family's base once): for each labelled pair, are the two
 * in one statement? Chaining through third quotes shows here and not in the pairwise figures.
 */
export function scoreStatements (pairs: readonly LabelledPair[], s: StatementSettings): Score & { bucketsPerQuote: number, candidatesPerAdd: number } {
  const index = new StatementIndex(s)
  let candidates = 0
  const bases = new Map<string, string>()
  for (const p of pairs) {
    if (!bases.has(p.family)) { bases.set(p.family, `${p.family}/base`); candidates += index.add(asQuote(p.a, `${p.family}/base`)).candidates }
    candidates += index.add(asQuote(p.b, `${p.id}/b`)).candidates
  }
  const score: Score = { tp: 0, predicted: 0, labelled: 0 }
  for (const p of pairs) {
    const same = index.statementOf(`${p.family}/base`) === index.statementOf(`${p.id}/b`)
    if (p.relation !== 'none') score.labelled++
    if (same) score.predicted++
    if (same && p.relation !== 'none') score.tp++
  }
  const sizes = index.tableSizes()
  return { ...score, bucketsPerQuote: sizes.bucketRows / sizes.classes, candidatesPerAdd: candidates / sizes.quotes }
}

export function precision (s: Score): number { return s.predicted === 0 ? 1 : s.tp / s.predicted }
export function recall (s: Score): number { return s.labelled === 0 ? 1 : s.tp / s.labelled }
export function f1 (s: Score): number { const p = precision(s); const r = recall(s); return p + r === 0 ? 0 : (2 * p * r) / (p + r) }

/** Shingle Jaccard of the same-speaker pairs long enough for a variant, by label: where a threshold can go. */
export function jaccardByLabel (pairs: readonly LabelledPair[], s: StatementSettings): Map<PairLabel, number[]> {
  const out = new Map<PairLabel, number[]>()
  for (const p of pairs) {
    if (p.a.speaker === null || p.a.speaker !== p.b.speaker) continue
    const a = fingerprintQuote(asQuote(p.a, 'a'), s)
    const b = fingerprintQuote(asQuote(p.b, 'b'), s)
    if (Math.min(a.words.length, b.words.length) < s.minVariantWords || a.canonical === b.canonical) continue
    out.set(p.relation, [...(out.get(p.relation) ?? []), shingleJaccard(a.shingles, b.shingles)].sort((x, y) => x - y))
  }
  return out
}
