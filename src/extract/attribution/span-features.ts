// Features of a candidate source or content, for ranking the candidates of one cue.
import type { Frame, Range } from './candidates.js'
import { hashString, mix, mix3 } from './hash.js'
import type { TokenView } from './tokens.js'

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
  const { cue, sentence: [s0, s1] } = frame
  const cueStem = v.stem[cue.from] ?? 0
  let n = 0
  if (!range) {
    out[n++] = NONE
    out[n++] = mix(NONE, cueStem)
    out[n++] = mix3(NONE, cue.from === s0 ? 1 : 0, cueStem)
    out[n++] = mix(S[0] as number, wordAt(v, cue.from - 1, s0, s1))
    out[n++] = mix(S[1] as number, wordAt(v, cue.from - 2, s0, s1))
    out[n++] = mix(S[2] as number, v.quoted[cue.from] ?? 0)
    return n
  }
  const [a, b] = range
  const side = b <= cue.from ? 1 : 2
  const gap = side === 1 ? cue.from - b : a - cue.to
  const first = v.word[a] ?? 0
  const last = v.word[b - 1] ?? 0
  const before = wordAt(v, a - 1, s0, s1)
  const after = wordAt(v, b, s0, s1)
  out[n++] = mix(S[3] as number, side)
  out[n++] = mix3(S[4] as number, side, gap)
  out[n++] = mix3(S[5] as number, side, bucket(b - a))
  out[n++] = mix(S[6] as number, first)
  out[n++] = mix(S[7] as number, last)
  out[n++] = mix3(S[8] as number, side, last)
  out[n++] = mix3(S[9] as number, side, first)
  out[n++] = mix(S[10] as number, v.shapeHash[a] ?? 0)
  out[n++] = mix(S[11] as number, v.shapeHash[b - 1] ?? 0)
  out[n++] = mix3(S[12] as number, side, before)
  out[n++] = mix3(S[13] as number, side, after)
  out[n++] = mix3(S[14] as number, before, first)
  out[n++] = mix3(S[15] as number, last, after)
  out[n++] = mix3(S[16] as number, cueStem, side)
  out[n++] = mix3(S[17] as number, cueStem, last)
  out[n++] = mix3(S[18] as number, side, a === s0 ? 1 : 0)
  out[n++] = mix(S[19] as number, countIn(v.commas, range))
  out[n++] = mix(S[20] as number, countIn(v.marks, range))
  out[n++] = mix3(S[21] as number, side, v.quoted[a] ?? 0)
  out[n++] = mix3(S[22] as number, v.shapeHash[a] ?? 0, v.shapeHash[b - 1] ?? 0)
  // the words between source and cue ("also", "has", a comma): a hash of their sequence
  let between = S[23] as number
  const [g0, g1] = side === 1 ? [b, cue.from] : [cue.to, a]
  // (the first few: a far subject's gap can be a whole clause)
  for (let i = g0; i < Math.min(g1, g0 + 4); i++) between = mix(between, v.word[i] ?? 0)
  out[n++] = mix(between, side)
  out[n++] = mix3(S[24] as number, v.stem[a] ?? 0, side)
  out[n++] = mix3(S[25] as number, v.quoted[cue.from] ?? 0, side)
  return n
}

/** Features of a content candidate: one range, or two for a quote split around its cue. */
export function contentFeatures (v: TokenView, frame: Frame, fragments: Range[], source: Range | null, out: Uint32Array): number {
  const { cue, sentence: [s0, s1], next } = frame
  const firstRange = fragments[0] as Range
  const lastRange = fragments[fragments.length - 1] as Range
  const a = firstRange[0]
  const b = lastRange[1]
  const lo = Math.min(s0, a)
  const hi = Math.max(next?.[1] ?? s1, b)
  const kind = fragments.length > 1 ? 3 : a >= cue.to ? (next && a >= next[0] ? 4 : 2) : 1
  const gap = kind === 1 ? Math.min(cue.from, source?.[0] ?? cue.from) - b : kind === 3 ? 0 : a - Math.max(cue.to, source && source[0] >= cue.to ? source[1] : cue.to)
  const cueStem = v.stem[cue.from] ?? 0
  const first = v.word[a] ?? 0
  const last = v.word[b - 1] ?? 0
  const before = wordAt(v, a - 1, lo, hi)
  const after = wordAt(v, b, lo, hi)
  const sentenceEnd = kind === 4 && next ? next[1] : s1
  const endState = b === sentenceEnd ? 2 : b === sentenceEnd - 1 ? 1 : 0
  const startState = a === s0 ? 1 : 0
  const quotedAll = fragments.every(([x, y]) => (v.quoted[x] ?? 0) === 1 && (v.quoted[y - 1] ?? 0) === 1) ? 1 : 0
  const marks = countIn(v.marks, firstRange) + (fragments.length > 1 ? countIn(v.marks, lastRange) : 0)
  let n = 0
  out[n++] = mix(C[0] as number, kind)
  out[n++] = mix3(C[1] as number, kind, bucket(gap))
  out[n++] = mix3(C[2] as number, kind, bucket(b - a))
  out[n++] = mix3(C[3] as number, kind, first)
  out[n++] = mix3(C[4] as number, kind, last)
  out[n++] = mix3(C[5] as number, kind, before)
  out[n++] = mix3(C[6] as number, kind, after)
  out[n++] = mix3(C[7] as number, before, first)
  out[n++] = mix3(C[8] as number, last, after)
  out[n++] = mix3(C[9] as number, kind, endState)
  out[n++] = mix3(C[10] as number, kind, startState)
  out[n++] = mix3(C[11] as number, kind, quotedAll)
  out[n++] = mix3(C[12] as number, kind, Math.min(marks, 3))
  out[n++] = mix3(C[13] as number, cueStem, kind)
  out[n++] = mix3(C[14] as number, cueStem, first)
  out[n++] = mix3(C[15] as number, cueStem, endState)
  out[n++] = mix3(C[16] as number, v.quoted[cue.from] ?? 0, kind)
  out[n++] = mix3(C[17] as number, kind, Math.min(countIn(v.commas, [a, b]), 4))
  out[n++] = mix3(C[18] as number, v.shapeHash[a] ?? 0, kind)
  out[n++] = mix3(C[19] as number, v.shapeHash[b - 1] ?? 0, kind)
  out[n++] = mix3(C[20] as number, source ? 1 : 0, kind)
  out[n++] = mix3(C[21] as number, mix(kind, endState), mix(startState, quotedAll))
  out[n++] = mix3(C[22] as number, cueStem, after)
  out[n++] = mix3(C[23] as number, v.stem[cue.to - 1] ?? 0, first)
  out[n++] = mix3(C[24] as number, kind, v.word[cue.to] ?? 0)
  return n
}
