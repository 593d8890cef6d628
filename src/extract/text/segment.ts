// Stage 1: split raw article text into title, dateline and body paragraphs/headings.
// Scraped articles often repeat their title (page title, og:title, h1) and put the dateline on its
// own line, so the front matter is consumed line by line before the body is cut into blocks.
import type { Paragraph, TextSpan } from '../../domain/extraction.js'
import { at } from '../util/at.js'

export interface Segmented {
  title: TextSpan | null
  dateline: TextSpan | null
  paragraphs: Paragraph[]
}

interface Line { start: number, end: number }

const WS = /\s/u

/** Shrinks [start, end) past whitespace (NBSP included: \s covers it). */
export function trimSpan (text: string, start: number, end: number): Line {
  while (start < end && WS.test(text[start] ?? '')) start++
  while (end > start && WS.test(text[end - 1] ?? '')) end--
  return { start, end }
}

function splitLines (text: string): Line[] {
  const lines: Line[] = []
  const re = /\r\n|\r|\n/g
  let start = 0
  for (let m = re.exec(text); m; m = re.exec(text)) {
    lines.push(trimSpan(text, start, m.index))
    start = m.index + m[0].length
  }
  lines.push(trimSpan(text, start, text.length))
  return lines
}

const span = (text: string, l: Line): TextSpan => ({ start: l.start, end: l.end, text: text.slice(l.start, l.end) })
const normalize = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()

// A dateline line: an upper-case place ("MOSCOW", "NEW YORK (Reuters) -", "KYIV, Dec 3 —").
const DATELINE_LINE = /^(\p{Lu}[\p{Lu}\p{M}.'’]*(?:[ -]\p{Lu}[\p{Lu}\p{M}.'’]*){0,3})(?:,[^,\n—–-]{1,30})?(?:\s*\([^)\n]{1,30}\))?\s*[-—–:]*$/u
// The same dateline opening the first paragraph ("MOSCOW — Russia is ...").
const DATELINE_INLINE = /^(\p{Lu}[\p{Lu}\p{M}.'’]*(?:[ -]\p{Lu}[\p{Lu}\p{M}.'’]*){0,3})(?:,[^,—–\n]{1,30})?(?:\s*\([^)\n]{1,30}\))?\s+[-—–]+\s+/u
const BYLINE = /^by\s+\p{Lu}[^.!?]{0,60}$/iu

function looksLikeTitle (text: string, l: Line): boolean {
  const s = text.slice(l.start, l.end)
  return s.length <= 250 && !/[.;,]$/.test(s) && /\p{L}/u.test(s)
}

/** A short line without sentence-final punctuation is a heading ("US to withdraw ...: reports"). */
function isHeading (s: string): boolean {
  if (s.length > 120 || !/^[\p{Lu}\p{N}]/u.test(s)) return false
  if (/[.!?…"”’»)\]]$/u.test(s)) return false
  return s.split(/\s+/).length <= 14
}

/**
 * Hard-wrapped text: a long line that does not end a sentence, or a next line starting in lower
 * case, runs on. A short unpunctuated line (a heading) does not, nor does a line before a quote.
 */
function runsOn (text: string, prev: Line, next: Line): boolean {
  const before = text.slice(prev.start, prev.end)
  const after = text.slice(next.start, next.end)
  // The block's last line: after its last line break of any style (CR-only text has no \n).
  const lastLine = before.slice(Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1)
  // A line opening with a quotation mark starts a paragraph (a list of quotes, one a line).
  if (/^["“”«]/u.test(after)) return false
  return /^\p{Ll}/u.test(after) || (lastLine.length >= 50 && !/[.!?:"”’»]$/u.test(before))
}

/** Cuts the body lines into paragraphs: blank lines separate; single newlines too, unless wrapped. */
function bodyBlocks (text: string, lines: Line[]): Line[] {
  const blocks: Line[] = []
  let current: Line | null = null
  for (const line of lines) {
    if (line.start === line.end) { if (current) blocks.push(current); current = null; continue }
    if (current && runsOn(text, current, line)) current = { start: current.start, end: line.end }
    else { if (current) blocks.push(current); current = { ...line } }
  }
  if (current) blocks.push(current)
  return blocks
}

interface FrontMatter { title: TextSpan | null, dateline: TextSpan | null, bodyStart: number }

/** Consumes the title (and its repeats), datelines and bylines at the top of the text. */
function frontMatter (text: string, lines: Line[]): FrontMatter {
  let i = 0
  while (i < lines.length && at(lines, i).start === at(lines, i).end) i++
  const first = lines[i]
  const rest = lines.slice(i + 1).some((l) => l.end > l.start)
  let title: TextSpan | null = null
  let dateline: TextSpan | null = null
  if (first && rest && looksLikeTitle(text, first) && !DATELINE_LINE.test(text.slice(first.start, first.end))) {
    title = span(text, first)
    i++
  }
  for (; i < lines.length; i++) {
    const line = at(lines, i)
    const s = text.slice(line.start, line.end)
    if (!s) continue
    if (title && normalize(s) === normalize(title.text)) continue
    const m = DATELINE_LINE.exec(s)
    if (m && !dateline) { dateline = { start: line.start, end: line.start + at(m, 1).length, text: at(m, 1) }; continue }
    if (BYLINE.test(s) && !/[.!?]$/.test(s)) continue
    break
  }
  return { title, dateline, bodyStart: i }
}

export function segment (text: string): Segmented {
  const lines = splitLines(text)
  const front = frontMatter(text, lines)
  let dateline = front.dateline
  const paragraphs: Paragraph[] = []
  for (let block of bodyBlocks(text, lines.slice(front.bodyStart))) {
    let s = text.slice(block.start, block.end)
    if (front.title && normalize(s) === normalize(front.title.text)) continue
    const inline = paragraphs.length === 0 && !dateline ? DATELINE_INLINE.exec(s) : null
    if (inline) {
      dateline = { start: block.start, end: block.start + at(inline, 1).length, text: at(inline, 1) }
      block = trimSpan(text, block.start + inline[0].length, block.end)
      s = text.slice(block.start, block.end)
      if (!s) continue
    }
    const kind = isHeading(s) ? 'heading' : 'paragraph'
    paragraphs.push({ start: block.start, end: block.end, text: s, index: paragraphs.length, kind })
  }
  return { title: front.title, dateline, paragraphs }
}
