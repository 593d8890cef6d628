// Stage 2a: tokens with spans. Words keep inner hyphens and apostrophes ("al-Sharaa", "don't"),
// dotted abbreviations stay whole ("U.S.", so "U.S.-led" yields "U.S."), numbers keep their
// separators ("10,000"), possessive "'s" is split off ("Russia" + "'s"), and any other
// non-space character is a token of its own.
import { ABBREVIATIONS } from '../knowledge/lexicon.js'
import type { Token } from '../../domain/extraction.js'

// A party and state after a lawmaker's name ("R-S.C.", "D-Mo.") is one token: its periods end no sentence.
const TOKEN = /[DRI]-(?:\p{Lu}\.){2,}|[DRI]-\p{Lu}\p{Ll}{1,4}\.(?=[),])|(?:\p{L}\.){2,}|\p{N}+(?:[.,:]\p{N}+)+|[\p{L}\p{N}\p{M}]+(?:[-‐‑'’][\p{L}\p{N}\p{M}]+)*|\S/gu
const POSSESSIVE = /['’]s$/iu

const NAME_BEFORE = /\p{Lu}\p{Ll}+ $/u
const NAME_AFTER = /^\. \p{Lu}\p{Ll}/u
// No word before the letter: the paragraph's start, a bracket, comma or number ("( P. Simmons 4-38",
// "56 S. Waugh"). A letter after a word ends sentences ("plan B. Then", "vitamin C. It").
const NO_WORD_BEFORE = /(?:^|[^\p{L}\s.!?…]) *$/u

/** A lone capital before ". Surname": after a first name ("Ronald R. Fieldstone") or where no word precedes it. */
function initial (slice: string, index: number, word: string): boolean {
  if (word.length !== 1 || !/\p{Lu}/u.test(word) || !NAME_AFTER.test(slice.slice(index + 1, index + 5))) return false
  const before = slice.slice(Math.max(0, index - 24), index)
  return NAME_BEFORE.test(before) || NO_WORD_BEFORE.test(before)
}

export function tokenize (text: string, start = 0, end = text.length): Token[] {
  const tokens: Token[] = []
  const slice = text.slice(start, end)
  TOKEN.lastIndex = 0
  for (let m = TOKEN.exec(slice); m; m = TOKEN.exec(slice)) {
    let s = start + m.index
    let word = m[0]
    // Title abbreviations keep their period: "Mr." "Gen." (not a sentence end); so does an initial
    // before a surname ("Ronald R. Fieldstone", "( P. Simmons").
    if ((ABBREVIATIONS.has(word.toLowerCase()) || initial(slice, m.index, word)) && slice[m.index + word.length] === '.') {
      word += '.'
      TOKEN.lastIndex++
    }
    if (word.length > 2 && POSSESSIVE.test(word)) {
      tokens.push({ start: s, end: s + word.length - 2, text: word.slice(0, -2) })
      s += word.length - 2
      word = word.slice(-2)
    }
    tokens.push({ start: s, end: s + word.length, text: word })
  }
  return tokens
}

/** A lawmaker's party and state ("R-S.C.", "D-Mo."): an affiliation, never a name. */
export const isPartyState = (word: string): boolean => /^[DRI]-\p{Lu}(?:\.\p{Lu})*(?:\p{Ll}{1,4})?\.$/u.test(word)

/** Starts with an upper-case letter ("Lavrov", "U.S.", "Al-Tanf"). */
export const isCapitalized = (word: string): boolean => /^\p{Lu}/u.test(word)

/** Entirely upper-case letters, two or more ("CBS", "ISIL", "U.S."). */
export const isAcronym = (word: string): boolean => /^(?:\p{Lu}\.?){2,}$/u.test(word) && /\p{Lu}.*\p{Lu}/u.test(word)

export const isWord = (word: string): boolean => /^[\p{L}\p{N}]/u.test(word)
