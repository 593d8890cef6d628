// Stage two of attribution: for one cue, the token ranges that could be its source and its content.
// Candidates follow where news puts them: a source just before the cue ("the minister said") or just
// after it ("said the minister"); content after the cue to the end of the sentence or of a clause,
// before the source back to the sentence start, a quoted passage on either side, or both halves of
// a quote split around its cue ("“…,” he said, “…”").
import type { CueRange } from './cue-tagger.js'
import { isQuoteMark, type TokenView } from './token-view.js'

/** Token range [from, to). */
export type Range = [number, number]

const WORDLIKE = /^[\p{L}\p{N}]/u
const CLAUSE_BREAK = new Set([',', ';', '—', '–', ':', '(', ')'])
const SENTENCE_END = new Set(['.', '!', '?'])
// Words that often open what follows a content clause ("… the NRA in February", "… the oil and proposed")
const CLAUSE_OPENERS = new Set(['in', 'on', 'at', 'during', 'after', 'before', 'while', 'because', 'since', 'as', 'but', 'and', 'by', 'with', 'when', 'who', 'which', 'from', 'than'])

export const MAX_SOURCE_TOKENS = 12
/** A source with an appositive may run longer: "Rep. Adam Schiff, the top Democrat on the House Intelligence Committee,". */
const MAX_APPOSITIVE_SOURCE_TOKENS = 24

export interface Frame {
  cue: CueRange
  /** The cue's sentence, and the next one when it is in the same paragraph. */
  sentence: Range
  next: Range | null
}

// How far from its cue a source or content is looked for: news sentences are far shorter, and the
// bound keeps a pathological "sentence" of 100k tokens from costing more than a normal one.
const REACH_BEFORE = 80
const REACH_AFTER = 120

export function frameOf (v: TokenView, cue: CueRange): Frame {
  const s = v.sentence[cue.from] ?? 0
  const sentence = v.sentenceRange[s] ?? [cue.from, cue.to]
  const nextParagraph = v.doc.sentences[s + 1]?.paragraph
  // the next sentence of the paragraph, or the next paragraph after an introducing colon ("he said:")
  const introduces = v.lower[sentence[1] - 1] === ':'
  const next = nextParagraph !== undefined && (nextParagraph === v.doc.sentences[s]?.paragraph || introduces) ? v.sentenceRange[s + 1] ?? null : null
  return {
    cue,
    sentence: [Math.max(sentence[0], cue.from - REACH_BEFORE), Math.min(sentence[1], cue.to + REACH_AFTER)],
    next: next ? [next[0], Math.min(next[1], next[0] + REACH_AFTER)] : null
  }
}

function hasWord (v: TokenView, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (wordlike(v, i)) return true
  return false
}

function wordlike (v: TokenView, i: number): boolean {
  return WORDLIKE.test(v.tokens[i]?.text ?? '')
}

export function sourceCandidates (v: TokenView, frame: Frame): Range[] {
  const { cue, sentence: [s0, s1] } = frame
  const out: Range[] = []
  for (let b = cue.from; b >= Math.max(s0 + 1, cue.from - 3); b--) {
    // a source may close with the comma of its appositive ("Smith, a spokesman for the union, said")
    const closingComma = v.lower[b - 1] === ','
    if (!wordlike(v, b - 1) && v.lower[b - 1] !== ')' && !closingComma) continue
    let comma = false
    for (let a = b - 1; a >= Math.max(s0, b - MAX_APPOSITIVE_SOURCE_TOKENS); a--) {
      if (SENTENCE_END.has(v.lower[a] ?? '')) break
      const long = b - a > MAX_SOURCE_TOKENS
      if (wordlike(v, a) && (comma || (!long && !closingComma))) out.push([a, b])
      if (v.lower[a] === ',' && a < b - 1) comma = true
    }
  }
  // a subject at the sentence start, however far from its verb ("The government, for instance, refused")
  for (let b = s0 + 1; b <= Math.min(cue.from - 4, s0 + MAX_SOURCE_TOKENS); b++) {
    if (wordlike(v, b - 1) && wordlike(v, s0)) out.push([s0, b])
  }
  // an appositive after the source follows content, not a sentence-opening cue ("According to X, …")
  const afterContent = cue.from > s0 + 1
  for (let a = cue.to; a <= Math.min(cue.to + 1, s1 - 1); a++) {
    if (!wordlike(v, a)) continue
    let comma = false
    for (let b = a + 1; b <= Math.min(s1, a + MAX_APPOSITIVE_SOURCE_TOKENS); b++) {
      if (SENTENCE_END.has(v.lower[b - 1] ?? '')) break
      if (v.lower[b - 1] === ',' && afterContent && /^\p{Ll}/u.test(v.tokens[b]?.text ?? '')) comma = true
      const endsSentence = b === s1 || SENTENCE_END.has(v.lower[b] ?? '')
      const long = b - a > MAX_SOURCE_TOKENS
      // past the usual length only an appositive running to the sentence end ("said Smith, a spokesman for …")
      if ((wordlike(v, b - 1) || v.lower[b - 1] === ')') && (!long || (comma && endsSentence))) out.push([a, b])
    }
  }
  return out
}

/** A place content may end: before a clause break (`at` = `end`), or after a closing quotation mark at `at`. */
interface Break { at: number, end: number }

/** The breaks of (from, to), in order: computed once per cue and shared by all its content starts. */
function breaksIn (v: TokenView, from: number, to: number): Break[] {
  const out: Break[] = []
  for (let i = from + 1; i < to; i++) {
    const t = v.lower[i] ?? ''
    if (CLAUSE_BREAK.has(t) || SENTENCE_END.has(t) || (CLAUSE_OPENERS.has(t) && !v.quoted[i])) out.push({ at: i, end: i })
    if (isQuoteMark(t) && v.quoted[i] && !v.quoted[i + 1]) out.push({ at: i, end: i + 1 })
  }
  return out
}

/**
 * Ends of content after `from` within [from, to]: the sentence end, before its final mark, before
 * each clause break, after each closing quotation mark. `breaks` must cover (from, to).
 */
function endsAfter (v: TokenView, from: number, to: number, breaks = breaksIn(v, from, to)): number[] {
  const ends = new Set<number>([to])
  if (SENTENCE_END.has(v.lower[to - 1] ?? '')) ends.add(to - 1)
  for (const b of breaks) if (b.at > from) ends.add(b.end)
  return nearest([...ends].filter((e) => e > from), from, MAX_BOUNDARIES, [to, to - 1])
}

// At most this many starts or ends per side: the nearest to the cue, and always the sentence's ends.
const MAX_BOUNDARIES = 16

function nearest (positions: number[], anchor: number, max: number, keep: number[] = []): number[] {
  if (positions.length <= max) return positions
  const sorted = [...positions].sort((a, b) => Math.abs(a - anchor) - Math.abs(b - anchor))
  return [...new Set([...sorted.slice(0, max), ...keep.filter((k) => positions.includes(k))])]
}

/** Starts of content before `to` within [from, to): the sentence start, after each clause break, each opening quotation mark. */
function startsBefore (v: TokenView, from: number, to: number): number[] {
  const starts = new Set<number>([from])
  for (let i = from; i < to - 1; i++) {
    const t = v.lower[i] ?? ''
    if (CLAUSE_BREAK.has(t)) starts.add(i + 1)
    if (isQuoteMark(t) && v.quoted[i] && (i === from || !v.quoted[i - 1])) starts.add(i)
  }
  return nearest([...starts].filter((s) => s < to), to, MAX_BOUNDARIES, [from])
}

/** Content candidates, each one or two ranges, not overlapping the cue or the chosen source. */
export function contentCandidates (v: TokenView, frame: Frame, source: Range | null): Range[][] {
  const { cue, sentence: [s0, s1], next } = frame
  const out: Range[][] = []
  const right = Math.max(cue.to, source && source[0] >= cue.to ? source[1] : cue.to)
  const left = Math.min(cue.from, source && source[1] <= cue.from ? source[0] : cue.from)
  // after the cue (and a source that follows it), from just after it or after a clause break
  const starts = new Set([cue.to, cue.to + 1, cue.to + 2, right, right + 1, right + 2])
  for (let i = right; i < s1 - 1; i++) {
    const t = v.lower[i] ?? ''
    if (CLAUSE_BREAK.has(t)) starts.add(i + 1)
    if (t === 'that') starts.add(i)
    if (isQuoteMark(t) && v.quoted[i] && !v.quoted[i - 1]) starts.add(i)
  }
  const firstStarts = nearest([...starts], right, MAX_BOUNDARIES)
  const breaks = breaksIn(v, Math.min(...firstStarts), s1)
  for (const a of firstStarts) {
    if (a >= s1 || (source && a >= source[0] && a < source[1])) continue
    for (const e of endsAfter(v, a, s1, breaks)) out.push([[a, e]])
    // a quoted passage opening here may run on past the sentence
    const close = closingOf(v, a)
    if (close !== null && close > s1) out.push([[a, close]])
  }
  // the next sentence, after a cue that ends its own ("he said:", "She wrote."), or the passage quoted there
  if (next && right >= s1 - 2) {
    for (const e of endsAfter(v, next[0], next[1])) out.push([[next[0], e]])
    const close = closingOf(v, next[0])
    if (close !== null && close > next[1]) out.push([[next[0], close]])
  }
  // before the source or cue, back to a clause start; a quoted passage may open in an earlier sentence
  for (let e = left; e >= Math.max(s0 + 1, left - 3); e--) {
    for (const a of startsBefore(v, s0, e)) out.push([[a, e]])
    const open = openingOf(v, e)
    if (open !== null && open < s0) out.push([[open, e]])
  }
  // both halves of a quote split around its cue
  const before = closingBefore(v, left, s0)
  const after = openingAfter(v, right, s1)
  if (before && after) {
    for (const e of endsAfter(v, after[0], s1)) out.push([before, [after[0], e]])
  }
  // both halves of a sentence around a parenthetical attribution ("But, he said, officials should …")
  if (v.lower[left - 1] === ',' && v.lower[right] === ',' && left - 1 > s0 && right + 1 < s1) {
    const tail = endsAfter(v, right + 1, s1)
    for (const a of new Set([s0, ...startsBefore(v, s0, left - 1).slice(0, 3)])) {
      for (const e of tail) out.push([[a, left - 1], [right + 1, e]])
    }
  }
  // PolNeAR mostly marks content one fragment per sentence, but not always: offer both
  // (only candidates crossing a sentence end are split: building a copy of every candidate was most of the garbage)
  const split: Range[][] = []
  for (const fragments of out) if (fragments.some(([a, b]) => b - a > 1 && v.sentence[a] !== v.sentence[b - 1])) split.push(bySentence(v, fragments))
  // content says something: a lone colon or comma is no content
  return [...out, ...split].filter((fragments) => fragments.some(([a, b]) => hasWord(v, a, b)))
}

/** Content spanning sentences is one fragment per sentence, as PolNeAR marks it. */
function bySentence (v: TokenView, fragments: Range[]): Range[] {
  const out: Range[] = []
  for (const [a, b] of fragments) {
    let start = a
    for (let i = a + 1; i < b; i++) {
      if (v.sentence[i] !== v.sentence[i - 1]) { out.push([start, i]); start = i }
    }
    out.push([start, b])
  }
  return out
}

/** Just past the closing mark of the quoted passage that opens at token a (at most 400 tokens on), if a opens one. */
function closingOf (v: TokenView, a: number): number | null {
  if (!isQuoteMark(v.lower[a] ?? '') || !v.quoted[a] || v.quoted[a - 1]) return null
  let i = a + 1
  const limit = Math.min(v.tokens.length, a + 400)
  while (i < limit && v.quoted[i] && !(isQuoteMark(v.lower[i] ?? '') && !v.quoted[i + 1])) i++
  return i < limit && v.quoted[i] ? i + 1 : null
}

/** The opening mark of the quoted passage whose closing mark ends just before e, if any. */
function openingOf (v: TokenView, e: number): number | null {
  let i = e - 1
  while (i >= Math.max(0, e - 4) && !isQuoteMark(v.lower[i] ?? '') && (CLAUSE_BREAK.has(v.lower[i] ?? '') || SENTENCE_END.has(v.lower[i] ?? ''))) i--
  if (i < 0 || !isQuoteMark(v.lower[i] ?? '') || !v.quoted[i]) return null
  let j = i - 1
  const limit = Math.max(0, i - 400)
  while (j >= limit && v.quoted[j] && !(isQuoteMark(v.lower[j] ?? '') && !v.quoted[j - 1])) j--
  return j >= limit && v.quoted[j] ? j : null
}

/** A quoted passage ending within two tokens before `left`, from its opening mark (same sentence). */
function closingBefore (v: TokenView, left: number, s0: number): Range | null {
  for (let e = left; e >= Math.max(s0 + 1, left - 2); e--) {
    if (isQuoteMark(v.lower[e - 1] ?? '') && v.quoted[e - 1]) {
      const open = openingOf(v, e)
      if (open !== null && open >= s0) return [open, e]
    }
  }
  return null
}

/** A quoted passage opening within two tokens after `right`. */
function openingAfter (v: TokenView, right: number, s1: number): Range | null {
  for (let a = right; a < Math.min(s1, right + 3); a++) {
    if (isQuoteMark(v.lower[a] ?? '') && v.quoted[a] && !v.quoted[a - 1]) return [a, s1]
  }
  return null
}
