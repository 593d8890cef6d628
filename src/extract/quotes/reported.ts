// Reported speech (indirect, or mixed when the content holds a quoted part), one sentence at a time:
//   "X said (that) CONTENT"        source before the cue, content after it
//   "CONTENT, X said (Wednesday)." content before, attribution closing the sentence
//   "CONTENT, said X."             the inverted form
//   "According to X, CONTENT" / "CONTENT, according to X."
//   "X told Y (that) CONTENT"      the addressee is skipped
//   ", urging/warning (that) CONTENT" a participle clause: the speaker is the clause subject's
// Cues inside quotation marks are part of what someone said, not attributions, and are skipped.
import { regionAt, type Doc } from '../text/document.js'
import { CUE_ADVERBS, CUE_VERBS, OBJECT_CUES } from '../knowledge/lexicon.js'
import { contentSpan, rangeSpan, reportedKind, type RawQuote } from './raw-quote.js'
import { cueAt, isParticipleCue, skipTime, skipToThat, sourceAfter, sourceBefore, type Range } from './source-phrases.js'
import { onlyTrailing } from '../text/trailing-words.js'
import type { Sentence, Token } from '../../domain/extraction.js'
import { at } from '../util/at.js'

// Words that cannot open reported content: the cue is used intransitively ("reported on the plan").
const NOT_CONTENT = new Set(['to', 'on', 'about', 'in', 'of', 'with', 'for', 'by', 'at', 'from', 'as', 'into',
  'against', 'after', 'before', 'during', 'over', 'under', 'up', 'out', 'so', 'and', 'or', 'but', 'it.', 'nothing'])
const OBJECT_WORDS = new Set(['me', 'him', 'her', 'us', 'them', 'you', 'reporters', 'journalists', 'lawmakers',
  'parliament', 'listeners', 'viewers', 'supporters', 'students', 'delegates', 'colleagues'])

interface Ctx { doc: Doc, sentence: Sentence, index: number, usedCues: Set<number>, found: RawQuote[] }

/** A comma ending a clause at k: "," or a closing mark right after one ('works," warning'). */
function clauseComma (doc: Doc, tokens: Token[], k: number): boolean {
  const t = tokens[k]
  if (!t) return false
  if (t.text === ',') return !regionAt(doc, t.start)
  if (tokens[k - 1]?.text !== ',') return false
  const r = regionAt(doc, t.end - 1)
  return !!r && r.closed && r.end === t.end
}

// Per sentence, the indices k where a participle clause starts after k (", warning ..."), ascending:
// scanning to the sentence end once per cue went quadratic on long sentences with many cues.
const clauseBreaks = new WeakMap<Token[], number[]>()

/** Where the content of a participle clause or main clause ends: before ", warning ...". */
function contentEnd (doc: Doc, tokens: Token[], from: number): number {
  let breaks = clauseBreaks.get(tokens)
  if (!breaks) {
    breaks = []
    for (let k = 0; k < tokens.length - 1; k++) {
      // the comma first: the clause tests after it are the costly part
      if ((clauseComma(doc, tokens, k) && (isParticipleCue(tokens, k + 1) || attributionFrom(tokens, k + 1))) || coordinatedCue(doc, tokens, k)) breaks.push(k)
    }
    clauseBreaks.set(tokens, breaks)
  }
  let lo = 0
  let hi = breaks.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (at(breaks, mid) < from) lo = mid + 1
    else hi = mid
  }
  const k = breaks[lo]
  if (k === undefined) return tokens.length
  return at(tokens, k).text === ',' || COORDINATORS.has(at(tokens, k).text) ? k : k + 1
}

const COORDINATORS = new Set(['and', 'but'])

const SUBJECT_REACH = 6

/** "…, Ham also noted …": a source and its cue starting at i open a new attribution. */
function attributionFrom (tokens: Token[], i: number): boolean {
  for (let c = i + 1; c < Math.min(tokens.length, i + SUBJECT_REACH); c++) {
    if (!cueAt(tokens, c)) continue
    return sourceBefore(tokens, c, i)?.from === i
  }
  return false
}

/** "… out of the car and repeatedly says, …": a cue coordinated at k with the one before starts its own attribution. */
function coordinatedCue (doc: Doc, tokens: Token[], k: number): boolean {
  if (!COORDINATORS.has(at(tokens, k).text) || regionAt(doc, at(tokens, k).start)) return false
  let c = k + 1
  while (c < tokens.length - 1 && CUE_ADVERBS.has(at(tokens, c).text)) c++
  return !!cueAt(tokens, c)
}

// Reported content longer than this is no news sentence but a run-on (a paragraph without a full
// stop): it is cut at this length from the cue, so that its quotes stay short and overlap checks linear.
const MAX_CONTENT_TOKENS = 150

function makeQuote (ctx: Ctx, from: number, to: number, cue: Range, source: Range | null, parent: RawQuote | null): RawQuote | null {
  const { doc, sentence } = ctx
  const tokens = sentence.tokens
  if (to - from > MAX_CONTENT_TOKENS) {
    if (from >= cue.to) to = from + MAX_CONTENT_TOKENS
    else from = to - MAX_CONTENT_TOKENS
  }
  const first = tokens[from]
  if (!first || NOT_CONTENT.has(first.text.toLowerCase()) || (CUE_VERBS.has(first.text) && !parent)) return null
  // news annotation counts the complementiser as content: "said [that the talks failed]"
  const start = from - 1 >= cue.to && tokens[from - 1]?.text.toLowerCase() === 'that' ? from - 1 : from
  const span = contentSpan(doc, tokens, start, to)
  if (!span) return null
  return {
    kind: reportedKind(doc, span), spans: [span], cue: rangeSpan(doc, tokens, cue),
    source: source ? rangeSpan(doc, tokens, source) : null, paragraph: sentence.paragraph,
    sentence: ctx.index, hint: parent ? 'clause' : 'source', parent,
  }
}

/** After "told"/"asked": skip the addressee, then an optional "that". */
function afterObject (tokens: Token[], i: number): number {
  for (let j = i; j < Math.min(tokens.length, i + 8); j++) if (at(tokens, j).text === 'that') return j + 1
  if (OBJECT_WORDS.has(tokens[i]?.text ?? '')) return skipToThat(tokens, i + 1, tokens.length)
  const addressee = sourceAfter(tokens, i)
  return addressee ? skipToThat(tokens, addressee.to, tokens.length) : i
}

function participleQuote (ctx: Ctx, cue: Range): RawQuote | null {
  const parent = ctx.found[ctx.found.length - 1] ?? null
  if (!parent || !clauseComma(ctx.doc, ctx.sentence.tokens, cue.from - 1)) return null
  const tokens = ctx.sentence.tokens
  const from = skipToThat(tokens, cue.to, tokens.length)
  return makeQuote(ctx, from, contentEnd(ctx.doc, tokens, from), cue, null, parent)
}

function cueQuote (ctx: Ctx, cue: Range): RawQuote | null {
  const tokens = ctx.sentence.tokens
  const source = sourceBefore(tokens, cue.from)
  if (source) {
    // "CONTENT, X said (Wednesday)."
    if (tokens[source.from - 1]?.text === ',' && onlyTrailing(tokens, cue.to, tokens.length)) {
      return makeQuote(ctx, 0, source.from - 1, cue, source, null)
    }
    const from = OBJECT_CUES.has(at(tokens, cue.from).text) ? afterObject(tokens, cue.to) : skipToThat(tokens, skipTime(tokens, cue.to), tokens.length)
    return makeQuote(ctx, from, contentEnd(ctx.doc, tokens, from), cue, source, null)
  }
  // "CONTENT, said X."
  const after = tokens[cue.from - 1]?.text === ',' ? sourceAfter(tokens, cue.to, tokens.length, true) : null
  if (after && onlyTrailing(tokens, after.to, tokens.length)) return makeQuote(ctx, 0, cue.from - 1, cue, after, null)
  return null
}

function accordingTo (ctx: Ctx, i: number): RawQuote | null {
  const tokens = ctx.sentence.tokens
  const cue = { from: i, to: i + 2 }
  const source = sourceAfter(tokens, i + 2, tokens.length, i > 0)
  if (!source) return null
  if (tokens[source.to]?.text === ',' && (i === 0 || tokens[i - 1]?.text === ',')) {
    return makeQuote(ctx, source.to + 1, contentEnd(ctx.doc, tokens, source.to + 1), cue, source, null)
  }
  if (i > 0 && tokens[i - 1]?.text === ',' && onlyTrailing(tokens, source.to, tokens.length)) {
    return makeQuote(ctx, 0, i - 1, cue, source, null)
  }
  return null
}

function scanSentence (ctx: Ctx): void {
  const tokens = ctx.sentence.tokens
  for (let i = 0; i < tokens.length; i++) {
    const t = at(tokens, i)
    if (ctx.usedCues.has(t.start) || regionAt(ctx.doc, t.start)) continue
    let q: RawQuote | null = null
    if (/^according$/i.test(t.text) && tokens[i + 1]?.text === 'to') q = accordingTo(ctx, i)
    else {
      const cue = cueAt(tokens, i)
      if (cue) q = isParticipleCue(tokens, i) ? participleQuote(ctx, cue) : cueQuote(ctx, cue)
    }
    if (q) { ctx.found.push(q); ctx.usedCues.add(t.start) }
  }
}

/** Reported-speech quotes in every body sentence; `directs` let participle clauses find their subject. */
export function findReportedQuotes (doc: Doc, usedCues: Set<number>, directs: RawQuote[]): RawQuote[] {
  const quotes: RawQuote[] = []
  // Grouped once: filtering every direct quote per sentence was quadratic on quote-dense text.
  const bySentence = new Map<number, RawQuote[]>()
  for (const q of directs) {
    const same = bySentence.get(q.sentence)
    if (same) same.push(q)
    else bySentence.set(q.sentence, [q])
  }
  doc.sentences.forEach((sentence, index) => {
    if (sentence.paragraph < 0) return
    const found = [...(bySentence.get(index) ?? [])]
    const known = found.length
    const ctx: Ctx = { doc, sentence, index, usedCues, found }
    scanSentence(ctx)
    // scanSentence only appends: what follows the sentence's direct quotes is new.
    for (const q of found.slice(known)) quotes.push(q)
  })
  return quotes
}

