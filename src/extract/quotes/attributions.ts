// Attribution by the learned models: the cues of each sentence first, then each cue's source and
// content, chosen among candidates relative to it.
import type { Doc } from '../text/document.js'
import type { Span } from '../../domain/extraction.js'
import type { Range } from './candidates.js'
import { tagCues, type CueRange } from './cue-tagger.js'
import type { AttributionModels } from './attribution-model.js'
import { rankRoles } from './ranker.js'
import { isQuoteMark, tokenView, type TokenView } from './token-view.js'

export interface TaggedAttribution {
  cue: Span
  source: Span | null
  /** The content's fragments, in order. */
  content: Span[]
  /** Index of the cue's sentence in doc.sentences. */
  sentence: number
}

const NOT_CUES = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'of', 'and', 'or', 'with', 'by', 'at', 'for'])

/** A cue of function words alone ("the") or a lone name inside a sentence ("Al-Shadadi") is a tagging slip. */
function plausibleCue (v: TokenView, cue: CueRange): boolean {
  let functionWords = true
  for (let i = cue.from; i < cue.to; i++) if (!NOT_CUES.has(v.lower[i] ?? '')) functionWords = false
  if (functionWords) return false
  const sentenceStart = v.sentenceRange[v.sentence[cue.from] ?? 0]?.[0]
  return !(cue.to - cue.from === 1 && /^\p{Lu}/u.test(v.tokens[cue.from]?.text ?? '') && cue.from !== sentenceStart)
}

const spanOf = (v: TokenView, [from, to]: Range): Span => ({ start: v.tokens[from]?.start ?? 0, end: v.tokens[to - 1]?.end ?? 0 })

/** Whether a span overlaps any of `spans`, by binary search over them sorted. */
function overlapTest (spans: Span[]): (span: Span) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start)
  return (span) => {
    // the last known span starting before `span` ends; spans are short and rarely nest, so look back a little
    let lo = 0
    let hi = sorted.length - 1
    let last = -1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      if ((sorted[mid]?.start ?? 0) < span.end) { last = mid; lo = mid + 1 } else hi = mid - 1
    }
    for (let i = last; i >= Math.max(0, last - 8); i--) if ((sorted[i]?.end ?? 0) > span.start) return true
    return false
  }
}

const MAX_CUES_PER_SENTENCE = 64

const COORDINATORS = new Set(['and', 'or', ','])
const ARTICLES = new Set(['a', 'an', 'the'])

/**
 * Content ending on a quoted phrase takes the quoted phrases coordinated with it: 'called her
 * “disgusting” and “a disaster”' is one attribution, as news annotation marks it.
 */
function withCoordinatedQuotes (v: TokenView, content: Range[]): Range[] {
  const last = content[content.length - 1]
  if (!last) return content
  let end = last[1]
  const sentenceEnd = v.sentenceRange[v.sentence[end - 1] ?? 0]?.[1] ?? end
  const closesQuote = (i: number) => v.quoted[i - 1] === 1 && isQuoteMark(v.lower[i - 1] ?? '') && v.quoted[i] !== 1
  while (end < sentenceEnd && closesQuote(end) && COORDINATORS.has(v.lower[end] ?? '')) {
    let open = v.lower[end + 1] === 'and' || v.lower[end + 1] === 'or' ? end + 2 : end + 1
    if (ARTICLES.has(v.lower[open] ?? '')) open++ // 'a “human leech” and a “spoiled brat”'
    if (v.quoted[open] !== 1 || !isQuoteMark(v.lower[open] ?? '')) break
    let close = open + 1
    while (close < sentenceEnd && v.quoted[close] === 1 && !closesQuote(close + 1)) close++
    if (close >= sentenceEnd || !closesQuote(close + 1)) break
    end = close + 1
  }
  return end === last[1] ? content : [...content.slice(0, -1), [last[0], end]]
}

const JOINERS = new Set(['and', 'but', ','])
const CUE_ADVERB = /^\p{Ll}+ly$|^also$|^then$|^later$/u

/**
 * 'is telling that the military is “depleted” and says he will expand it': content running into a
 * verb coordinated with its cue, itself a cue (`isCue`: tagged, or a rule's), ends before the
 * conjunction; that verb's content is its own attribution, as news annotation marks it. A cue with
 * its own subject ("said that Clinton described …") is content nested in the first, and stays.
 */
function beforeCoordinatedCue (v: TokenView, content: Range[], isCue: (i: number) => boolean): Range[] {
  const last = content[content.length - 1]
  if (!last) return content
  const [a, b] = last
  for (let k = a + 2; k < b - 1; k++) {
    if (!JOINERS.has(v.lower[k] ?? '') || v.quoted[k]) continue
    let c = k + 1
    while (c < b - 1 && CUE_ADVERB.test(v.lower[c] ?? '')) c++
    if (!isCue(c)) continue
    return [...content.slice(0, -1), [a, v.lower[k - 1] === ',' ? k - 1 : k]]
  }
  return content
}

/**
 * `known`: cues already attributed by other means; their source and content are not looked for
 * again, but the tagged cues overlapping them go into `knownTagged`, for their boundaries.
 */
export function tagAttributions (doc: Doc, models: AttributionModels, known: Span[] = [], knownTagged: Span[] = []): TaggedAttribution[] {
  const v = tokenView(doc)
  const found: TaggedAttribution[] = []
  const skip = overlapTest(known)
  for (let s = 0; s < v.sentenceRange.length; s++) {
    // a "sentence" with more cues than any news sentence is a run-on (a paragraph with no full stop):
    // its first cues are attributed, and the cost of the rest stays bounded
    const cues = tagCues(v, s, models.cue).slice(0, MAX_CUES_PER_SENTENCE).filter((cue) => plausibleCue(v, cue))
    const isCue = (i: number): boolean => cues.some((c) => c.from === i) || skip(spanOf(v, [i, i + 1]))
    for (const cue of cues) {
      const span = spanOf(v, [cue.from, cue.to])
      if (skip(span)) { knownTagged.push(span); continue }
      const roles = rankRoles(v, cue, models)
      if (!roles.content.length) continue
      found.push({
        cue: spanOf(v, [cue.from, cue.to]),
        source: roles.source ? spanOf(v, roles.source) : null,
        content: withCoordinatedQuotes(v, beforeCoordinatedCue(v, roles.content, isCue)).map((r) => spanOf(v, r)),
        sentence: s
      })
    }
  }
  return found
}
