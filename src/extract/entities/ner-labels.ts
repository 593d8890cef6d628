// BILOU labels over CoNLL's four types: O, then B(egin), I(nside), L(ast), U(nit) for each type.
// BILOU rather than IOB2 because it gives the tagger distinct weights for an entity's last and lone
// words (Ratinov & Roth 2009); decoding only ever follows the valid transitions below.
export const NER_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const
export type NerType = (typeof NER_TYPES)[number]

export const O = 0
export const LABELS = 1 + 4 * NER_TYPES.length
const B = 0
const I = 1
const L = 2
const U = 3

export const label = (type: number, position: number): number => 1 + type * 4 + position
export const typeOf = (l: number): number => (l - 1) >> 2
export const positionOf = (l: number): number => (l - 1) & 3

/** Whether an entity is open after label `l` (so the next must be I or L of its type). */
const opens = (l: number): boolean => l !== O && (positionOf(l) === B || positionOf(l) === I)

/** Whether `next` may follow `previous` (O for the sentence start). */
export function allowed (previous: number, next: number): boolean {
  if (opens(previous)) return next !== O && typeOf(next) === typeOf(previous) && (positionOf(next) === I || positionOf(next) === L)
  return next === O || positionOf(next) === B || positionOf(next) === U
}

/** Whether a sentence may end after `l`. */
export const mayEnd = (l: number): boolean => !opens(l)

/** The transitions as a LABELS × LABELS table, previous-major. */
export const ALLOWED: Uint8Array = (() => {
  const table = new Uint8Array(LABELS * LABELS)
  for (let p = 0; p < LABELS; p++) for (let n = 0; n < LABELS; n++) table[p * LABELS + n] = allowed(p, n) ? 1 : 0
  return table
})()

export interface TokenSpan {
  /** First token. */
  from: number
  /** One past the last token. */
  to: number
  type: NerType
}

/** Entities of a label sequence; tolerant of invalid sequences (an orphan I or L opens one). */
export function spansOf (labels: ArrayLike<number>): TokenSpan[] {
  const spans: TokenSpan[] = []
  let open: TokenSpan | null = null
  for (let k = 0; k < labels.length; k++) {
    const l = labels[k] ?? O
    const type = NER_TYPES[typeOf(l)]
    if (l === O || !type) { open = null; continue }
    const position = positionOf(l)
    if (position === B || position === U || !open || open.type !== type) {
      open = { from: k, to: k + 1, type }
      spans.push(open)
    } else open.to = k + 1
    if (position === L || position === U) open = null
  }
  return spans
}

/** The BILOU labels of `length` tokens holding `spans` (disjoint, sorted or not). */
export function labelsOf (spans: TokenSpan[], length: number): Uint8Array {
  const out = new Uint8Array(length)
  for (const s of spans) {
    const type = NER_TYPES.indexOf(s.type)
    if (s.to - s.from === 1) { out[s.from] = label(type, U); continue }
    for (let k = s.from; k < s.to; k++) out[k] = label(type, k === s.from ? B : k === s.to - 1 ? L : I)
  }
  return out
}
