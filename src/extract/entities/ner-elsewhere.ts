// Document-level consistency (Ratinov & Roth 2009, non-local features): a story keeps a name's type
// ("Pirelli" is the company in every sentence, "Clinton" after "Bill Clinton" is the person). The
// tagger decodes a document twice: the second time, each capitalised word also reads the labels
// the first pass gave its other capitalised occurrences in the document ("U-ORG elsewhere",
// "L-PER elsewhere" for a surname seen after a first name). The trainer gives these features
// jack-knifed first-pass labels, so the weights learn how far a first pass is to be trusted, and
// hides them a quarter of the time, so that the same weights still tag well in the first pass.
import { mix } from '../learning/feature-hash.js'
import { LABELS, O } from './ner-labels.js'
import { T, type WordInfo } from './ner-words.js'

/** At most this many labels seen elsewhere per token (a word rarely gets more than two). */
export const MAX_ELSEWHERE = 4

export interface Elsewhere {
  /** MAX_ELSEWHERE slots per token: feature hashes of the labels seen elsewhere. */
  features: Uint32Array
  /** Per token: how many of its slots are used. */
  count: Uint8Array
}

const ELSEWHERE = T[60] as number
const FEATURE = Array.from({ length: LABELS }, (_, l) => mix(ELSEWHERE, l))

const counted = (w: WordInfo): boolean => w.caps !== 0 && w.letter

let documents = 0
/** Per distinct capitalised word of the document (its slot): how often the first pass gave it each label. */
let histograms = new Uint16Array(LABELS * 1024)

/** Each counted token's slot (-1 for the others), the slots' histograms filled; the count of slots. */
function histogramsOf (words: readonly WordInfo[], labels: ArrayLike<number>, slots: Int32Array): number {
  const doc = ++documents
  let n = 0
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as WordInfo
    slots[i] = -1
    if (!counted(w)) continue
    const base = w.base ?? w
    if (base.elsewhereIn !== doc) {
      base.elsewhereIn = doc
      base.elsewhereSlot = n++
      if (histograms.length < n * LABELS) { const grown = new Uint16Array(n * LABELS * 2); grown.set(histograms); histograms = grown }
      histograms.fill(0, base.elsewhereSlot * LABELS, n * LABELS)
    }
    slots[i] = base.elsewhereSlot
    const at = base.elsewhereSlot * LABELS + (labels[i] ?? 0)
    histograms[at] = (histograms[at] as number) + 1
  }
  return n
}

/**
 * The labels elsewhere of every capitalised token, from the first pass's `labels` (one per token of
 * the view, in order); null when no tagged word occurs twice, so that a second pass would change nothing.
 */
export function elsewhere (words: readonly WordInfo[], labels: ArrayLike<number>): Elsewhere | null {
  const slots = new Int32Array(words.length)
  histogramsOf(words, labels, slots)
  let any = false
  const features = new Uint32Array(words.length * MAX_ELSEWHERE)
  const count = new Uint8Array(words.length)
  for (let i = 0; i < words.length; i++) {
    const slot = slots[i] as number
    if (slot < 0) continue
    const row = slot * LABELS
    const own = labels[i] ?? 0
    let n = 0
    let tagged = false
    for (let l = 0; l < LABELS && n < MAX_ELSEWHERE; l++) {
      const times = (histograms[row + l] as number) - (l === own ? 1 : 0)
      if (times > 0) features[i * MAX_ELSEWHERE + n++] = FEATURE[l] as number
      if (l !== O && (histograms[row + l] as number) > 0) tagged = true
    }
    // a word the first pass never tagged says nothing new ("The", "He"), and its sentence needs no second pass
    if (!tagged) continue
    count[i] = n
    if (n) any = true
  }
  return any ? { features, count } : null
}

/** The sentences' labels as one array over the document's tokens. */
export function concatenated (labels: readonly Uint8Array[], tokens: number): Uint8Array {
  const out = new Uint8Array(tokens)
  let at = 0
  for (const l of labels) { out.set(l, at); at += l.length }
  return out
}
