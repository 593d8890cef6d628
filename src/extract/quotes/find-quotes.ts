// Stage 4: quotes. Direct quotes are found first (their cues are then off-limits), then reported
// speech, then the headline conventions "CLAIM: Speaker" and "Speaker: CLAIM".
import { TITLE_PARAGRAPH, type Doc } from '../text/document.js'
import { lookupName } from '../knowledge/gazetteer.js'
import { FUNCTION_WORDS, SOURCE_NOUNS } from '../knowledge/lexicon.js'
import { contentSpan, reportedKind, textSpan, type RawQuote } from './raw-quote.js'
import { findDirectQuotes } from './direct.js'
import { findReportedQuotes } from './reported.js'
import { isCapitalized, isWord } from '../text/tokenizer.js'
import type { Span, Token } from '../../domain/extraction.js'
import { at } from '../util/at.js'
import { attributionModels, type AttributionModels } from './attribution-model.js'
import { learnedQuotes } from './learned-quotes.js'
import { transcriptTurns } from './transcript.js'

function overlapShare (a: Span[], b: Span[]): number {
  let inter = 0
  let total = 0
  for (const x of a) for (const y of b) inter += Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start))
  for (const x of [...a, ...b]) total += x.end - x.start
  return total - inter > 0 ? inter / (total - inter) : 0
}

export type { RawQuote } from './raw-quote.js'

/** A learned quote that adds the first half of a rule quote's content ("But to X, he said, Y"): one more fragment, holding the rule's. */
function completes (learned: RawQuote, rule: RawQuote): boolean {
  const [ruleSpan] = rule.spans
  const last = learned.spans[learned.spans.length - 1]
  return rule.spans.length === 1 && learned.spans.length === 2 && !!ruleSpan && !!last &&
    Math.abs(last.start - ruleSpan.start) <= 1 && Math.abs(last.end - ruleSpan.end) <= 1
}

/** 1–4 words that can name a speaker in a headline: capitalised names, or "reports"/"officials". */
function speakerWords (tokens: Token[]): boolean {
  if (tokens.length < 1 || tokens.length > 4) return false
  const names = tokens.every((t) => isWord(t.text) && (isCapitalized(t.text) || /^(?:al|bin|de|van|von)$/.test(t.text)))
  const nouns = tokens.every((t) => /^\p{Ll}/u.test(t.text)) && SOURCE_NOUNS.has(at(tokens, tokens.length - 1).text)
  const first = at(tokens, 0).text.toLowerCase()
  return (names && !FUNCTION_WORDS.has(first) && !lookupName(tokens.map((t) => t.text).join(' '))) || nouns
}

function headlineKind (doc: Doc, span: Span): RawQuote['kind'] {
  const whole = doc.regions.some((r) => r.depth === 0 && r.open <= span.start && r.end >= span.end)
  return whole ? 'direct' : reportedKind(doc, span)
}

/** "Russia in talks with Syria: Lavrov" (speaker last) or "Lavrov: Russia in talks" (speaker first). */
export function headlineQuote (doc: Doc): RawQuote | null {
  const index = doc.sentences.findIndex((s) => s.paragraph === TITLE_PARAGRAPH)
  const tokens = doc.sentences[index]?.tokens ?? []
  const colons = tokens.map((t, i) => (t.text === ':' ? i : -1)).filter((i) => i >= 0)
  const last = colons[colons.length - 1]
  const first = colons[0]
  let content: Span | null = null
  let source: [number, number] | null = null
  let colon = -1
  if (last !== undefined && speakerWords(tokens.slice(last + 1))) {
    content = contentSpan(doc, tokens, 0, last)
    source = [last + 1, tokens.length]
    colon = last
  } else if (first !== undefined && speakerWords(tokens.slice(0, first)) && !tokens.slice(0, first).some((t) => SOURCE_NOUNS.has(t.text))) {
    content = contentSpan(doc, tokens, first + 1, tokens.length)
    source = [0, first]
    colon = first
  }
  if (!content || !source) return null
  const [from, to] = source
  return {
    kind: headlineKind(doc, content), spans: [content], cue: textSpan(doc, at(tokens, colon).start, at(tokens, colon).end),
    source: textSpan(doc, at(tokens, from).start, at(tokens, to - 1).end), paragraph: null, sentence: index, hint: 'source', parent: null,
  }
}

const cuesOverlap = (a: RawQuote, b: RawQuote) => !!a.cue && !!b.cue && a.cue.start < b.cue.end && b.cue.start < a.cue.end

/**
 * Rules and learned models together. The rules are exact about what they recognise (direct quotes,
 * "X said (that) …"); the models, trained on annotated news, draw content boundaries the way news
 * annotation does and find attributions the rules have no pattern for (beliefs, plans, noun cues).
 * So: where a model quote shares a reported quote's cue and most of its content, its boundaries
 * replace the rule's; model quotes that no rule quote covers are added.
 */
function combine (doc: Doc, direct: RawQuote[], reported: RawQuote[], models: AttributionModels | null, hasHeadline: boolean): RawQuote[] {
  if (!models) return [...direct, ...reported]
  const knownTagged: Span[] = []
  const learned = learnedQuotes(doc, models, direct.flatMap((q) => (q.cue ? [q.cue] : [])), knownTagged)
    .filter((l) => l.paragraph !== null || !hasHeadline)
  for (const q of direct) adoptCue(doc, q, knownTagged)
  // only quotes whose extents overlap can share a cue or content: an index keeps long articles linear
  const learnedNear = new ExtentIndex(learned)
  const refined = reported.map((r) => {
    const sameCue = learnedNear.overlapping(r).filter((l) => cuesOverlap(l, r))
    const better = sameCue.find((l) => overlapShare(l.spans, r.spans) >= REFINE_OVERLAP || completes(l, r))
    if (better) return better
    // a rule quote the models did not refine still takes the tagged cue's boundaries
    adoptCue(doc, r, sameCue.flatMap((l) => (l.cue ? [l.cue] : [])))
    return r
  })
  // a clause whose parent was refined speaks through the refined quote ("…, urging …" after "X noted …")
  const replaced = new Map(reported.map((r, i) => [r, refined[i] as RawQuote]))
  for (const q of refined) if (q.parent) q.parent = replaced.get(q.parent) ?? q.parent
  const rules = [...direct, ...refined]
  const taken = new Set(rules)
  const rulesNear = new ExtentIndex(rules)
  const extra = learned.filter((l) => !taken.has(l) &&
    !rulesNear.overlapping(l).some((r) => cuesOverlap(l, r) || overlapShare(l.spans, r.spans) >= 0.3))
  return [...rules, ...extra]
}

/** The tagged cue overlapping a rule quote's cue replaces it: the tagger draws cue boundaries as news annotation does. */
function adoptCue (doc: Doc, q: RawQuote, tagged: Span[]): void {
  const cue = q.cue
  if (!cue) return
  const match = tagged.find((t) => t.start < cue.end && cue.start < t.end)
  if (match && !q.spans.some((s) => s.start < match.end && match.start < s.end)) q.cue = textSpan(doc, match.start, match.end)
}

/** From the first to the last character a quote's content and cue cover. */
function extentOf (q: RawQuote): Span {
  const spans = q.cue ? [...q.spans, q.cue] : q.spans
  return { start: Math.min(...spans.map((s) => s.start)), end: Math.max(...spans.map((s) => s.end)) }
}

/** Quotes sorted by where their extent starts, with the running furthest end, for overlap queries. */
class ExtentIndex {
  readonly #quotes: { quote: RawQuote, extent: Span }[]
  readonly #furthest: number[]

  constructor (quotes: RawQuote[]) {
    this.#quotes = quotes.map((quote) => ({ quote, extent: extentOf(quote) })).sort((a, b) => a.extent.start - b.extent.start)
    let furthest = -1
    this.#furthest = this.#quotes.map(({ extent }) => (furthest = Math.max(furthest, extent.end)))
  }

  overlapping (q: RawQuote): RawQuote[] {
    const { start, end } = extentOf(q)
    let lo = 0
    let hi = this.#quotes.length - 1
    let last = -1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      if ((this.#quotes[mid]?.extent.start ?? 0) < end) { last = mid; lo = mid + 1 } else hi = mid - 1
    }
    const out: RawQuote[] = []
    for (let i = last; i >= 0 && (this.#furthest[i] ?? 0) > start; i--) {
      const entry = this.#quotes[i]
      if (entry && entry.extent.end > start) out.push(entry.quote)
    }
    return out
  }
}

const REFINE_OVERLAP = 0.9

const CLOSING_MARK = /["”»’'][.,;:!?]?$/u

/**
 * '... called the summit “too little,” he said. “Without new policies, it fails.”': a quoted
 * sentence with no attribution of its own, right after an attributed quote that ends on a quoted
 * phrase, goes on that quote, as it goes on a direct one ('“A,” he said. “B.”'), whether the rules
 * or the models found that one ('“A,” Trump assured Jones, after Jones … . “B.”', '“A,” Toomey fumed. “B.”').
 */
function continueQuotedSentences (doc: Doc, quotes: RawQuote[]): RawQuote[] {
  const out: RawQuote[] = []
  const endsQuoted = (p: RawQuote) => {
    const last = p.spans[p.spans.length - 1]
    return !!last && CLOSING_MARK.test(doc.text.slice(last.start, last.end))
  }
  for (const q of quotes) {
    const first = q.spans[0]
    const opensSentence = q.kind === 'direct' && !q.cue && !!first && first.start === doc.sentences[q.sentence]?.start
    // of the previous sentence's attributed quotes, the one whose cue comes last: "…,” Smith said."
    let owner: RawQuote | undefined
    for (let i = out.length - 1; opensSentence && i >= 0; i--) {
      const p = out[i] as RawQuote
      if (p.sentence !== q.sentence - 1 || p.paragraph !== q.paragraph) break
      if (p.kind !== 'indirect' && p.cue && endsQuoted(p) && (!owner?.cue || p.cue.start > owner.cue.start)) owner = p
    }
    if (owner) owner.spans.push(...q.spans)
    else out.push(q)
  }
  return out
}

/** Every quote of the document, in document order (the title's first). */
export function findQuotes (doc: Doc): RawQuote[] {
  const direct = findDirectQuotes(doc)
  const reported = findReportedQuotes(doc, direct.usedCues, direct.quotes)
  const headline = headlineQuote(doc)
  const turns = transcriptTurns(doc)
  // a turn is the rest of its paragraph: a quote of that paragraph lies inside it
  const turnParagraphs = new Set(turns.map((t) => t.paragraph))
  const inTurn = (q: RawQuote) => q.paragraph !== null && turnParagraphs.has(q.paragraph)
  const found = combine(doc, direct.quotes, reported, attributionModels(), headline !== null).filter((q) => !inTurn(q))
  const all = [...(headline ? [headline] : []), ...turns, ...found]
  const ordered = all.sort((a, b) => (a.paragraph === null ? -1 : 0) - (b.paragraph === null ? -1 : 0) || at(a.spans, 0).start - at(b.spans, 0).start)
  return continueQuotedSentences(doc, ordered)
}
