// A quote's canonical words: what two copies of the same words share whatever their quotation
// marks, dashes, case, accents, punctuation and spacing. Each word keeps its span in the original
// text, so the words a variant changes can be shown in the quote as it was printed.
import type { Span } from '../../domain/extraction.js'

export interface QuoteWord extends Span {
  /** Folded: NFKC, lower case, no accents, letters and digits only. */
  text: string
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u
// An apostrophe between two letters joins them ("don’t" → "dont"): copies differ in its shape
// (’ ' ʼ ′) and wire copies sometimes drop it, so it is folded away rather than kept.
const APOSTROPHE = /['\u2018\u2019\u02bc\u2032\uff07]/u
const ACCENT = /\p{Mn}/gu
// U+02BC is a letter to Unicode but an apostrophe to a typesetter
const LETTER_APOSTROPHE = /\u02bc/gu

/** Lower case, accents off, compatibility forms folded; applying it twice changes nothing. */
export function foldWord (raw: string): string {
  return raw.normalize('NFKC').toLowerCase().normalize('NFD').replace(ACCENT, '').replace(LETTER_APOSTROPHE, '').normalize('NFKC')
}

interface Draft { chars: string, start: number, end: number }

// ASCII, and the punctuation news text adds to it: curly quotes, dashes, an ellipsis, a no-break space
// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00a0]*$/

/** The quote's words in order; punctuation, quotation marks (two apostrophes included) and dashes separate them. */
export function normaliseQuote (text: string): QuoteWord[] {
  return ASCII.test(text) ? asciiWords(text) : unicodeWords(text)
}

const isAsciiWordChar = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)

/**
 * normaliseQuote for ASCII text with news punctuation, the common case, without per-character
 * Unicode work: the same words (NFKC and accents are no-ops there, the punctuation separates or,
 * for a curly apostrophe, joins; folding is lower case), as a property test checks.
 */
export function asciiWords (text: string): QuoteWord[] {
  const words: QuoteWord[] = []
  let start = -1
  let end = 0
  let chars = ''
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (isAsciiWordChar(c)) {
      if (start < 0) { start = i; chars = '' }
      chars += String.fromCharCode(c >= 65 && c <= 90 ? c + 32 : c)
      end = i + 1
    } else if (!((c === 39 || c === 0x2018 || c === 0x2019) && start >= 0 && isAsciiWordChar(text.charCodeAt(i + 1)))) {
      if (start >= 0) words.push({ text: chars, start, end })
      start = -1
    }
  }
  if (start >= 0) words.push({ text: chars, start, end })
  return words
}

/** normaliseQuote for any text. */
export function unicodeWords (text: string): QuoteWord[] {
  const drafts: Draft[] = []
  let open = false
  for (let at = 0; at < text.length;) {
    const char = String.fromCodePoint(text.codePointAt(at) ?? 0)
    const end = at + char.length
    // NFKC per character first, so a full-width letter or a ligature is a word character
    for (const part of char.normalize('NFKC')) {
      const draft = drafts.at(-1)
      if (WORD_CHAR.test(part)) {
        if (open && draft) { draft.chars += part; draft.end = end } else drafts.push({ chars: part, start: at, end })
        open = true
      } else if (!(open && APOSTROPHE.test(part) && WORD_CHAR.test(text[end] ?? ''))) open = false
    }
    at = end
  }
  const words = drafts.map((d) => ({ text: foldWord(d.chars), start: d.start, end: d.end })).filter((w) => w.text !== '')
  return splitFolded(words)
}

// Folding may itself yield a separator (NFKC of "½" is "1⁄2"): split again so the words are
// letters and digits only, each piece keeping the span of the word it came from.
function splitFolded (words: QuoteWord[]): QuoteWord[] {
  return words.flatMap((w) => {
    const pieces = w.text.split(/[^\p{L}\p{N}\p{M}]+/u).map(foldWord).filter((p) => p !== '')
    return pieces.length === 1 && pieces[0] === w.text ? [w] : pieces.map((p) => ({ ...w, text: p }))
  })
}

/** The canonical form as one string: equal for two copies of the same words. */
export function canonicalText (words: readonly QuoteWord[]): string {
  return words.map((w) => w.text).join(' ')
}

// Double quotation marks of every shape, and the two apostrophes of newspaper archives.
const DOUBLE_MARK = /["\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\u301d\u301e\uff02]|''/gu

/** The spans between pairs of double quotation marks, in order; an unpaired last mark runs to the end. */
function quotedRegions (text: string): Span[] {
  const marks = [...text.matchAll(DOUBLE_MARK)].map((m) => ({ start: m.index, end: m.index + m[0].length }))
  const regions: Span[] = []
  for (let i = 0; i < marks.length; i += 2) regions.push({ start: marks[i]?.end ?? 0, end: marks[i + 1]?.start ?? text.length })
  return regions
}

/**
 * The words a statement is matched by. A mixed quote (reported words around a quoted fragment:
 * she would "rebuild every school" by spring) is matched by its quoted words alone, which are the
 * speaker's; the rest is the reporter's paraphrase, different in every copy. Any other quote by all
 * its words.
 */
export function statementWords (text: string): QuoteWord[] {
  const words = normaliseQuote(text)
  const regions = quotedRegions(text)
  const inside = (w: QuoteWord) => regions.some((r) => w.start >= r.start && w.end <= r.end)
  const quoted = words.filter(inside)
  return quoted.length > 0 && quoted.length < words.length ? quoted : words
}
