// Token-level helpers the quote stages share: recognising a cue verb and the source phrase on either
// side of it (the "trailing" words that may follow an attribution are text/trailing-words.ts).
// Without a part-of-speech tagger, a source phrase is recognised from its head (a pronoun, a
// capitalised name, or a known source noun such as "reports" or "diplomat") and grown leftwards
// over modifiers until a determiner or a clause boundary.
import {
  CUE_ADVERBS, CUE_NEEDS_PARTICLE, CUE_VERBS, FUNCTION_WORDS, NAME_PARTICLES, SOURCE_NOUNS,
  SPEAKER_PRONOUNS, WEEKDAYS,
} from '../knowledge/lexicon.js'
import { onlyTrailing } from '../text/trailing-words.js'
import { isCapitalized, isWord } from '../text/tokenizer.js'
import type { Token } from '../../domain/extraction.js'
import { at } from '../util/at.js'

/** Token range [from, to). */
export interface Range { from: number, to: number }

const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'this', 'that', 'these', 'those', 'some', 'many', 'several', 'other', 'two', 'three'])
const lower = (t: Token | undefined): string => t?.text.toLowerCase() ?? ''

/** The cue at i ("said", "pointed out"), lower-case only: "Said" is more often a name. */
export function cueAt (tokens: Token[], i: number): Range | null {
  const t = tokens[i]
  if (!t || !CUE_VERBS.has(t.text)) return null
  const particle = CUE_NEEDS_PARTICLE.get(t.text)
  if (particle) return lower(tokens[i + 1]) === particle ? { from: i, to: i + 2 } : null
  return { from: i, to: i + 1 }
}

export const isParticipleCue = (tokens: Token[], i: number): boolean => !!cueAt(tokens, i) && at(tokens, i).text.endsWith('ing')

const nameLike = (t: Token | undefined): boolean => !!t && isWord(t.text) && isCapitalized(t.text) && !FUNCTION_WORDS.has(t.text.toLowerCase())

/** The head of a source phrase: a speaker pronoun, a name, or a known source noun. */
function isSourceHead (t: Token | undefined): boolean {
  if (!t) return false
  const w = t.text.toLowerCase()
  return SPEAKER_PRONOUNS.has(w) || nameLike(t) || SOURCE_NOUNS.has(w)
}

/**
 * A common noun heading a described source ("the ad’s narrator", "a new poll"): a lower-case word
 * with a determiner or a possessive at most three words before it.
 */
function describedHead (tokens: Token[], k: number, minIndex: number): boolean {
  const head = tokens[k]
  if (!head || !/^\p{Ll}/u.test(head.text) || FUNCTION_WORDS.has(head.text) || CUE_VERBS.has(head.text) || CUE_ADVERBS.has(head.text)) return false
  for (let j = k - 1; j >= Math.max(minIndex, k - 3); j--) {
    const w = lower(tokens[j])
    if (DETERMINERS.has(w) || w === '’s' || w === "'s") return true
    if (!isWord(at(tokens, j).text) || FUNCTION_WORDS.has(w)) return false
  }
  return false
}

/**
 * The source phrase ending just before the cue at cueIndex (adverbs skipped), not before minIndex.
 * `described`: a common noun with a determiner may head it ("the ad’s narrator says"), which
 * beside a quotation is a speaker, but elsewhere as often the subject of a plain verb.
 */
export function sourceBefore (tokens: Token[], cueIndex: number, minIndex = 0, described = false): Range | null {
  let k = cueIndex - 1
  while (k >= minIndex && CUE_ADVERBS.has(lower(tokens[k])) && !isCapitalized(at(tokens, k).text)) k--
  // "Smith, a senior official, told ...": the source is the name with its appositive, closing comma
  // included, as news annotation marks it.
  if (tokens[k]?.text === ',') {
    for (let j = k - 1; j > Math.max(minIndex, k - MAX_APPOSITIVE); j--) {
      if (tokens[j]?.text !== ',') continue
      const name = nameLike(tokens[j - 1]) || tokens[j - 1]?.text === ')' ? sourceBefore(tokens, j, minIndex, described) : null
      return name ? { from: name.from, to: k + 1 } : null
    }
    return null
  }
  // "Sen. Claire McCaskill (D-Mo.) said": a short bracket after the name (party and state) is part
  // of the source, as news annotation marks it; the name before it is the head.
  const bracket = bracketBefore(tokens, k, minIndex)
  if (bracket >= 0) {
    const name = nameLike(tokens[bracket - 1]) ? sourceBefore(tokens, bracket, minIndex, described) : null
    return name ? { from: name.from, to: k + 1 } : null
  }
  const head = tokens[k]
  if (k < minIndex || !head || !(isSourceHead(head) || (described && describedHead(tokens, k, minIndex)))) return null
  if (SPEAKER_PRONOUNS.has(lower(head))) return { from: k, to: k + 1 }
  let from = k
  let lowerWords = SOURCE_NOUNS.has(lower(head)) && !isCapitalized(head.text) ? 1 : 0
  for (let j = k - 1; j >= minIndex; j--) {
    const t = at(tokens, j)
    const w = t.text.toLowerCase()
    if (DETERMINERS.has(w)) { from = j; break }
    if (nameLike(t) || NAME_PARTICLES.has(w) || t.text === '’s' || t.text === "'s") { from = j; continue }
    const modifier = isWord(t.text) && !FUNCTION_WORDS.has(w) && !CUE_VERBS.has(w) && /^\p{Ll}/u.test(t.text)
    if (!modifier || ++lowerWords > 3) break
    from = j
  }
  return { from, to: k + 1 }
}

const MAX_SUBJECT = 5

/**
 * "He then defended the remark, saying, …" / "Mary Blige sang …": the sentence's subject, a speaker
 * pronoun or a run of capitalised words opening it and followed by a lower-case word, ending before `limit`.
 */
export function sentenceSubject (tokens: Token[], limit: number): Range | null {
  if (SPEAKER_PRONOUNS.has(lower(tokens[0])) && /^\p{Ll}/u.test(tokens[1]?.text ?? '')) return limit > 1 ? { from: 0, to: 1 } : null
  if (/ing$/u.test(tokens[0]?.text ?? '')) return null // "Speaking on Monday, …"
  let j = 0
  while (j < Math.min(limit, MAX_SUBJECT) && (nameLike(tokens[j]) || (j > 0 && NAME_PARTICLES.has(lower(tokens[j]))))) j++
  return j > 0 && j < limit && /^\p{Ll}/u.test(tokens[j]?.text ?? '') && !NAME_PARTICLES.has(lower(tokens[j])) ? { from: 0, to: j } : null
}

const MAX_BRACKET = 3

/** The index of the '(' of a bracket of one to three words closing at k ("(D-Mo.)", "(D-Newport News)"), or -1. */
function bracketBefore (tokens: Token[], k: number, minIndex: number): number {
  if (tokens[k]?.text !== ')') return -1
  for (let j = k - 2; j >= Math.max(minIndex + 1, k - MAX_BRACKET - 1); j--) {
    const t = at(tokens, j)
    if (t.text === '(') return j
    if (!isWord(t.text)) return -1
  }
  return -1
}

/**
 * A source phrase starting at i ("said Lavrov.", "according to the ministry,"), up to maxIndex.
 * `appositive`: after content, the source takes an appositive running to the sentence end with it.
 */
export function sourceAfter (tokens: Token[], i: number, maxIndex = tokens.length, appositive = false): Range | null {
  let j = i
  if (DETERMINERS.has(lower(tokens[j]))) j++
  const start = j
  const phraseWord = (t: Token | undefined): boolean => !!t && (nameLike(t) || NAME_PARTICLES.has(lower(t)) ||
    (isWord(t.text) && !FUNCTION_WORDS.has(lower(t)) && !CUE_VERBS.has(lower(t))))
  while (j < maxIndex && j - start < 8 && phraseWord(tokens[j])) j++
  if (tokens[j]?.text === '(' && tokens[j + 2]?.text === ')') j += 3 // "Sen. Bob Casey (D-Pa.)"
  if (j === start) return SPEAKER_PRONOUNS.has(lower(tokens[i])) ? { from: i, to: i + 1 } : null
  if (!isSourceHead(tokens[j - 1]) && tokens[j - 1]?.text !== ')') return null
  return { from: i, to: appositive ? appositiveEnd(tokens, j, maxIndex) : j }
}

const MAX_APPOSITIVE = 20

/**
 * "said Phil Smith, a spokesman for the union.": an appositive running from the comma at i to the
 * sentence's end belongs to the source. Returns the source's end: past it, or i when there is none.
 */
function appositiveEnd (tokens: Token[], i: number, maxIndex: number): number {
  if (tokens[i]?.text !== ',') return i
  const first = tokens[i + 1]
  if (!first || !/^\p{Ll}/u.test(first.text) || first.text.endsWith('ing') || CUE_VERBS.has(first.text) || first.text === 'and') return i
  let end = i + 1
  while (end < maxIndex && end - i <= MAX_APPOSITIVE && !/^[.!?;:”"]$/u.test(at(tokens, end).text)) end++
  const closes = end >= maxIndex || /^[.!?]$/u.test(at(tokens, end).text)
  return closes && end - i <= MAX_APPOSITIVE && end > i + 1 ? end : i
}

/** Skips a time right after a cue ("said Tuesday the ...", "said on Monday the ..."). */
export function skipTime (tokens: Token[], i: number): number {
  let j = i
  if (lower(tokens[j]) === 'on' && WEEKDAYS.has(lower(tokens[j + 1]))) j++
  while (WEEKDAYS.has(lower(tokens[j])) || ['today', 'yesterday', 'tonight'].includes(lower(tokens[j]))) j++
  return j
}

/** After a cue: skip a setting before "that" ("said on Wednesday that") and return the index after it. */
export function skipToThat (tokens: Token[], i: number, end: number): number {
  for (let j = i; j < Math.min(end, i + 7); j++) {
    if (lower(tokens[j]) === 'that') return onlyTrailing(tokens, i, j) ? j + 1 : i
    if (!isWord(at(tokens, j).text)) return lower(tokens[i]) === 'that' ? i + 1 : i
  }
  return lower(tokens[i]) === 'that' ? i + 1 : i
}
