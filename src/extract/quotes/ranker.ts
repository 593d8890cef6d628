// Picks, for one cue, the best-scoring source and then the best-scoring content given that source.
// Training uses the same loop: the gold candidate must outscore the guess, else both are updated.
import { contentCandidates, frameOf, sourceCandidates, type Frame, type Range } from './candidates.js'
import type { CueRange } from './cue-tagger.js'
import {
  contentEndFeatures, contentFeatures, contentKind, contentPairFeatures, contentStartFeatures, noSourceFeatures,
  sourceEndFeatures, sourceFeatures, sourcePairFeatures, sourceSide, sourceStartFeatures
} from './span-features.js'
import type { TokenView } from './token-view.js'
import type { HashedTrainer, Scorer } from '../learning/weights.js'

export interface Roles {
  source: Range | null
  content: Range[]
}

const features = new Uint32Array(64)
const goldFeatures = new Uint32Array(64)

function best<T> (candidates: T[], score: (c: T) => number): T | undefined {
  let top: T | undefined
  let topScore = -Infinity
  for (const c of candidates) {
    const s = score(c)
    if (s > topScore) { topScore = s; top = c }
  }
  return top
}

const sameRange = (x: Range | null, y: Range | null) => x === y || (x !== null && y !== null && x[0] === y[0] && x[1] === y[1])
const sameFragments = (x: Range[], y: Range[]) => x.length === y.length && x.every((r, i) => sameRange(r, y[i] ?? null))

export interface RoleTraining {
  trainer: { source: HashedTrainer, content: HashedTrainer }
  gold: Roles
}

/** Counts of gold candidates that the candidate generator could not produce, for the training log. */
export const coverage = { source: 0, sourceMissed: 0, content: 0, contentMissed: 0 }

/** Sums a part's weights once per key: candidates share their starts and ends. */
function memo (score: (key: number) => number): (key: number) => number {
  const cache = new Map<number, number>()
  return (key) => {
    let s = cache.get(key)
    if (s === undefined) { s = score(key); cache.set(key, s) }
    return s
  }
}

export function rankRoles (v: TokenView, cue: CueRange, models: { source: Scorer, content: Scorer }, training?: RoleTraining): Roles {
  const frame = frameOf(v, cue)
  const sources: (Range | null)[] = [null, ...sourceCandidates(v, frame)]
  const source = best(sources, sourceScorer(v, frame, models.source)) ?? null
  if (training) learnSource(v, frame, sources, source, training)
  const contextSource = training ? training.gold.source : source
  const contents = contentCandidates(v, frame, contextSource)
  const content = best(contents, contentScorer(v, frame, contextSource, models.content)) ?? []
  if (training) learnContent(v, frame, contents, content, contextSource, training)
  return { source, content }
}

// keys pack a position with its side or kind: positions stay far below 2^28
const key = (tag: number, position: number): number => position * 8 + tag

function sourceScorer (v: TokenView, frame: Frame, model: Scorer): (r: Range | null) => number {
  const start = memo((k) => model.score(features, sourceStartFeatures(v, frame, k & 7, k >> 3, features, 0), 0))
  const end = memo((k) => model.score(features, sourceEndFeatures(v, frame, k & 7, k >> 3, features, 0), 0))
  return (r) => {
    if (!r) return model.score(features, noSourceFeatures(v, frame, features), 0)
    const side = sourceSide(frame, r)
    return start(key(side, r[0])) + end(key(side, r[1])) + model.score(features, sourcePairFeatures(v, frame, side, r, features, 0), 0)
  }
}

function contentScorer (v: TokenView, frame: Frame, source: Range | null, model: Scorer): (c: Range[]) => number {
  const start = memo((k) => model.score(features, contentStartFeatures(v, frame, k & 7, k >> 3, source !== null, features, 0), 0))
  const end = memo((k) => model.score(features, contentEndFeatures(v, frame, k & 7, k >> 3, features, 0), 0))
  return (c) => {
    const kind = contentKind(frame, c)
    const a = (c[0] as Range)[0]
    const b = (c[c.length - 1] as Range)[1]
    return start(key(kind, a)) + end(key(kind, b)) + model.score(features, contentPairFeatures(v, frame, kind, c, source, features, 0), 0)
  }
}

function learnSource (v: TokenView, frame: Frame, candidates: (Range | null)[], guess: Range | null, training: RoleTraining): void {
  const gold = training.gold.source
  coverage.source++
  if (!candidates.some((c) => sameRange(c, gold))) { coverage.sourceMissed++; return }
  const trainer = training.trainer.source
  trainer.tick()
  if (sameRange(gold, guess)) return
  trainer.update(goldFeatures, sourceFeatures(v, frame, gold, goldFeatures), 0, 1)
  trainer.update(features, sourceFeatures(v, frame, guess, features), 0, -1)
}

function learnContent (v: TokenView, frame: Frame, candidates: Range[][], guess: Range[], source: Range | null, training: RoleTraining): void {
  const gold = training.gold.content
  coverage.content++
  if (!candidates.some((c) => sameFragments(c, gold))) { coverage.contentMissed++; return }
  const trainer = training.trainer.content
  trainer.tick()
  if (sameFragments(gold, guess)) return
  trainer.update(goldFeatures, contentFeatures(v, frame, gold, source, goldFeatures), 0, 1)
  if (guess.length) trainer.update(features, contentFeatures(v, frame, guess, source, features), 0, -1)
}
