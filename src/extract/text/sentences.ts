// Stage 2b: sentences. A sentence ends at . ! ? … when the next token starts a new sentence (upper
// case, digit or an opening quotation mark). Boundaries inside quoted regions are ignored, so a
// multi-sentence direct quote and its attribution ('"A. B," he said.') stay one sentence, which
// is the unit the quote stage reads.
import { ABBREVIATIONS, CUE_VERBS, FUNCTION_WORDS } from '../knowledge/lexicon.js'
import { firstOpenAtOrAfter, outerRegions, type QuotedRegion } from './quote-marks.js'
import { onlyTrailing } from './trailing-words.js'
import { tokenize } from './tokenizer.js'
import type { Paragraph, Sentence, Token } from '../../domain/extraction.js'
import { at } from '../util/at.js'

const TERMINAL = /^[.!?…]$/u
const CLOSING = /^["”’»)\]]$/u
const STARTS = /^[\p{Lu}\p{N}"“‘«(]/u

/** A dotted abbreviation ends a sentence only before a word that usually starts one ("U.S. The"). */
function endsSentence (token: Token, next: Token | undefined): boolean {
  if (!next || !STARTS.test(next.text)) return false
  if (TERMINAL.test(token.text)) return true
  if (!token.text.endsWith('.') || token.text.length < 2) return false
  const bare = token.text.slice(0, -1).toLowerCase()
  if (ABBREVIATIONS.has(bare) || /^\p{Lu}$/u.test(bare)) return false
  return /\./.test(bare) && FUNCTION_WORDS.has(next.text.toLowerCase())
}

/** A closing bracket or curly mark, or a straight quote that closes a region (not one opening the next quote). */
function closes (closedEnds: Set<number>, token: Token): boolean {
  if (!CLOSING.test(token.text)) return false
  return token.text !== '"' || closedEnds.has(token.end)
}

/** Strictly inside a depth-0 region's marks (`outer`: sorted and disjoint, see outerRegions). */
function insideRegion (outer: QuotedRegion[], offset: number): boolean {
  const r = outer[firstOpenAtOrAfter(outer, offset) - 1]
  return !!r && offset > r.open && offset < r.end - (r.closed ? 1 : 0)
}

const ATTRIBUTION_REACH = 6

/**
 * Whether the tokens from i attribute the quote just closed: '…?” Clinton said.', '…!” said the
 * senator.' A question or exclamation closing a quote does not end the sentence its cue is in.
 */
function attributionFollows (tokens: Token[], i: number): boolean {
  for (let k = i; k < Math.min(tokens.length, i + ATTRIBUTION_REACH); k++) {
    const t = at(tokens, k)
    if (CUE_VERBS.has(t.text)) return k === i ? attributionEnds(tokens, k + 1, false) : /^\p{Lu}/u.test(at(tokens, i).text) && attributionEnds(tokens, k + 1, true)
    if (!/^[\p{L}.]/u.test(t.text)) return false
  }
  return false
}

/**
 * An attribution's tail, then a stop or a comma: after "said", a few words ("said the senator on
 * Monday."); after "Clinton said", only a time or setting ("Clinton said Tuesday."), since other
 * words are what was said ("She says it is over.").
 */
function attributionEnds (tokens: Token[], i: number, sourced: boolean): boolean {
  for (let k = i; k < Math.min(tokens.length, i + ATTRIBUTION_REACH); k++) {
    const t = at(tokens, k).text
    if (/^[.,;!?]$/u.test(t)) return !sourced || onlyTrailing(tokens, i, k)
    if (!/^[\p{L}\p{N}]/u.test(t)) return false
  }
  return i >= tokens.length
}

export function splitSentences (text: string, paragraph: Paragraph, regions: QuotedRegion[]): Sentence[] {
  const tokens = tokenize(text, paragraph.start, paragraph.end)
  const own = regions.filter((r) => r.paragraph === paragraph.index)
  const outer = outerRegions(own)
  const closedEnds = new Set(own.filter((r) => r.closed).map((r) => r.end))
  const sentences: Sentence[] = []
  let current: Token[] = []
  const flush = (): void => {
    const first = current[0]
    const last = current[current.length - 1]
    if (first && last) sentences.push({ start: first.start, end: last.end, paragraph: paragraph.index, tokens: current })
    current = []
  }
  for (let i = 0; i < tokens.length; i++) {
    const token = at(tokens, i)
    current.push(token)
    // Let closing marks and brackets that follow the terminal join this sentence.
    let j = i + 1
    while (j < tokens.length && TERMINAL.test(token.text) && closes(closedEnds, at(tokens, j))) current.push(at(tokens, j++))
    const last = at(tokens, j - 1)
    const quoteClosed = j > i + 1
    if (endsSentence(token, tokens[j]) && !insideRegion(outer, last.start) && !(quoteClosed && attributionFollows(tokens, j))) flush()
    i = j - 1
  }
  flush()
  return sentences
}
