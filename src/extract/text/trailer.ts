// Trailing boilerplate: the production matter after a story (credits, corrections, editor's notes,
// follow-us lines, show promotions, author bios, related links, a release's contacts). It stays in
// the text, so offsets never move, but out of the paragraphs, so that no quote or lede is read from it.
import { at } from '../util/at.js'
import type { Line } from './lines.js'

// Lines that are production matter wherever they stand among the last blocks.
const TRAILER_LINES: RegExp[] = [
  /^\(?\s*(?:additional\s+)?(?:reporting|writing|editing|compiled|research)(?:\s+by)?\b.*\bby\b/iu,
  /^\(?\s*(?:reporting|writing|editing) by\b/iu,
  /^[-—–]*\s*additional reporting\b/iu,
  /\bcontributed (?:reporting|research|to this (?:report|article|story))\b.{0,80}$/iu,
  /^\p{Lu}[\p{L}.'’ -]{1,60} reported from \p{Lu}/u,
  /^contributing:/iu,
  /^["“]?follow\b.{1,80}\bon (?:twitter|facebook|instagram|x|threads|bluesky)\b/iu,
  /^editor['’]s note\b/iu,
  /^(?:correction|clarification|update|updated|editor['’]s note|note)s?\s*(?:\(|:|—|–|-)/iu,
  /^this (?:post|article|story|report|piece|version) (?:has been|was|is) (?:updated|revised|corrected|amended|clarified)\b/iu,
  /^an earlier version of this (?:post|article|story|report)\b/iu,
  /^read (?:the rest|more|the full (?:story|article))\b.{0,60}$/iu,
  /^(?:©|\(c\)|copyright\b)/iu,
  /\ball rights reserved\.?$/iu,
  /\bairs on (?:siriusxm|sirius xm)\b/iu,
  /^(?:related|trending|recommended|more from|see also)(?: stories| articles| links| coverage)?:?$/iu,
  /^(?:sign up|subscribe)\b.{0,120}(?:newsletter|here)\b/iu,
  /^(?:the associated press|reuters|afp|bloomberg) contributed\b/iu,
  /^(?:#{3}|-30-|- ?end ?-|ends)$/iu,
  /^(?:media |press )?contacts?:/iu,
  /^(?:filed under|tags|tagged|share this|share on|categories):/iu,
  /^(?:this (?:story|article) (?:is|was) (?:produced|published|reprinted|republished)|this content was)\b/iu
]

// A heading after which everything is production matter: a release's "About Acme Corp", "Related
// stories", "Trending Stories".
const TRAILER_HEADING = /^(?:about (?:the )?\p{Lu}[\p{L}&.,' -]{1,60}|(?:related|trending|recommended|more) (?:stories|articles|links|coverage|reading)|read more|see also|more from [\p{L} ]{2,40}):?$/iu

/** Whether a block is production matter by its words alone. */
export function isTrailerLine (s: string): boolean {
  return TRAILER_LINES.some((re) => re.test(s))
}

// A one-paragraph author bio: "Rudy Giuliani is the former mayor of New York City.", "Michael Haltzel,
// former adviser to …, is Senior Fellow at …": a name, perhaps an apposition, then what they are.
const BIO = /^((?:\p{Lu}[\p{L}.'’-]*\s+){1,3}\p{Lu}[\p{L}'’-]+)(?:,.{3,200}?,)?\s+(?:is|was|has been|serves as)\s+(?:an?\s+|the\s+)?\S/u

// What bios say someone is: a story's last paragraph seldom says so of someone it already named.
const BIO_ROLE = /\b(?:author|columnist|contributor|contributing|professor|fellow|director|editor|writer|playwright|correspondent|analyst|founder|co-founder|chair|chairman|chairwoman|president|former|senior|retired|host|lecturer|researcher|scholar|journalist|novelist|attorney|lawyer|member)\b/iu

/**
 * Whether the last block is an author's bio: a short paragraph in the bio's form about someone the
 * story never named in full, and either never named at all or given a role a bio gives ("is the
 * author of …", "is a senior fellow at …"). A story's own last paragraph ("Smith is the mayor of
 * X.") is about someone it named before.
 */
export function isAuthorBio (s: string, storyBefore: string): boolean {
  if (s.length > 400) return false
  const m = BIO.exec(s)
  if (!m) return false
  const name = (m[1] ?? '').trim().replace(/\s+/g, ' ')
  const surname = name.split(' ').at(-1) ?? ''
  if (surname.length < 2 || storyBefore.includes(name)) return false
  return !storyBefore.includes(surname) || BIO_ROLE.test(s)
}

// How far back from the end boilerplate is looked for: a story's last blocks, not its middle.
const TRAILER_REACH = 12
// Production matter comes in short blocks (a correction with its text runs to a few hundred
// characters); a longer block is the story's, and its patterns are not worth scanning for.
const TRAILER_MAX_CHARS = 800

/**
 * Where the trailer starts among the body's blocks: the run of production matter that ends the
 * text, or a heading of links or an "About …" after which all is. The story keeps its first block.
 */
export function trailerStart (text: string, blocks: Line[]): number {
  const slice = (i: number) => text.slice(at(blocks, i).start, at(blocks, i).end)
  const floor = Math.max(1, blocks.length - TRAILER_REACH)
  let start = blocks.length
  const short = (i: number) => at(blocks, i).end - at(blocks, i).start <= TRAILER_MAX_CHARS
  for (let i = floor; i < blocks.length; i++) if (short(i) && TRAILER_HEADING.test(slice(i))) { start = i; break }
  for (let i = start - 1; i >= floor; i--) {
    const s = slice(i)
    if (!short(i)) break
    if (isTrailerLine(s) || (i === start - 1 && isAuthorBio(s, text.slice(0, at(blocks, i).start)))) start = i
    else break
  }
  return start
}
