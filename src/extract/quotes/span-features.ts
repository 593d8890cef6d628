// Features of a candidate source or content, for ranking the candidates of one cue.
import type { Frame, Range } from './candidates.js'
import { hashString, mix, mix3 } from '../learning/feature-hash.js'
import type { TokenView } from './token-view.js'

const S = Array.from({ length: 32 }, (_, i) => hashString(`source-template-${i}`))
const C = Array.from({ length: 40 }, (_, i) => hashString(`content-template-${i}`))
const NONE = hashString('<none>')
const EDGE = hashString('<edge>')

function bucket (n: number): number {
  return n <= 3 ? n : n <= 5 ? 4 : n <= 8 ? 5 : n <= 12 ? 6 : n <= 20 ? 7 : n <= 40 ? 8 : 9
}

const wordAt = (v: TokenView, i: number, lo: number, hi: number): number => (i < lo || i >= hi ? EDGE : v.word[i] ?? 0)

const countIn = (counts: Int32Array, [a, b]: Range): number => (counts[b] ?? 0) - (counts[a] ?? 0)

/** Features of a source candidate (null: the cue has no source in its sentence). */
export function sourceFeatures (v: TokenView, frame: Frame, range: Range | null, out: Uint32Array): number {
  if (!range) return noSourceFeatures(v, frame, out)
  const side = sourceSide(frame, range)
  let n = sourceStartFeatures(v, frame, side, range[0], out, 0)
  n = sourceEndFeatures(v, frame, side, range[1], out, n)
  return sourcePairFeatures(v, frame, side, range, out, n)
}

export function noSourceFeatures (v: TokenView, frame: Frame, out: Uint32Array): number {
  const { cue, sentence: [s0, s1] } = frame
  const cueStem = v.stem[cue.from] ?? 0
  let n = 0
  out[n++] = NONE
  out[n++] = mix(NONE, cueStem)
  out[n++] = mix3(NONE, cue.from === s0 ? 1 : 0, cueStem)
  out[n++] = mix(S[0] as number, wordAt(v, cue.from - 1, s0, s1))
  out[n++] = mix(S[1] as number, wordAt(v, cue.from - 2, s0, s1))
  out[n++] = mix(S[2] as number, v.quoted[cue.from] ?? 0)
  return n
}

/** 1: the source stands before its cue; 2: after it. */
export const sourceSide = (frame: Frame, [, b]: Range): number => (b <= frame.cue.from ? 1 : 2)

// A candidate's features split into those of its start, those of its end and those of the pair,
// so that ranking sums the start and end parts once per position rather than once per candidate.

/** Writes from `n`; returns the new count. */
export function sourceStartFeatures (v: TokenView, frame: Frame, side: number, a: number, out: Uint32Array, n: number): number {
  const { cue, sentence: [s0, s1] } = frame
  const first = v.word[a] ?? 0
  const before = wordAt(v, a - 1, s0, s1)
  out[n++] = mix(S[3] as number, side)
  out[n++] = mix(S[6] as number, first)
  out[n++] = mix3(S[9] as number, side, first)
  out[n++] = mix(S[10] as number, v.shapeHash[a] ?? 0)
  out[n++] = mix3(S[12] as number, side, before)
  out[n++] = mix3(S[14] as number, before, first)
  out[n++] = mix3(S[16] as number, v.stem[cue.from] ?? 0, side)
  out[n++] = mix3(S[18] as number, side, a === s0 ? 1 : 0)
  out[n++] = mix3(S[21] as number, side, v.quoted[a] ?? 0)
  out[n++] = mix3(S[24] as number, v.stem[a] ?? 0, side)
  out[n++] = mix3(S[25] as number, v.quoted[cue.from] ?? 0, side)
  return n
}

export function sourceEndFeatures (v: TokenView, frame: Frame, side: number, b: number, out: Uint32Array, n: number): number {
  const { cue, sentence: [s0, s1] } = frame
  const last = v.word[b - 1] ?? 0
  const after = wordAt(v, b, s0, s1)
  out[n++] = mix(S[7] as number, last)
  out[n++] = mix3(S[8] as number, side, last)
  out[n++] = mix(S[11] as number, v.shapeHash[b - 1] ?? 0)
  out[n++] = mix3(S[13] as number, side, after)
  out[n++] = mix3(S[15] as number, last, after)
  out[n++] = mix3(S[17] as number, v.stem[cue.from] ?? 0, last)
  return n
}

export function sourcePairFeatures (v: TokenView, frame: Frame, side: number, range: Range, out: Uint32Array, n: number): number {
  const { cue } = frame
  const [a, b] = range
  const gap = side === 1 ? cue.from - b : a - cue.to
  out[n++] = mix3(S[4] as number, side, gap)
  out[n++] = mix3(S[5] as number, side, bucket(b - a))
  out[n++] = mix(S[19] as number, countIn(v.commas, range))
  out[n++] = mix(S[20] as number, countIn(v.marks, range))
  out[n++] = mix3(S[22] as number, v.shapeHash[a] ?? 0, v.shapeHash[b - 1] ?? 0)
  // the words between source and cue ("also", "has", a comma): a hash of their sequence
  // (the first few: a far subject's gap can be a whole clause)
  let between = S[23] as number
  const [g0, g1] = side === 1 ? [b, cue.from] : [cue.to, a]
  for (let i = g0; i < Math.min(g1, g0 + 4); i++) between = mix(between, v.word[i] ?? 0)
  out[n++] = mix(between, side)
  return n
}

/** 1: before the cue; 2: after it; 3: both halves of a split quote; 4: the next sentence. */
export function contentKind (frame: Frame, fragments: Range[]): number {
  const a = (fragments[0] as Range)[0]
  const { cue, next } = frame
  return fragments.length > 1 ? 3 : a >= cue.to ? (next && a >= next[0] ? 4 : 2) : 1
}

/** Features of a content candidate: one range, or two for a quote split around its cue. */
export function contentFeatures (v: TokenView, frame: Frame, fragments: Range[], source: Range | null, out: Uint32Array): number {
  const kind = contentKind(frame, fragments)
  const a = (fragments[0] as Range)[0]
  const b = (fragments[fragments.length - 1] as Range)[1]
  let n = contentStartFeatures(v, frame, kind, a, source !== null, out, 0)
  n = contentEndFeatures(v, frame, kind, b, out, n)
  return contentPairFeatures(v, frame, kind, fragments, source, out, n)
}

const startStateOf = (frame: Frame, a: number): number => (a === frame.sentence[0] ? 1 : 0)
function endStateOf (frame: Frame, kind: number, b: number): number {
  const sentenceEnd = kind === 4 && frame.next ? frame.next[1] : frame.sentence[1]
  return b === sentenceEnd ? 2 : b === sentenceEnd - 1 ? 1 : 0
}
// the bounds of "before" and "after" words: the frame, widened to the candidate
const lowBound = (frame: Frame, a: number): number => Math.min(frame.sentence[0], a)
const highBound = (frame: Frame, b: number): number => Math.max(frame.next?.[1] ?? frame.sentence[1], b)

export function contentStartFeatures (v: TokenView, frame: Frame, kind: number, a: number, hasSource: boolean, out: Uint32Array, n: number): number {
  const { cue } = frame
  const cueStem = v.stem[cue.from] ?? 0
  const first = v.word[a] ?? 0
  const before = wordAt(v, a - 1, lowBound(frame, a), Infinity)
  out[n++] = mix(C[0] as number, kind)
  out[n++] = mix3(C[3] as number, kind, first)
  out[n++] = mix3(C[5] as number, kind, before)
  out[n++] = mix3(C[7] as number, before, first)
  out[n++] = mix3(C[10] as number, kind, startStateOf(frame, a))
  out[n++] = mix3(C[13] as number, cueStem, kind)
  out[n++] = mix3(C[14] as number, cueStem, first)
  out[n++] = mix3(C[16] as number, v.quoted[cue.from] ?? 0, kind)
  out[n++] = mix3(C[18] as number, v.shapeHash[a] ?? 0, kind)
  out[n++] = mix3(C[20] as number, hasSource ? 1 : 0, kind)
  out[n++] = mix3(C[23] as number, v.stem[cue.to - 1] ?? 0, first)
  out[n++] = mix3(C[24] as number, kind, v.word[cue.to] ?? 0)
  return n
}

export function contentEndFeatures (v: TokenView, frame: Frame, kind: number, b: number, out: Uint32Array, n: number): number {
  const cueStem = v.stem[frame.cue.from] ?? 0
  const last = v.word[b - 1] ?? 0
  const after = wordAt(v, b, -Infinity, highBound(frame, b))
  const endState = endStateOf(frame, kind, b)
  out[n++] = mix3(C[4] as number, kind, last)
  out[n++] = mix3(C[6] as number, kind, after)
  out[n++] = mix3(C[8] as number, last, after)
  out[n++] = mix3(C[9] as number, kind, endState)
  out[n++] = mix3(C[15] as number, cueStem, endState)
  out[n++] = mix3(C[19] as number, v.shapeHash[b - 1] ?? 0, kind)
  out[n++] = mix3(C[22] as number, cueStem, after)
  // how far past its sentence's last quoted word the content runs: mixed content mostly ends with
  // its quoted part or a few words after it (a function of the end alone, so it is scored once per end)
  out[n++] = mix3(C[25] as number, kind, pastQuote(v, frame, b))
  return n
}

/** Tokens between the last quoted token before b (in the frame) and b, bucketed; 15 when none. */
function pastQuote (v: TokenView, frame: Frame, b: number): number {
  const last = (v.lastQuoted[b] ?? 0) - 1
  return last < frame.sentence[0] ? 15 : bucket(b - 1 - last)
}

export function contentPairFeatures (v: TokenView, frame: Frame, kind: number, fragments: Range[], source: Range | null, out: Uint32Array, n: number): number {
  const { cue } = frame
  const firstRange = fragments[0] as Range
  const lastRange = fragments[fragments.length - 1] as Range
  const a = firstRange[0]
  const b = lastRange[1]
  const gap = kind === 1 ? Math.min(cue.from, source?.[0] ?? cue.from) - b : kind === 3 ? 0 : a - Math.max(cue.to, source && source[0] >= cue.to ? source[1] : cue.to)
  const quotedAll = fragments.every(([x, y]) => (v.quoted[x] ?? 0) === 1 && (v.quoted[y - 1] ?? 0) === 1) ? 1 : 0
  const marks = countIn(v.marks, firstRange) + (fragments.length > 1 ? countIn(v.marks, lastRange) : 0)
  out[n++] = mix3(C[1] as number, kind, bucket(gap))
  out[n++] = mix3(C[2] as number, kind, bucket(b - a))
  out[n++] = mix3(C[11] as number, kind, quotedAll)
  out[n++] = mix3(C[12] as number, kind, Math.min(marks, 3))
  out[n++] = mix3(C[17] as number, kind, Math.min(countIn(v.commas, [a, b]), 4))
  out[n++] = mix3(C[21] as number, mix(kind, endStateOf(frame, kind, b)), mix(startStateOf(frame, a), quotedAll))
  return n
}
