// Pairs quotation marks into quoted regions, per paragraph. Handles curly and straight double and
// single quotes, low-9 and guillemets, single quotes nested in double ones, apostrophes that are
// not quotes ("don’t", "Russia’s"), and the news convention for multi-paragraph quotes: no closing
// mark at the end of a paragraph when the next paragraph reopens the quote.
import type { Paragraph } from '../../domain/extraction.js'
import { at } from '../util/at.js'

export interface QuotedRegion {
  paragraph: number
  /** Offset of the opening mark. */
  open: number
  /** Offset just past the closing mark, or the paragraph end when unclosed. */
  end: number
  /** The quoted words, marks excluded. */
  innerStart: number
  innerEnd: number
  closed: boolean
  /** Unclosed, and the next paragraph opens with a quotation mark: the quote goes on there. */
  continues: boolean
  depth: number
}

type Family = 'double' | 'single' | 'guillemet' | 'angle'
interface Open { family: Family, at: number, char: string, width: number }

const OPENERS: Record<string, Family> = { '“': 'double', '„': 'double', '‟': 'double', '«': 'guillemet', '‹': 'angle', '‘': 'single', '‚': 'single' }
const CLOSERS: Record<string, Family> = { '”': 'double', '»': 'guillemet', '›': 'angle' }
const LETTER = /[\p{L}\p{N}]/u
const OPEN_CONTEXT = /[\s([{\u2014\u2013\-/:“‘«]/u

function straightRole (text: string, i: number, start: number): 'open' | 'close' {
  const before = i > start ? text[i - 1] ?? '' : ''
  return before === '' || OPEN_CONTEXT.test(before) ? 'open' : 'close'
}

interface Mark { role: 'open' | 'close', family: Family }

/** Two apostrophes are one double mark, as archives typed them (''This isn't reform,'' he said). */
const twinAt = (text: string, i: number): boolean => text[i] === "'" && text[i + 1] === "'"

/** What a mark at i does: open or close a family, or nothing (an apostrophe). */
function classify (text: string, i: number, start: number, stack: OpenStack): Mark | null {
  const c = text[i] ?? ''
  if (twinAt(text, i)) return { role: straightRole(text, i, start), family: 'double' }
  // German style „…“: after a low-9 opening mark, “ closes.
  if (c === '“' && stack.marks.at(-1)?.char === '„') return { role: 'close', family: 'double' }
  // A closing mark opening a paragraph before a word ("”Fear. I am ...") is a mistyped opener.
  if (c === '”' && i === start && LETTER.test(text[i + 1] ?? '')) return { role: 'open', family: 'double' }
  const opener = OPENERS[c]
  if (opener) return { role: 'open', family: opener }
  const closer = CLOSERS[c]
  if (closer) return { role: 'close', family: closer }
  if (c === '"') {
    // '… outreach,\' " he told': a spaced mark with nothing quotable after it closes the pending quote
    const spacedCloser = stack.byFamily.double.length > 0 && /^\s?$/u.test(text[i + 1] ?? '') && /\s/u.test(text[i - 1] ?? '')
    return { role: spacedCloser ? 'close' : straightRole(text, i, start), family: 'double' }
  }
  if (c === '’' || c === "'") {
    const before = text[i - 1] ?? ''
    const after = text[i + 1] ?? ''
    if (LETTER.test(before) && LETTER.test(after)) return null // don’t, al-Sha’ar
    const pending = stack.byFamily.single.length > 0
    if (pending && !LETTER.test(after)) return { role: 'close', family: 'single' }
    if (c === "'" && (i === start || /\s|["“]/u.test(before)) && LETTER.test(after)) return { role: 'open', family: 'single' }
  }
  return null
}

/**
 * The open marks, plus each family's positions in it: finding a family's innermost open mark by
 * scanning the whole stack went quadratic on paragraphs with thousands of unclosed marks.
 */
interface OpenStack { marks: Open[], byFamily: Record<Family, number[]> }

const MARK_CODES = new Set([...'"\'“”„‟«»‹›‘’‚'].map((c) => c.charCodeAt(0)))

/** The offset of the next character that may be a quotation mark in [from, end), or `end`. */
function nextMarkChar (text: string, from: number, end: number): number {
  for (let i = from; i < end; i++) if (MARK_CODES.has(text.charCodeAt(i))) return i
  return end
}

function scanParagraph (text: string, p: Paragraph, regions: QuotedRegion[]): Open[] {
  const stack: OpenStack = { marks: [], byFamily: { double: [], single: [], guillemet: [], angle: [] } }
  // jump from one quotation-mark character to the next: classifying every character was a twentieth of a parse
  for (let i = nextMarkChar(text, p.start, p.end); i < p.end; i = nextMarkChar(text, i + 1, p.end)) {
    const mark = classify(text, i, p.start, stack)
    if (!mark) continue
    const markAt = i
    const width = twinAt(text, i) ? 2 : 1
    i += width - 1
    if (mark.role === 'open') {
      stack.byFamily[mark.family].push(stack.marks.length)
      stack.marks.push({ family: mark.family, at: markAt, char: text[markAt] ?? '', width })
      continue
    }
    const k = stack.byFamily[mark.family].at(-1)
    if (k === undefined) continue // a stray closing mark
    const open = at(stack.marks, k)
    stack.marks.length = k
    for (const positions of Object.values(stack.byFamily)) while ((positions.at(-1) ?? -1) >= k) positions.pop()
    regions.push({ paragraph: p.index, open: open.at, end: i + 1, innerStart: open.at + open.width, innerEnd: markAt, closed: true, continues: false, depth: k })
  }
  return stack.marks
}

const opensWithQuote = (text: string, p: Paragraph | undefined): boolean =>
  !!p && /^(?:["“„«‘]|'')/u.test(text.slice(p.start, p.start + 2))

/**
 * A document that quotes with curly marks and never closes a straight pair has no straight
 * quotations: an unclosed straight mark there is debris (a paragraph pasted with a stray '"'),
 * not the opening of a quote running to the paragraph's end.
 */
function straightMarksAreStray (text: string, closed: QuotedRegion[]): boolean {
  let curly = 0
  for (const r of closed) {
    if (text[r.open] === '"') return false
    if (text[r.open] === '“') curly++
  }
  return curly > 0
}

export function findQuotedRegions (text: string, paragraphs: Paragraph[]): QuotedRegion[] {
  const regions: QuotedRegion[] = []
  const unclosedByParagraph = paragraphs.map((p) => scanParagraph(text, p, regions))
  const strayStraight = straightMarksAreStray(text, regions)
  paragraphs.forEach((p, n) => {
    // Only the outermost unclosed double quote can carry on; inner strays are dropped.
    const outer = unclosedByParagraph[n]?.[0]
    if (outer && outer.family !== 'single' && !(strayStraight && outer.char === '"')) {
      regions.push({
        paragraph: p.index, open: outer.at, end: p.end, innerStart: outer.at + outer.width, innerEnd: p.end,
        closed: false, continues: opensWithQuote(text, paragraphs[n + 1]), depth: 0,
      })
    }
  })
  return regions.sort((a, b) => a.open - b.open || a.depth - b.depth)
}

// Depth-0 regions never overlap (one closes only when the mark stack empties), so sorted by their
// opening mark they can be binary-searched: lookups stay O(log n) on articles with thousands of
// quotation marks, where a linear scan per token went quadratic.
const outerIndex = new WeakMap<QuotedRegion[], QuotedRegion[]>()

/** The depth-0 regions, sorted by opening mark (cached per regions array). */
export function outerRegions (regions: QuotedRegion[]): QuotedRegion[] {
  let outer = outerIndex.get(regions)
  if (!outer) {
    outer = regions.filter((r) => r.depth === 0).sort((a, b) => a.open - b.open)
    outerIndex.set(regions, outer)
  }
  return outer
}

/** Index of the first region in `outer` whose opening mark is at or after `offset`. */
export function firstOpenAtOrAfter (outer: QuotedRegion[], offset: number): number {
  let lo = 0
  let hi = outer.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((outer[mid]?.open ?? Infinity) < offset) lo = mid + 1
    else hi = mid
  }
  return lo
}
