// Gold attributions (PolNeAR's format) laid on the token view, for training: the cue label of
// every token, and for each cue its source and content as token ranges.
import type { Range } from '../../src/extract/quotes/candidates.js'
import { B, I, O, type CueRange } from '../../src/extract/quotes/cue-tagger.js'
import type { Roles } from '../../src/extract/quotes/ranker.js'
import type { TokenView } from '../../src/extract/quotes/token-view.js'

export interface GoldAttribution {
  content: { spans: [number, number][] }
  cue: { spans: [number, number][] } | null
  source: { spans: [number, number][] } | null
}

export interface GoldRoles extends Roles {
  cue: CueRange
}

/** Token range [from, to) whose tokens exactly cover the trimmed character span, if any. */
function tokenRange (v: TokenView, starts: Map<number, number>, ends: Map<number, number>, [a, b]: [number, number]): Range | null {
  const text = v.doc.text
  while (a < b && /\s/u.test(text[a] ?? '')) a++
  while (b > a && /\s/u.test(text[b - 1] ?? '')) b--
  const from = starts.get(a)
  const last = ends.get(b)
  return from === undefined || last === undefined || last < from ? null : [from, last + 1]
}

export function goldOf (v: TokenView, attributions: GoldAttribution[]): { cueLabels: Uint8Array, roles: GoldRoles[] } {
  const starts = new Map<number, number>()
  const ends = new Map<number, number>()
  v.tokens.forEach((t, i) => { starts.set(t.start, i); ends.set(t.end, i) })
  const range = (span: [number, number]) => tokenRange(v, starts, ends, span)
  const cueLabels = new Uint8Array(v.tokens.length).fill(O)
  const roles: GoldRoles[] = []
  for (const a of attributions) {
    const cues = (a.cue?.spans ?? []).map(range).filter((r): r is Range => r !== null)
    for (const [from, to] of cues) for (let i = from; i < to; i++) cueLabels[i] = i === from ? B : I
    const first = cues[0]
    const content = a.content.spans.map(range)
    const source = a.source ? a.source.spans.map(range) : []
    if (!first || content.some((r) => r === null) || source.some((r) => r === null)) continue
    roles.push({
      cue: { from: first[0], to: first[1] },
      source: (source[0] as Range | undefined) ?? null,
      content: (content as Range[]).sort((x, y) => x[0] - y[0])
    })
  }
  return { cueLabels, roles }
}
