// Direct quotes: content wholly inside quotation marks, either standing at the start of its
// sentence ('"...," he said.') or introduced by an attribution ('He said: "..."'). A quote split
// around its attribution ('"A," he said, "B."'), a quoted sentence right after a direct quote,
// and a quote carried over paragraphs (no closing mark, next paragraph reopens) become extra
// fragments of the same quote.
import { at } from '../util/at.js'
import type { Doc } from '../text/document.js'
import { SPEAKER_PRONOUNS } from '../knowledge/lexicon.js'
import { firstOpenAtOrAfter, outerRegions, type QuotedRegion } from '../text/quote-marks.js'
import { rangeSpan, type RawQuote } from './raw-quote.js'
import { cueAt, sentenceSubject, sourceAfter, sourceBefore, type Range } from './source-phrases.js'
import { onlyTrailing } from '../text/trailing-words.js'
import type { Sentence, Span, TextSpan, Token } from '../../domain/extraction.js'

export interface DirectResult {
  quotes: RawQuote[]
  /** Offsets of cue tokens already used, so the reported-speech stage skips them. */
  usedCues: Set<number>
}

interface Attribution { cue: TextSpan, source: TextSpan | null }

const PUNCT_ONLY = /^[.,;:!?…]$/u

/**
 * A region with its quotation marks, as news annotation marks direct content ('“...hubs,”'); an
 * unclosed one runs to its paragraph's end, trimmed of spaces. Fewer than two words is no quote.
 */
function innerSpan (doc: Doc, r: QuotedRegion): Span | null {
  const start = r.open
  let end = r.end
  while (end > start && /\s/u.test(doc.text[end - 1] ?? '')) end--
  const words = doc.text.slice(r.innerStart, r.innerEnd).match(/[\p{L}\p{N}]+/gu)?.length ?? 0
  return words >= 2 ? { start, end } : null
}

const DASHES = new Set(['—', '–', '―', '-', '--'])
const NAME_JOINERS = new Set(['of', 'the', 'and', 'al', 'bin', 'de', 'van', 'von', 'der', 'la'])

/** A trailing '— Name' (up to eight capitalised words) closing the sentence: the dash is the cue. */
function dashAttribution (doc: Doc, tokens: Token[], from: number, to: number): Attribution | null {
  const dash = tokens[from]
  if (!dash || !DASHES.has(dash.text) || to - from < 2 || to - from > 9) return null
  const words = tokens.slice(from + 1, to).filter((t) => !PUNCT_ONLY.test(t.text))
  const nameLike = (t: Token) => /^\p{Lu}/u.test(t.text) || NAME_JOINERS.has(t.text)
  if (!words.length || !/^\p{Lu}/u.test(words[0]?.text ?? '') || !words.every(nameLike)) return null
  const last = words[words.length - 1] as Token
  return { cue: rangeSpan(doc, tokens, { from, to: from + 1 }), source: { start: at(words, 0).start, end: last.end, text: doc.text.slice(at(words, 0).start, last.end) } }
}

// How far after a quote its cue may come: past a source with an appositive ("Smith, a spokesman for
// the union, said"); the source must still start right after the quote.
const CUE_REACH = 26

/** "SOURCE [adverbs] CUE ..." or "CUE SOURCE ..." starting at `from` (after an optional comma), or "— SOURCE". */
function attributionAfter (doc: Doc, tokens: Token[], from: number, to: number): Attribution | null {
  const dashed = dashAttribution(doc, tokens, from, to)
  if (dashed) return dashed
  if (tokens[from]?.text === ',') from++
  for (let c = from; c < Math.min(to, from + CUE_REACH); c++) {
    const cue = cueAt(tokens, c)
    if (!cue) continue
    const before = sourceBefore(tokens, c, from, true)
    if (before && before.from === from) return { cue: rangeSpan(doc, tokens, cue), source: rangeSpan(doc, tokens, before) }
    const after: Range | null = c === from ? sourceAfter(tokens, cue.to, to, true) : null
    if (after) return { cue: rangeSpan(doc, tokens, cue), source: rangeSpan(doc, tokens, after) }
    return null
  }
  return null
}

/** "Betsy Ebeling shook her head.": narration about someone named, who may speak next. */
function namesSubject (tokens: Token[]): boolean {
  const subject = sentenceSubject(tokens, tokens.length)
  return !!subject && !SPEAKER_PRONOUNS.has(at(tokens, subject.from).text.toLowerCase())
}

const RELATIVES = new Set(['who', 'which', 'that', 'whom'])
// a verb's past or third-person form: a bare "comment" or "remark" is as often a noun
const FINITE = /(?:ed|[^s]s|^said|^told|^wrote|^thought|^spoke|^knew|^felt)$/u

const TOPIC_WORDS = new Set(['of', 'about', 'on', 'to'])

/** "says of Clinton," / "said on Monday,": a cue, then a topic or a time of a few words, then the mark at `mark`. */
function cueWithTopic (tokens: Token[], mark: number): Range | null {
  for (let c = mark - 2; c >= Math.max(0, mark - 6); c--) {
    const t = tokens[c]
    if (!t || !/^[\p{L}\p{N}]/u.test(t.text)) return null
    const cue = cueAt(tokens, c)
    if (!cue) continue
    const words = tokens.slice(cue.to, mark)
    const topic = TOPIC_WORDS.has(words[0]?.text ?? '')
    return topic || onlyTrailing(tokens, cue.to, mark) ? cue : null
  }
  return null
}

/** "SOURCE CUE:" or "SOURCE CUE," right before the opening mark; "SOURCE CUE of X," too. */
function attributionBefore (doc: Doc, tokens: Token[], from: number, open: number): Attribution | null {
  const mark = tokens[open - 1]
  if (!mark || (mark.text !== ':' && mark.text !== ',')) return null
  const cue = cueAt(tokens, open - 2) ?? cueAt(tokens, open - 3) ?? cueWithTopic(tokens, open - 1)
  if (!cue) return null
  const source = sourceBefore(tokens, cue.from, from, true) ?? speakerBefore(tokens, cue.from)
  return { cue: rangeSpan(doc, tokens, cue), source: source ? rangeSpan(doc, tokens, source) : null }
}

/**
 * A cue without a source of its own speaks for the sentence's last attribution before it ("Nefzi
 * said, adding, “…”"), or, with none, for the sentence's subject ("He then defended the remark, saying, “…”").
 */
function speakerBefore (tokens: Token[], cueIndex: number): Range | null {
  // "I laughed and said, “…”": the subject of the verb the cue is coordinated with
  const verb = cueIndex - 2
  if (tokens[cueIndex - 1]?.text === 'and' && /^\p{Ll}+$/u.test(tokens[verb]?.text ?? '') && FINITE.test(tokens[verb]?.text ?? '')) {
    const subject = sourceBefore(tokens, verb, 0, true)
    if (subject) return subject
  }
  for (let c = cueIndex - 1; c >= 0; c--) {
    // a cue word used as a noun ("defended the remark", "posted a comment") or in a relative clause
    // ("an architect who said") names no speaker
    const source = cueAt(tokens, c) && FINITE.test(at(tokens, c).text) ? sourceBefore(tokens, c, 0, true) : null
    if (source && !RELATIVES.has(at(tokens, source.from).text.toLowerCase())) return source
  }
  return sentenceSubject(tokens, cueIndex)
}

/**
 * "He said:" closing the paragraph before: the attribution of a quote opening the next one. Only
 * for the first sentence of a paragraph whose previous sentence, in another paragraph, ends so.
 */
function introducedBy (doc: Doc, index: number): Attribution | null {
  const sentence = doc.sentences[index]
  const previous = doc.sentences[index - 1]
  if (!sentence || !previous || previous.paragraph < 0 || previous.paragraph === sentence.paragraph) return null
  const tokens = previous.tokens
  if (tokens[tokens.length - 1]?.text !== ':') return null
  const cue = cueAt(tokens, tokens.length - 2) ?? cueAt(tokens, tokens.length - 3)
  if (!cue || cue.to !== tokens.length - 1) return null
  const source = sourceBefore(tokens, cue.from, 0, true)
  return source ? { cue: rangeSpan(doc, tokens, cue), source: rangeSpan(doc, tokens, source) } : null
}

/**
 * Where the words after a quote's attribution start ('“A,” he said on Monday, [adding] …'): past its
 * source and cue, a time and commas; `tailEnd` when nothing else comes before the next quote.
 */
function afterAttribution (tokens: Token[], attribution: Attribution, tailEnd: number): number {
  const end = Math.max(attribution.cue.end, attribution.source?.end ?? 0)
  let i = 0
  while (i < tailEnd && (tokens[i]?.end ?? Infinity) <= end) i++
  while (i < tailEnd && (tokens[i]?.text === ',' || onlyTrailing(tokens, i, i + 1))) i++
  return i
}

const BUT_AND = new Set(['but', 'and'])
const TITLE_WORDS = 6

/** A short closed quotation in title case ("Today", "State of the Union"): a name, not what someone said. */
function isTitle (doc: Doc, r: QuotedRegion): boolean {
  const words = doc.text.slice(r.innerStart, r.innerEnd).match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? []
  return r.closed && words.length > 0 && words.length <= TITLE_WORDS && /^\p{Lu}/u.test(words[0] ?? '') &&
    words.every((w) => w.length < 4 || /^[\p{Lu}\p{N}]/u.test(w))
}

/**
 * A region opening after a comma on a lower-case word: the rest of a sentence quoted before it,
 * unless the words since `from` attribute it anew ('she wrote, arguing that …, "more …"').
 */
function resumes (doc: Doc, tokens: Token[], from: number, open: number, r: QuotedRegion): boolean {
  // '…," he said, but "when it comes to …"' too
  const joined = tokens[open - 1]?.text === ',' || (BUT_AND.has(tokens[open - 1]?.text ?? '') && tokens[open - 2]?.text === ',')
  if (!joined || !/^\p{Ll}/u.test(doc.text[r.innerStart] ?? '')) return false
  for (let i = from; i < open; i++) if (cueAt(tokens, i) || tokens[i]?.text === 'that') return false
  return true
}

interface Scan { doc: Doc, result: DirectResult, last: RawQuote | null, lastParagraph: number, carry: boolean, gap: boolean }

/** `starts`: token start offset → token index, for the sentence being scanned. */
function record (scan: Scan, q: RawQuote, attribution: Attribution | null, starts: Map<number, number>): void {
  if (attribution) {
    q.cue ??= attribution.cue
    q.source ??= attribution.source
    if (q.source) q.hint = 'source'
    if (starts.has(attribution.cue.start)) scan.result.usedCues.add(attribution.cue.start)
  }
}

function scanSentence (scan: Scan, sentence: Sentence, index: number): void {
  const { doc } = scan
  const tokens = sentence.tokens
  // Indexed lookups: a 1 MB one-sentence paragraph can hold 100k regions and 300k tokens.
  const outer = outerRegions(doc.regions)
  const regions: QuotedRegion[] = []
  for (let i = firstOpenAtOrAfter(outer, sentence.start); i < outer.length; i++) {
    const r = outer[i]
    if (!r || r.open >= sentence.end) break
    regions.push(r)
  }
  const starts = new Map<number, number>()
  tokens.forEach((t, i) => { if (!starts.has(t.start)) starts.set(t.start, i) })
  const indexAt = (offset: number): number => starts.get(offset) ?? -1
  let leadFrom = 0
  let consumed = 0
  // the previous region of this sentence is (part of) a quote: scan.last holds it
  let previousQuoted = false
  regions.forEach((r, k) => {
    const open = indexAt(r.open)
    const close = r.closed ? indexAt(r.end - 1) : tokens.length - 1
    const next = regions[k + 1]
    const tailEnd = next ? indexAt(next.open) : tokens.length
    if (open < 0 || close < 0 || tailEnd < 0) return
    const leadEmpty = open === leadFrom
    // '“A,” Trump told NBC’s “Today” on Monday. “B.”': a title in the attribution is part of it
    if (previousQuoted && !leadEmpty && scan.last && isTitle(doc, r)) {
      // (words after it may attribute a quote of their own: '… on “Morning Joe,” adding, “…”')
      leadFrom = close + 1
      consumed = onlyTrailing(tokens, close + 1, tailEnd) ? tailEnd : close + 1
      return
    }
    const span = innerSpan(doc, r)
    if (!span) return
    const front = attributionBefore(doc, tokens, leadFrom, open) ?? (k === 0 && open === 0 ? introducedBy(doc, index) : null)
    const back = attributionAfter(doc, tokens, close + 1, tailEnd)
    const tailEmpty = tokens.slice(close + 1, tailEnd).every((t) => PUNCT_ONLY.test(t.text))
    const last = scan.last
    // '"A," he said, "B."' / a quoted sentence right after one / a quote carried into this paragraph;
    // '"A," he said, referring to X, "b …"': after more words, a quote going on in lower case too
    const split = k > 0 && (leadEmpty || (previousQuoted && resumes(doc, tokens, leadFrom, open, r)))
    // (a quoted sentence with words after it that attribute nothing is the start of mixed content);
    // a paragraph of quotation alone goes on the quote that closed the paragraph before, as news
    // annotation joins them, but not in a list of quotes signed '— Name'
    const nextParagraph = scan.lastParagraph === sentence.paragraph - 1 && !DASHES.has(last?.cue?.text ?? '')
    const nextSentence = k === 0 && leadEmpty && (scan.lastParagraph === sentence.paragraph || nextParagraph) && !back && tailEmpty
    const carried = k === 0 && leadEmpty && scan.carry
    if (last && (split || nextSentence || carried)) {
      last.spans.push(span)
      record(scan, last, back, starts)
    } else if (front || (leadEmpty && k === 0 && (back || tailEmpty))) {
      // '“A,” Trump said, adding later, “B.”': a second cue without a source of its own speaks for the first
      const parent = k > 0 && front && !front.source ? last : null
      const q: RawQuote = { kind: 'direct', spans: [span], cue: null, source: null, paragraph: sentence.paragraph, sentence: index, hint: parent ? 'clause' : 'previous', parent }
      record(scan, q, front ?? back, starts)
      scan.result.quotes.push(q)
      scan.last = q
    } else {
      scan.last = null
      scan.carry = false
      previousQuoted = false
      return
    }
    previousQuoted = true
    scan.carry = r.continues
    scan.lastParagraph = sentence.paragraph
    consumed = back || tailEmpty ? tailEnd : close + 1
    // a next quote right after the attribution is its second half; after more words, a quote of its own
    leadFrom = back ? afterAttribution(tokens, back, tailEnd) : consumed
  })
  // Words after the quotes and their attribution (or a sentence without any) end a run of continuations,
  // but for one sentence of narration in the same paragraph that attributes nothing ('“A,” Woolson
  // said. They also lie in a dead zone. “B.”'): PolNeAR joins the quote after it too.
  if (scan.carry) return
  const narration = !!scan.last && !regions.length && !scan.gap && sentence.paragraph === scan.lastParagraph &&
    !namesSubject(tokens) && !tokens.some((_, i) => cueAt(tokens, i))
  if (narration) scan.gap = true
  else if (!regions.length || consumed < tokens.length) scan.last = null
  if (regions.length) scan.gap = false
}

export function findDirectQuotes (doc: Doc): DirectResult {
  const scan: Scan = { doc, result: { quotes: [], usedCues: new Set() }, last: null, lastParagraph: -2, carry: false, gap: false }
  doc.sentences.forEach((sentence, index) => {
    if (sentence.paragraph < 0) return
    scanSentence(scan, sentence, index)
  })
  return scan.result
}

