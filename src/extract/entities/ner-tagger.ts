// The NER tagger: a structured perceptron (Collins 2002) over BILOU labels. Each sentence gets the
// best label sequence under Viterbi, restricted to valid transitions, so decoding never yields an
// orphan I or L. Scores are the token's features summed per label plus a label-bigram weight.
import { mix } from '../learning/feature-hash.js'
import type { HashedTrainer, Scorer } from '../learning/weights.js'
import { contextFeatures, MAX_FEATURES, nerFeatures, type NerView } from './ner-features.js'
import { concatenated, elsewhere, MAX_ELSEWHERE, type Elsewhere } from './ner-elsewhere.js'
import { ALLOWED as VALID, LABELS as COUNT, mayEnd, O } from './ner-labels.js'
import { T, type WordInfo } from './ner-words.js'

export // module-local copies: the hot loops read them millions of times
const LABELS: number = COUNT
const ALLOWED: Uint8Array = VALID

export const TRANSITION = Array.from({ length: LABELS }, (_, p) => mix(T[50] as number, p))

/**
 * The label-bigram weights: `table` previous-major (-Infinity where the transition is invalid), and
 * `pred` the same weights in the order of PRED, so that Viterbi's inner loop reads them in sequence.
 */
interface Transitions { table: Float64Array, pred: Float64Array }

function transitions (model: Scorer): Transitions {
  const table = new Float64Array(LABELS * LABELS)
  const one = new Uint32Array(1)
  const row = new Float64Array(LABELS)
  for (let p = 0; p < LABELS; p++) {
    one[0] = TRANSITION[p] as number
    model.scoreAll(one, 1, row)
    for (let l = 0; l < LABELS; l++) table[p * LABELS + l] = ALLOWED[p * LABELS + l] ? row[l] as number : -Infinity
  }
  const pred = new Float64Array(PRED.length)
  for (let l = 0; l < LABELS; l++) {
    for (let q = PRED_START[l] as number; q < (PRED_START[l + 1] as number); q++) pred[q] = table[(PRED[q] as number) * LABELS + l] as number
  }
  return { table, pred }
}

const fixed = new WeakMap<Scorer, Transitions>()
const features = new Uint32Array(MAX_FEATURES)
let emission = new Float64Array(LABELS * 256)
let delta = new Float64Array(LABELS * 256)
let back = new Uint8Array(LABELS * 256)
/** A document's first-pass emissions, kept for its second pass. */
let first = new Float64Array(LABELS * 4096)
const scores = new Float64Array(LABELS)

/** Per token of [from, to), every label's feature score, into `emission`. */
function emissions (v: NerView, from: number, to: number, model: Scorer, training: boolean): void {
  const length = to - from
  if (emission.length < length * LABELS) {
    emission = new Float64Array(length * LABELS * 2)
    delta = new Float64Array(length * LABELS * 2)
    back = new Uint8Array(length * LABELS * 2)
  }
  for (let k = 0; k < length; k++) {
    const w = v.words[from + k] as WordInfo
    if (!training && v.outside[from + k]) continue
    if (training) model.scoreAll(features, nerFeatures(v, from + k, from, to, features), scores)
    else {
      model.scoreAll(features, contextFeatures(v, from + k, from, to, features, 0), scores)
      const local = localScores(w, model)
      for (let l = 0; l < LABELS; l++) scores[l] = (scores[l] as number) + (local[l] as number)
    }
    emission.set(scores, k * LABELS)
  }
}

/** The word's own features' scores under a fixed model, summed once per distinct word. */
function localScores (w: WordInfo, model: Scorer): Float64Array {
  if (w.scoredBy !== model || !w.scores) {
    w.scores = model.scoreAll(w.local, w.local.length, new Float64Array(LABELS))
    w.scoredBy = model
  }
  return w.scores
}

// The valid predecessors of each label, flattened: Viterbi visits 97 pairs per token, not 289.
const PREDECESSORS: number[][] = Array.from({ length: LABELS }, (_, l) => Array.from({ length: LABELS }, (_, p) => p).filter((p) => ALLOWED[p * LABELS + l]))
const PRED_START = Int32Array.from(PREDECESSORS.reduce<number[]>((starts, list, l) => { starts.push((starts[l] ?? 0) + list.length); return starts }, [0]))
const PRED = Int32Array.from(PREDECESSORS.flat())

/**
 * The best labels of a sentence. A token certainly outside names can only be O, so the tokens
 * between such tokens are decoded as independent segments, each opening after an O and, unless it
 * ends the sentence, closing before one. With `only`, just the segments holding a token it marks
 * are decoded (into `labels`), the others kept.
 */
function viterbi (length: number, trans: Transitions, outside: Uint8Array | null, labels: Uint8Array = new Uint8Array(length), only?: Uint8Array): Uint8Array {
  for (let a = 0; a < length;) {
    if (outside?.[a]) { a++; continue }
    let b = a + 1
    let wanted = !only || !!only[a]
    for (; b < length && !outside?.[b]; b++) if (only?.[b]) wanted = true
    if (wanted) decodeSegment(a, b, trans, b < length, labels)
    a = b
  }
  return labels
}

function decodeSegment (a: number, b: number, trans: Transitions, closed: boolean, labels: Uint8Array): void {
  // locals, not the module's buffers: the loops below run 97 times per token
  const d = delta
  const e = emission
  const bk = back
  const starts = PRED_START
  const pred = PRED
  const tp = trans.pred
  const table = trans.table
  for (let l = 0; l < LABELS; l++) d[a * LABELS + l] = (e[a * LABELS + l] as number) + (table[O * LABELS + l] as number)
  for (let k = a + 1; k < b; k++) {
    const previous = (k - 1) * LABELS
    const here = k * LABELS
    for (let l = 0; l < LABELS; l++) {
      let best = -Infinity
      let arg = 0
      for (let q = starts[l] as number, end = starts[l + 1] as number; q < end; q++) {
        const p = pred[q] as number
        const s = (d[previous + p] as number) + (tp[q] as number)
        if (s > best) { best = s; arg = p }
      }
      d[here + l] = best + (e[here + l] as number)
      bk[here + l] = arg
    }
  }
  let label = O
  let best = -Infinity
  for (let l = 0; l < LABELS; l++) {
    const s = (d[(b - 1) * LABELS + l] as number) + (closed ? table[l * LABELS + O] as number : 0)
    if (mayEnd(l) && s > best) { best = s; label = l }
  }
  for (let k = b - 1; k >= a; k--) { labels[k] = label; label = bk[k * LABELS + label] as number }
}

/**
 * The labels of sentence `s` of the view. With `training`, a wrong sequence moves the weights
 * from the guessed sequence's features to the gold one's.
 */
export function tagSentence (v: NerView, s: number, model: Scorer, training?: { trainer: HashedTrainer, gold: ArrayLike<number> }): Uint8Array {
  const [from, to] = v.ranges[s] ?? [0, 0]
  const trans = training ? transitions(model) : fixedTransitions(model)
  emissions(v, from, to, model, !!training)
  const guess = viterbi(to - from, trans, training ? null : v.outside.subarray(from, to))
  if (training) learn(v, from, to, guess, training)
  return guess
}

/** A fixed model's transition table, computed once. */
function fixedTransitions (model: Scorer): Transitions {
  let trans = fixed.get(model)
  if (!trans) fixed.set(model, trans = transitions(model))
  return trans
}

/**
 * Every sentence's labels, in two passes (ner-elsewhere.ts). The second pass adds the scores of the
 * labels seen elsewhere to the first pass's, and decodes again only the segments (see viterbi) that
 * hold a token with such labels: the best labels of the others cannot change.
 */
export function tagDocument (v: NerView, model: Scorer): Uint8Array[] {
  const trans = fixedTransitions(model)
  if (first.length < v.words.length * LABELS) first = new Float64Array(v.words.length * LABELS * 2)
  const labels = v.ranges.map(([from, to]) => {
    emissions(v, from, to, model, false)
    first.set(emission.subarray(0, (to - from) * LABELS), from * LABELS)
    return viterbi(to - from, trans, v.outside.subarray(from, to))
  })
  const e = elsewhere(v.words, concatenated(labels, v.words.length))
  v.elsewhere = e
  if (!e) return labels
  v.ranges.forEach(([from, to], s) => {
    if (addElsewhere(e, from, to, model)) viterbi(to - from, trans, v.outside.subarray(from, to), labels[s] as Uint8Array, e.count.subarray(from, to))
  })
  return labels
}

/** The first pass's emissions of [from, to) with the labels elsewhere added, into `emission`; false when there are none. */
function addElsewhere (e: Elsewhere, from: number, to: number, model: Scorer): boolean {
  let any = false
  for (let i = from; i < to && !any; i++) any = (e.count[i] ?? 0) > 0
  if (!any) return false
  emission.set(first.subarray(from * LABELS, to * LABELS))
  for (let i = from; i < to; i++) {
    const count = e.count[i] ?? 0
    if (!count) continue
    for (let k = 0; k < count; k++) features[k] = e.features[i * MAX_ELSEWHERE + k] as number
    model.scoreAll(features, count, scores)
    for (let l = 0; l < LABELS; l++) emission[(i - from) * LABELS + l] = (emission[(i - from) * LABELS + l] as number) + (scores[l] as number)
  }
  return true
}

function learn (v: NerView, from: number, to: number, guess: Uint8Array, { trainer, gold }: { trainer: HashedTrainer, gold: ArrayLike<number> }): void {
  const one = new Uint32Array(1)
  for (let k = 0; k < guess.length; k++) {
    trainer.tick()
    const truth = gold[k] ?? O
    const guessed = guess[k] ?? O
    const truthBefore = k ? gold[k - 1] ?? O : O
    const guessedBefore = k ? guess[k - 1] ?? O : O
    if (truth !== guessed) {
      const n = nerFeatures(v, from + k, from, to, features)
      trainer.update(features, n, truth, 1)
      trainer.update(features, n, guessed, -1)
    }
    if (truth !== guessed || truthBefore !== guessedBefore) {
      one[0] = TRANSITION[truthBefore] as number
      trainer.update(one, 1, truth, 1)
      one[0] = TRANSITION[guessedBefore] as number
      trainer.update(one, 1, guessed, -1)
    }
  }
}
