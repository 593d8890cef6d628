// Stage one of attribution: which words are the cue, the predicate that attributes something
// ("said", "according to", "is calling for", "his support for")? A greedy left-to-right tagger
// over each sentence, labels O / B(egin) / I(nside), each decision seeing the previous label.
import { hashString, mix, mix3 } from './hash.js'
import type { TokenView } from './tokens.js'
import type { HashedTrainer, Scorer } from './weights.js'

export const O = 0
export const B = 1
export const I = 2

export interface CueRange {
  /** First token of the cue. */
  from: number
  /** One past its last token. */
  to: number
}

const T = Array.from({ length: 24 }, (_, i) => hashString(`cue-template-${i}`))
const START = hashString('<s>')
const END = hashString('</s>')
const at = (a: ArrayLike<number>, i: number, from: number, to: number): number => (i < from ? START : i >= to ? END : a[i] ?? 0)

/** Writes the features of token i into `out`; returns how many. */
export function cueFeatures (v: TokenView, i: number, from: number, to: number, previous: number, out: Uint32Array): number {
  const w = at(v.word, i, from, to)
  const p1 = at(v.word, i - 1, from, to)
  const p2 = at(v.word, i - 2, from, to)
  const n1 = at(v.word, i + 1, from, to)
  const n2 = at(v.word, i + 2, from, to)
  const stem = v.stem[i] ?? 0
  const quoted = v.quoted[i] ?? 0
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
  out[n++] = mix(T[12] as number, quoted)
  out[n++] = mix3(T[13] as number, quoted, stem)
  out[n++] = mix(T[14] as number, previous)
  out[n++] = mix3(T[15] as number, previous, w)
  out[n++] = mix3(T[16] as number, previous, p1)
  out[n++] = mix(T[17] as number, i === from ? 1 : 0)
  out[n++] = mix(T[18] as number, at(v.shapeHash, i + 1, from, to))
  out[n++] = mix3(T[19] as number, at(v.shapeHash, i - 1, from, to), v.shapeHash[i] ?? 0)
  out[n++] = mix3(T[20] as number, p2, p1)
  out[n++] = mix3(T[21] as number, n1, n2)
  return n
}

const features = new Uint32Array(32)
const scores = new Float64Array(3)

/**
 * Tags one sentence's cues. With `training`, each decision also updates the trainer towards
 * `gold` (labels per token of the sentence); the history stays the model's own guesses.
 */
export function tagCues (v: TokenView, sentence: number, model: Scorer, training?: { trainer: HashedTrainer, gold: ArrayLike<number> }): CueRange[] {
  const [from, to] = v.sentenceRange[sentence] ?? [0, 0]
  const cues: CueRange[] = []
  let previous = O
  for (let i = from; i < to; i++) {
    // quoted words are what someone said, almost never the attribution itself (0.1% of PolNeAR's cues)
    if (v.quoted[i]) { previous = O; continue }
    const count = cueFeatures(v, i, from, to, previous, features)
    model.scoreAll(features, count, scores)
    let guess = O
    if ((scores[B] ?? 0) > (scores[O] ?? 0)) guess = B
    if (previous !== O && (scores[I] ?? 0) > (scores[guess] ?? 0)) guess = I
    if (training) {
      const truth = training.gold[i - from] ?? O
      training.trainer.tick()
      if (truth !== guess) {
        training.trainer.update(features, count, truth, 1)
        training.trainer.update(features, count, guess, -1)
      }
    }
    if (guess === B) cues.push({ from: i, to: i + 1 })
    else if (guess === I) { const last = cues[cues.length - 1]; if (last) last.to = i + 1 }
    previous = guess
  }
  return cues
}
