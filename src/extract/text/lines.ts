// Lines of a raw text, trimmed, as offsets into it: what segmentation reads before it knows blocks.
import type { TextSpan } from '../../domain/extraction.js'

export interface Line { start: number, end: number }

const WS = /\s/u

/** Shrinks [start, end) past whitespace (NBSP included: \s covers it). */
export function trimSpan (text: string, start: number, end: number): Line {
  while (start < end && WS.test(text[start] ?? '')) start++
  while (end > start && WS.test(text[end - 1] ?? '')) end--
  return { start, end }
}

/** Every line, trimmed; a blank line is an empty span. */
export function splitLines (text: string): Line[] {
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

export const isBlank = (l: Line | undefined): boolean => l === undefined || l.start === l.end
export const spanOf = (text: string, l: Line): TextSpan => ({ start: l.start, end: l.end, text: text.slice(l.start, l.end) })
/** A line's words alone, lower case: repeats of a title match whatever their punctuation. */
const normalize = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()

/** Whether `s` is the title again; only a string about the title's length can be (normalising every block costs). */
export function repeatsTitle (s: string, title: TextSpan | null): boolean {
  if (!title || s.length > 2 * title.text.length + 16) return false
  return normalize(s) === normalize(title.text)
}
