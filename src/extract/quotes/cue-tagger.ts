// Stage one of attribution: which words are the cue, the predicate that attributes something
// ("said", "according to", "is calling for", "his support for")? A structured perceptron over each
// sentence, labels O / B(egin) / I(nside), each label's features seeing the previous label, decoded
// with Viterbi.
import { hashString, mix, mix3 } from '../learning/feature-hash.js'
import type { TokenView } from './token-view.js'
import { PackedModel } from '../learning/packed-model.js'
import { HashedModel, type HashedTrainer, type Scorer } from '../learning/weights.js'

export const O = 0
export const B = 1
export const I = 2

export interface CueRange {
  /** First token of the cue. */
  from: number
  /** One past its last token. */
  to: number
}

const T = Array.from({ length: 32 }, (_, i) => hashString(`cue-template-${i}`))
const START = hashString('<s>')
const END = hashString('</s>')
const at = (a: ArrayLike<number>, i: number, from: number, to: number): number => (i < from ? START : i >= to ? END : a[i] ?? 0)

/** Features of token i that do not depend on the previous label; returns how many. */
function staticFeatures (v: TokenView, i: number, from: number, to: number, out: Uint32Array): number {
  const w = at(v.word, i, from, to)
  const p1 = at(v.word, i - 1, from, to)
  const p2 = at(v.word, i - 2, from, to)
  const n1 = at(v.word, i + 1, from, to)
  const n2 = at(v.word, i + 2, from, to)
  const stem = v.stem[i] ?? 0
  let n = 0
  out[n++] = T[0] as number
  out[n++] = mix(T[1] as number, w)
  out[n++] = mix(T[2] as number, stem)
  out[n++] = mix(T[3] as number, v.shapeHash[i] ?? 0)
  out[n++] = mix(T[4] as number, v.suffix[i] ?? 0)
  out[n++] = mix(T[5] as number, p1)
  out[n++] = mix(T[6] as number, p2)
  out[n++] = mix(T[7] as number, n1)
  out[n++] = mix(T[8] as number, n2)
  out[n++] = mix3(T[9] as number, p1, w)
  out[n++] = mix3(T[10] as number, w, n1)
  out[n++] = mix3(T[11] as number, at(v.stem, i - 1, from, to), stem)
  out[n++] = mix(T[18] as number, at(v.shapeHash, i + 1, from, to))
  out[n++] = mix3(T[19] as number, at(v.shapeHash, i - 1, from, to), v.shapeHash[i] ?? 0)
  out[n++] = mix3(T[20] as number, p2, p1)
  out[n++] = mix3(T[21] as number, n1, n2)
  // a little further out: who may be speaking before, what may be said after
  out[n++] = mix3(T[22] as number, at(v.word, i - 3, from, to), stem)
  out[n++] = mix3(T[23] as number, stem, at(v.word, i + 3, from, to))
  out[n++] = mix3(T[24] as number, p1, n1)
  // where in its sentence: attributions open or close sentences more often than they sit mid-way
  out[n++] = mix3(T[25] as number, Math.min(i - from, 6), Math.min(to - i, 6))
  return n
}

// The templates of the transition features, already mixed with each previous label (mix3(t, p, x)
// is mix(mix(t, p), x)): Viterbi asks for them three times per token.
const PREVIOUS = [O, B, I].map((p) => [mix(T[14] as number, p), mix(T[15] as number, p), mix(T[16] as number, p)] as const)

/** Features of token i that pair it with the previous label, written from `n`. */
function transitionFeatures (v: TokenView, i: number, from: number, to: number, previous: number, out: Uint32Array, n: number): number {
  const [label, withWord, withPrevious] = PREVIOUS[previous] ?? [0, 0, 0]
  out[n++] = label
  out[n++] = mix(withWord, at(v.word, i, from, to))
  out[n++] = mix(withPrevious, at(v.word, i - 1, from, to))
  return n
}

/** Every feature of token i after `previous`; returns how many. */
export function cueFeatures (v: TokenView, i: number, from: number, to: number, previous: number, out: Uint32Array): number {
  return transitionFeatures(v, i, from, to, previous, out, staticFeatures(v, i, from, to, out))
}

const features = new Uint32Array(32)
const transitions = new Uint32Array(4)
const scores = new Float64Array(3)
const LABELS = [O, B, I] as const
const staticScores = new Float64Array(3)
// reused across sentences, grown for a longer one
let trellis = { delta: new Float64Array(600), back: new Int8Array(600) }

/**
 * Tags one sentence's cues: the best label sequence (Viterbi; "I" only after "B" or "I"; quoted
 * words always "O": they are what someone said, almost never the attribution itself, 0.1% of
 * PolNeAR's cues). With `training`, a wrong sequence moves the weights from the guessed
 * sequence's features to the gold one's (the structured perceptron).
 */
export function tagCues (v: TokenView, sentence: number, model: Scorer, training?: { trainer: HashedTrainer, gold: ArrayLike<number> }): CueRange[] {
  const [from, to] = v.sentenceRange[sentence] ?? [0, 0]
  const best = viterbi(v, from, to, model)
  if (training) learn(v, from, to, best, training)
  const cues: CueRange[] = []
  best.forEach((label, k) => {
    if (label === B) cues.push({ from: from + k, to: from + k + 1 })
    else if (label === I) { const last = cues[cues.length - 1]; if (last) last.to = from + k + 1 }
  })
  return cues
}

/** Each previous label's constant transition feature, scored: the same for every token of every sentence. */
const labelScores = new WeakMap<Scorer, Float64Array>()

function labelScoresOf (model: Scorer): Float64Array {
  let cached = labelScores.get(model)
  if (!cached) {
    cached = new Float64Array(9)
    for (const p of LABELS) {
      transitions[0] = PREVIOUS[p]?.[0] ?? 0
      model.scoreAll(transitions, 1, scores)
      for (const l of LABELS) cached[p * 3 + l] = scores[l] ?? 0
    }
    labelScores.set(model, cached)
  }
  return cached
}

function viterbi (v: TokenView, from: number, to: number, model: Scorer): number[] {
  const length = to - from
  if (trellis.delta.length < length * 3) trellis = { delta: new Float64Array(length * 6), back: new Int8Array(length * 6) }
  const { delta, back } = trellis
  delta.fill(-Infinity, 0, length * 3)
  // a model being trained changes under us: only a loaded one's label scores can be kept
  const constant = model instanceof HashedModel || model instanceof PackedModel ? labelScoresOf(model) : null
  for (let k = 0; k < length; k++) {
    const i = from + k
    const row = k * 3
    if (v.quoted[i] === 1) {
      // a quoted word is O: the best way into it, whatever came before
      for (let p = 0; p < 3; p++) {
        const before = k === 0 ? (p === O ? 0 : -Infinity) : delta[row - 3 + p] as number
        if (before > (delta[row] as number)) { delta[row] = before; back[row] = p }
      }
      continue
    }
    model.scoreAll(features, staticFeatures(v, i, from, to, features), staticScores)
    const word = at(v.word, i, from, to)
    const previousWord = at(v.word, i - 1, from, to)
    for (let p = 0; p < 3; p++) {
      const before = k === 0 ? (p === O ? 0 : -Infinity) : delta[row - 3 + p] as number
      if (before === -Infinity) continue
      // the static part is summed once per token; only the transition features per previous label
      const previous = PREVIOUS[p] as readonly [number, number, number]
      transitions[0] = mix(previous[1], word)
      transitions[1] = mix(previous[2], previousWord)
      if (constant) model.scoreAll(transitions, 2, scores)
      else { transitions[2] = previous[0]; model.scoreAll(transitions, 3, scores) }
      for (let l = 0; l < 3; l++) {
        if (l === I && p === O) continue
        const s = before + (staticScores[l] as number) + (scores[l] as number) + (constant ? constant[p * 3 + l] as number : 0)
        if (s > (delta[row + l] as number)) { delta[row + l] = s; back[row + l] = p }
      }
    }
  }
  const labels = new Array<number>(length).fill(O)
  if (!length) return labels
  let label = O
  for (const l of LABELS) if ((delta[(length - 1) * 3 + l] ?? -Infinity) > (delta[(length - 1) * 3 + label] ?? -Infinity)) label = l
  for (let k = length - 1; k >= 0; k--) { labels[k] = label; label = back[k * 3 + label] ?? O }
  return labels
}

function learn (v: TokenView, from: number, to: number, guess: number[], training: { trainer: HashedTrainer, gold: ArrayLike<number> }): void {
  const gold = (k: number): number => (v.quoted[from + k] ? O : training.gold[k] ?? O)
  for (let k = 0; k < guess.length; k++) {
    training.trainer.tick()
    const truth = gold(k)
    const truthBefore = k > 0 ? gold(k - 1) : O
    const guessed = guess[k] ?? O
    const guessedBefore = k > 0 ? guess[k - 1] ?? O : O
    if (truth === guessed && truthBefore === guessedBefore) continue
    const i = from + k
    training.trainer.update(features, cueFeatures(v, i, from, to, truthBefore, features), truth, 1)
    training.trainer.update(features, cueFeatures(v, i, from, to, guessedBefore, features), guessed, -1)
  }
}
