// The NER tagger's view of a document and its features. A view flattens the sentences' tokens and
// precomputes what features read more than once: word hashes, the line's case mode (Reuters and
// our titles write headlines in capitals or Title Case, where capitals say little), gazetteer spans
// over several words ("New York", "United Arab Emirates") and two document-level facts about each
// word (seen in lower case elsewhere; seen capitalised mid-sentence elsewhere).
import { mix, mix3, mix4 } from '../learning/feature-hash.js'
import { lookupName } from '../knowledge/gazetteer.js'
import type { Token } from '../../domain/extraction.js'
import { CITIES, MAX_NAME_WORDS } from '../knowledge/name-lists.js'
import { GAZETTEER_KINDS, T, wordInfo, type WordInfo } from './ner-words.js'
import { MAX_ELSEWHERE, type Elsewhere } from './ner-elsewhere.js'

export interface NerView {
  words: WordInfo[]
  /** [first, last + 1) token of each sentence. */
  ranges: [number, number][]
  /** Per token: 0 normal line, 1 all capitals, 2 Title Case. */
  lineCase: Uint8Array
  /** Per token: gazetteer span feature (type and B/I/L/U position) or 0. */
  gazetteer: Uint32Array
  /** Per token: bit 1 the lower-case form occurs elsewhere; bit 2 capitalised mid-sentence elsewhere. */
  docFlags: Uint8Array
  /** Per token: 1 when it is certainly outside any name (see outsideNames), so decoding skips scoring it. */
  outside: Uint8Array
  /** The labels of each word's other occurrences, once a first pass has tagged the document (ner-elsewhere.ts). */
  elsewhere: Elsewhere | null
}

const t = (i: number): number => T[i] as number
const START: WordInfo = wordInfo('<s>')
const END: WordInfo = wordInfo('</s>')

export function nerView (sentences: readonly (readonly Token[])[]): NerView {
  const words: WordInfo[] = []
  const ranges: [number, number][] = []
  for (const s of sentences) {
    ranges.push([words.length, words.length + s.length])
    for (const tok of s) words.push(wordInfo(asciiQuotes(tok.text)))
  }
  const lineCase = new Uint8Array(words.length)
  const gazetteer = new Uint32Array(words.length)
  sentences.forEach((s, k) => {
    const [from] = ranges[k] ?? [0]
    lineCase.fill(caseMode(words, from, from + s.length), from, from + s.length)
    markGazetteer(s, words, from, gazetteer)
  })
  const docFlags = docFlagsOf(words, ranges)
  return { words, ranges, lineCase, gazetteer, docFlags, outside: outsideNames(words, ranges), elsewhere: null }
}

/**
 * Curly quotation marks and apostrophes as CoNLL's straight ones ("“" → '"', "’s" → "'s"): the
 * training text has only those, so a curly mark would be a word the weights never saw.
 */
const asciiQuotes = (word: string): string => /[“”„‘’]/u.test(word) ? word.replace(/[“”„]/gu, '"').replace(/[‘’]/gu, "'") : word

/**
 * A word that is not capitalised (lower case, a number, punctuation) between two such words is
 * outside every name: names in news are capitalised, and their other inner words ("Bank of
 * England", "Asaad al Shaibani", "1860 Munich") sit next to a capitalised one. Most tokens of running text are such words; the tagger need not score
 * them (training still does).
 */
function outsideNames (words: WordInfo[], ranges: [number, number][]): Uint8Array {
  const out = new Uint8Array(words.length)
  for (const [from, to] of ranges) {
    for (let i = from; i < to; i++) {
      const w = words[i] as WordInfo
      if (w.caps !== 0) continue
      const before = i > from ? (words[i - 1] as WordInfo).caps : 0
      const after = i + 1 < to ? (words[i + 1] as WordInfo).caps : 0
      if (before === 0 && after === 0) out[i] = 1
    }
  }
  return out
}

function caseMode (words: WordInfo[], from: number, to: number): number {
  let letters = 0
  let upper = 0
  let capital = 0
  for (let i = from; i < to; i++) {
    const w = words[i] as WordInfo
    if (!w.letter) continue
    letters++
    if (w.caps === 2) upper++
    if (w.caps >= 1) capital++
  }
  if (letters < 2) return 0
  if (upper / letters > 0.7) return 1
  return capital / letters > 0.8 && letters >= 3 ? 2 : 0
}

/** Marks the longest known names (places, organisations, groups, cities) starting at capitalised words. */
function markGazetteer (tokens: readonly Token[], words: WordInfo[], from: number, out: Uint32Array): void {
  for (let i = 0; i < tokens.length; i++) {
    const w = words[from + i] as WordInfo
    if (w.caps === 0) continue
    // a name runs over capitalised words and a few joiners ("Bosnia and Herzegovina", "Isle of Man")
    let longest = 1
    while (w.startsName && longest < MAX_NAME_WORDS && i + longest < tokens.length && /^(?:\p{Lu}|(?:of|and|de|al|the)$)/u.test(tokens[i + longest]?.text ?? '')) longest++
    for (let n = longest; n >= 1; n--) {
      const kind = n === 1 ? w.known : knownSpan(tokens.slice(i, i + n).map((x) => x.text).join(' '))
      if (!kind) continue
      for (let k = 0; k < n; k++) out[from + i + k] = mix3(t(20), kind - 1, n === 1 ? 3 : k === 0 ? 0 : k === n - 1 ? 2 : 1)
      i += n - 1
      break
    }
  }
}

function knownSpan (surface: string): number {
  const kind = lookupName(surface)?.type ?? (CITIES.has(surface.toLowerCase()) ? 'city' : undefined)
  return kind ? GAZETTEER_KINDS.indexOf(kind) + 1 : 0
}

let documents = 0

/** Marks each word's lower-case form as seen lower case / capitalised mid-sentence in this document. */
function docFlagsOf (words: WordInfo[], ranges: [number, number][]): Uint8Array {
  const doc = ++documents
  for (const [from, to] of ranges) {
    for (let i = from; i < to; i++) {
      const w = words[i] as WordInfo
      const base = w.base ?? w
      if (w.caps === 0 && w.letter) base.lowerIn = doc
      else if (w.caps === 1 && i > from) base.capitalIn = doc
    }
  }
  const flags = new Uint8Array(words.length)
  for (let i = 0; i < words.length; i++) {
    const base = (words[i] as WordInfo).base ?? words[i] as WordInfo
    flags[i] = (base.lowerIn === doc ? 1 : 0) | (base.capitalIn === doc ? 2 : 0)
  }
  return flags
}

const wordAt = (v: NerView, i: number, from: number, to: number): WordInfo =>
  i < from ? START : i >= to ? END : v.words[i] as WordInfo

/** Writes the features of token i (in its sentence [from, to)) into `out`; returns how many. */
export function nerFeatures (v: NerView, i: number, from: number, to: number, out: Uint32Array): number {
  const local = (v.words[i] as WordInfo).local
  out.set(local)
  return contextFeatures(v, i, from, to, out, local.length)
}

/** The features of token i beyond its word-local ones, written into `out` from `n`; returns the new count. */
export function contextFeatures (v: NerView, i: number, from: number, to: number, out: Uint32Array, n: number): number {
  const w = v.words[i] as WordInfo
  const p1 = wordAt(v, i - 1, from, to)
  const p2 = wordAt(v, i - 2, from, to)
  const n1 = wordAt(v, i + 1, from, to)
  const n2 = wordAt(v, i + 2, from, to)
  const mode = v.lineCase[i] ?? 0
  out[n++] = t(0)
  out[n++] = mix(t(30), p1.lower)
  out[n++] = mix(t(31), n1.lower)
  out[n++] = mix(t(32), p2.lower)
  out[n++] = mix(t(33), n2.lower)
  out[n++] = mix3(t(34), p1.lower, w.lower)
  out[n++] = mix3(t(35), w.lower, n1.lower)
  out[n++] = mix3(t(36), p1.shape, w.shape)
  out[n++] = mix3(t(37), w.shape, n1.shape)
  out[n++] = mix4(t(38), p1.shape, w.shape, n1.shape)
  out[n++] = mix3(t(39), p1.lower, w.shape)
  out[n++] = mix3(t(40), w.shape, n1.lower)
  out[n++] = mix3(t(41), i === from ? 1 : 0, w.shape)
  out[n++] = mix3(t(42), mode, w.shape)
  // "Foreign Minister X", "X Corp", "Sergey X": what kind of word stands beside this one
  if (p1.classes | n1.classes) out[n++] = mix4(t(48), p1.classes, n1.classes, w.caps)
  if (mode) out[n++] = mix3(t(43), mode, w.lower)
  const g = v.gazetteer[i] ?? 0
  if (g) out[n++] = g
  const p1g = i > from ? v.gazetteer[i - 1] ?? 0 : 0
  if (p1g) out[n++] = mix(t(44), p1g)
  const n1g = i + 1 < to ? v.gazetteer[i + 1] ?? 0 : 0
  if (n1g) out[n++] = mix(t(45), n1g)
  if (w.caps) out[n++] = mix4(t(46), v.docFlags[i] ?? 0, w.caps, i === from ? 1 : 0)
  const e = v.elsewhere
  if (e) for (let k = 0, c = e.count[i] ?? 0; k < c; k++) out[n++] = e.features[i * MAX_ELSEWHERE + k] ?? 0
  return n
}

/** Upper bound of nerFeatures' count, for buffers. */
export const MAX_FEATURES = 64
