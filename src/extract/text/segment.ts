// Stage 1: split raw article text into its front matter (title, dek, byline, dateline), body
// paragraphs/headings and trailing boilerplate. Scraped articles often repeat their title (page
// title, og:title, h1) and put the dateline on its own line, so the front matter is consumed line by
// line (front-matter.ts) before the body is cut into blocks; the trailer is read back from the
// body's end (trailer.ts).
import type { Paragraph, TextSpan } from '../../domain/extraction.js'
import { datelineAt, frontMatter, type DatelineSpan } from './front-matter.js'
import { repeatsTitle, spanOf, splitLines, trimSpan, type Line } from './lines.js'
import { trailerStart } from './trailer.js'

export type { DatelineSpan } from './front-matter.js'
export { trimSpan } from './lines.js'

export interface Segmented {
  title: TextSpan | null
  /** The second headline line, when the first ends with ";" that joins them. */
  dek: TextSpan | null
  byline: TextSpan | null
  dateline: DatelineSpan | null
  paragraphs: Paragraph[]
  /** Production matter after the story, in text order: not among the paragraphs. */
  trailer: TextSpan[]
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

export function segment (text: string): Segmented {
  const lines = splitLines(text)
  const front = frontMatter(text, lines)
  let dateline = front.dateline
  const blocks = bodyBlocks(text, lines.slice(front.bodyStart)).filter((b) => !repeatsTitle(text.slice(b.start, b.end), front.title))
  const trailerAt = trailerStart(text, blocks)
  const paragraphs: Paragraph[] = []
  for (let block of blocks.slice(0, trailerAt)) {
    const inline = paragraphs.length === 0 && !dateline ? datelineAt(text, block.start, text.slice(block.start, block.end), false) : null
    if (inline) {
      dateline = inline
      // the paragraph starts after the dateline's dash
      block = trimSpan(text, inline.end, block.end)
      if (block.start === block.end) continue
    }
    const s = text.slice(block.start, block.end)
    paragraphs.push({ start: block.start, end: block.end, text: s, index: paragraphs.length, kind: isHeading(s) ? 'heading' : 'paragraph' })
  }
  const trailer = blocks.slice(trailerAt).map((b) => spanOf(text, b))
  return { title: front.title, dek: front.dek, byline: front.byline, dateline, paragraphs, trailer }
}
