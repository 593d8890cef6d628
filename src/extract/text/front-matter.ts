// The front matter of an article: its headline (with a kicker above it or a dek after it), bylines,
// timestamps and a dateline on a line of its own, consumed line by line before the body starts.
import type { TextSpan } from '../../domain/extraction.js'
import { at } from '../util/at.js'
import { parseDateline } from './dateline.js'
import { isBlank, repeatsTitle, spanOf, trimSpan, type Line } from './lines.js'

/** A dateline's span with its parts as written (see dateline.ts). */
export interface DatelineSpan extends TextSpan {
  place: string
  agency: string | null
  date: string | null
}

export interface FrontMatter {
  title: TextSpan | null
  dek: TextSpan | null
  byline: TextSpan | null
  dateline: DatelineSpan | null
  /** The index of the first line of the body. */
  bodyStart: number
}

// Bylines: "By Jane Doe and John Roe", "Posted by Jane Doe", "Jane Doe | Reuters", "JANE DOE, Associated Press".
const BY_LINE = /^(?:posted |written |words )?by\s+\p{Lu}[^!?]{0,80}$/iu
const NAME = String.raw`\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){1,3}`
const OUTLETS = String.raw`Reuters|Associated Press|AP|AFP|Agence France-Presse|Bloomberg|Bloomberg News|UPI|CNN|BBC News|dpa|Xinhua|Kyodo`
const ROLES = String.raw`Staff Writer|Staff Reporter|Special Correspondent|Senior Correspondent|Correspondent|Contributor`
const NAME_PIPE_OUTLET = new RegExp(String.raw`^${NAME}\s+\|\s+\p{Lu}[\p{L}&'’. -]{1,40}$`, 'u')
const NAME_COMMA_AGENCY = new RegExp(String.raw`^${NAME},\s+(?:${OUTLETS}|${ROLES})$`, 'iu')
// "By Monday, the deal was done." opens a sentence: a byline holds no sentence's end
const BY_SENTENCE = /\p{Ll}{2,}[.!?]["”’]?$|\.\s+\p{Lu}\p{Ll}/u
const isByline = (s: string): boolean => (BY_LINE.test(s) && !BY_SENTENCE.test(s)) || NAME_PIPE_OUTLET.test(s) || NAME_COMMA_AGENCY.test(s)
// the line under a byline that says who the writer writes for ("Staff Writer", "Special to The Times")
const BYLINE_ROLE = new RegExp(String.raw`^(?:${ROLES}|${OUTLETS}|Special to [\p{L} .'’]{2,40}|The [\p{L} .'’]{2,40} staff)\.?$`, 'iu')
// when, not who: "Updated 3:45 p.m. ET", "Published: March 3, 2026", "Sept. 26, 2016"
const TIMESTAMP = /^(?:(?:updated|published|posted|last updated|first published)\b(?=.*\d)[^!?\n]{0,60}|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2},? \d{4}(?:,? \d{1,2}:\d{2}[^.!?]{0,20})?)$/iu
// a line above the headline that files it under a section, or a release's "For immediate release"
const KICKER = /^(?:for immediate release|press release|news release|exclusive|analysis|opinion|breaking|breaking news|update|live|watch|explainer|fact check|(?:\p{Lu}[\p{L}&]*\s?){1,3})$/iu

const HEADLINE_MAX_CHARS = 250
// a headline ending in a period ("Virginian could make history. Again.") is short; a first
// paragraph that happens to stand alone is longer
const PERIOD_HEADLINE_MAX_WORDS = 30

export const datelineAt = (text: string, start: number, s: string, alone: boolean): DatelineSpan | null => {
  const d = parseDateline(s, alone)
  return d ? { start, end: start + d.end, text: d.text, place: d.place, agency: d.agency, date: d.date } : null
}

/**
 * A line of its own that is a dateline: a place in capitals of one or two words, or with a region,
 * date or agency ("MOSCOW", "KYIV, Dec. 3"). Three or four words in capitals are a headline as often.
 */
function datelineLine (text: string, l: Line): DatelineSpan | null {
  const s = text.slice(l.start, l.end)
  const d = datelineAt(text, l.start, s, true)
  if (!d || d.end !== l.end) return null
  return d.agency !== null || d.date !== null || /,/.test(d.place) || d.place.split(/\s+/).length <= 2 ? d : null
}

/**
 * Whether a line can head the article: short, with letters; one that ends in a period only when a
 * blank line parts it from the body (a text that opens with its first paragraph runs on line by line).
 */
function looksLikeTitle (s: string, blankAfter: boolean): boolean {
  if (s.length > HEADLINE_MAX_CHARS || !/\p{L}/u.test(s) || /[;,]$/.test(s) || isByline(s)) return false
  if (!/[.]$/.test(s)) return true
  return blankAfter && s.split(/\s+/).length <= PERIOD_HEADLINE_MAX_WORDS
}

const nonBlankFrom = (lines: Line[], i: number): number => {
  while (i < lines.length && isBlank(lines[i])) i++
  return i
}

/** The headline, and a dek after it when a ";" ends the headline and the next line follows at once. */
function headlines (text: string, lines: Line[], from: number): { title: TextSpan | null, dek: TextSpan | null, next: number } {
  let i = nonBlankFrom(lines, from)
  const none = { title: null, dek: null, next: i }
  const line = (j: number) => text.slice(lines[j]?.start ?? 0, lines[j]?.end ?? 0)
  if (i >= lines.length || nonBlankFrom(lines, i + 1) >= lines.length) return none
  // a text that opens with its dateline, alone or before its first sentence, has no headline
  if (datelineLine(text, at(lines, i)) || parseDateline(line(i), false)) return none
  // a kicker right above a longer line that stands alone: the headline is that line
  const below = lines[i + 1]
  const belowAlone = isBlank(lines[i + 2]) || isByline(line(i + 2)) || TIMESTAMP.test(line(i + 2))
  if (KICKER.test(line(i)) && below && !isBlank(below) && belowAlone && line(i + 1).length > line(i).length &&
    !isByline(line(i + 1)) && !datelineLine(text, below) && looksLikeTitle(line(i + 1), true)) i++
  else if (/^(?:for immediate release|press release|news release)$/iu.test(line(i))) i = nonBlankFrom(lines, i + 1)
  const first = at(lines, i)
  const s = line(i)
  const next = lines[i + 1]
  if (s.endsWith(';') && next && !isBlank(next) && s.length <= HEADLINE_MAX_CHARS) {
    return { title: spanOf(text, trimSpan(text, first.start, first.end - 1)), dek: spanOf(text, next), next: i + 2 }
  }
  return looksLikeTitle(s, isBlank(next)) ? { title: spanOf(text, first), dek: null, next: i + 1 } : none
}

/** Consumes the title (and its repeats), dek, bylines, timestamps and a dateline line at the top of the text. */
export function frontMatter (text: string, lines: Line[]): FrontMatter {
  const { title, dek, next } = headlines(text, lines, 0)
  let byline: TextSpan | null = null
  let dateline: DatelineSpan | null = null
  let i = next
  for (; i < lines.length; i++) {
    const line = at(lines, i)
    const s = text.slice(line.start, line.end)
    if (!s) continue
    if (repeatsTitle(s, title)) continue
    const alone: DatelineSpan | null = dateline ? null : datelineLine(text, line)
    if (alone) { dateline = alone; continue }
    if (isByline(s)) { byline ??= spanOf(text, line); continue }
    if (byline && BYLINE_ROLE.test(s)) continue
    if (TIMESTAMP.test(s)) continue
    break
  }
  return { title, dek, byline, dateline, bodyStart: i }
}

