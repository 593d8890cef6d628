// Picks, for one cue, the best-scoring source and then the best-scoring content given that source.
// Training uses the same loop: the gold candidate must outscore the guess, else both are updated.
import { contentCandidates, frameOf, sourceCandidates, type Frame, type Range } from './candidates.js'
import type { CueRange } from './cue-tagger.js'
import { contentFeatures, sourceFeatures } from './span-features.js'
import type { TokenView } from './tokens.js'
import type { HashedTrainer, Scorer } from './weights.js'

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

export function rankRoles (v: TokenView, cue: CueRange, models: { source: Scorer, content: Scorer }, training?: RoleTraining): Roles {
  const frame = frameOf(v, cue)
  const sources: (Range | null)[] = [null, ...sourceCandidates(v, frame)]
  const scoreSource = (r: Range | null) => models.source.score(features, sourceFeatures(v, frame, r, features), 0)
  const source = best(sources, scoreSource) ?? null
  if (training) learnSource(v, frame, sources, source, training)
  const contextSource = training ? training.gold.source : source
  const contents = contentCandidates(v, frame, contextSource)
  const scoreContent = (c: Range[]) => models.content.score(features, contentFeatures(v, frame, c, contextSource, features), 0)
  const content = best(contents, scoreContent) ?? []
  if (training) learnContent(v, frame, contents, content, contextSource, training)
  return { source, content }
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
