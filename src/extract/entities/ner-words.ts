// What the NER features know about a word by itself, computed once per distinct word and cached:
// its hashes (as written, lower case, shape) and its word-local features, already mixed with their
// templates. News repeats its words, so most tokens cost a map look-up.
import { hashString, mix } from '../learning/feature-hash.js'
import { shapeOf } from '../learning/word-shape.js'
import { demonymCountry, lookupName, startsKnownName } from '../knowledge/gazetteer.js'
import { ORG_HEADS, TITLE_HEADS, TITLE_MODIFIERS } from '../knowledge/lexicon.js'
import { CITIES, CITY_FIRST_WORDS, FIRST_NAMES } from '../knowledge/name-lists.js'

export interface WordInfo {
  lower: number
  shape: number
  /** 0 lower case or no letter, 1 capitalised, 2 all upper case (two letters or more). */
  caps: number
  /** Starts with a letter. */
  letter: boolean
  /** Word-local features. */
  local: Uint32Array
  /** Their summed scores per label under `scoredBy` (a fixed model): words repeat, so they are summed once. */
  scores: Float64Array | null
  scoredBy: object | null
  /** The word alone in the gazetteer: 1 + its index in GAZETTEER_KINDS, or 0. */
  known: number
  /** Word classes for the neighbours' features: 1 title word, 2 organisation head, 4 first name, 8 nationality. */
  classes: number
  /** Whether a gazetteer name of several words may start with it. */
  startsName: boolean
  /** The lower-case form's info (itself when the word is lower case): documents mark it as seen. */
  base: WordInfo | null
  /** The last document (a running number) that had the word in lower case; capitalised mid-sentence. */
  lowerIn: number
  capitalIn: number
  /** The last document (ner-elsewhere.ts's running number) that counted its labels, and its slot there. */
  elsewhereIn: number
  elsewhereSlot: number
}

/** What the gazetteer features tell apart. */
export const GAZETTEER_KINDS = ['location', 'organization', 'group', 'city']

export const T = Array.from({ length: 64 }, (_, i) => hashString(`ner-template-${i}`))
const t = (i: number): number => T[i] as number

const GAZETTEER_TYPES = ['location', 'organization', 'group', 'person', 'facility', 'other']
const MAX_CACHE = 200_000
const cache = new Map<string, WordInfo>()

/** "Xx", "X.X.", "d-d": the shape with every run squeezed to one character. */
function shortShape (shape: string): string {
  let out = ''
  for (let i = 0; i < shape.length; i++) if (shape[i] !== shape[i - 1]) out += shape[i]
  return out
}

function capsOf (word: string): number {
  const upper = /^\p{Lu}/u.test(word)
  if (!upper) return 0
  return /^[\p{Lu}\p{N}.&'-]+$/u.test(word) && /\p{Lu}.*\p{Lu}/u.test(word) ? 2 : 1
}

function localFeatures (word: string, lower: string, shape: string): Uint32Array {
  const out: number[] = [mix(t(1), hashString(word)), mix(t(2), hashString(lower)), mix(t(3), hashString(shape)),
    mix(t(4), hashString(shortShape(shape)))]
  for (let n = 1; n <= 4 && n < lower.length; n++) {
    out.push(mix(t(4 + n), hashString(lower.slice(0, n))), mix(t(8 + n), hashString(lower.slice(-n))))
  }
  const known = lookupName(word)
  if (known) out.push(mix(t(13), GAZETTEER_TYPES.indexOf(known.type)))
  if (demonymCountry(word) !== undefined) out.push(t(14))
  if (TITLE_HEADS.has(lower) || TITLE_MODIFIERS.has(lower)) out.push(t(15))
  if (ORG_HEADS.has(lower)) out.push(t(16))
  if (FIRST_NAMES.has(lower)) out.push(t(17))
  return Uint32Array.from(out)
}

function classesOf (word: string, lower: string): number {
  return (TITLE_HEADS.has(lower) || TITLE_MODIFIERS.has(lower) ? 1 : 0) | (ORG_HEADS.has(lower) ? 2 : 0) |
    (FIRST_NAMES.has(lower) ? 4 : 0) | (demonymCountry(word) !== undefined ? 8 : 0)
}

function knownKind (word: string, lower: string): number {
  const kind = lookupName(word)?.type ?? (CITIES.has(lower) ? 'city' : undefined)
  return kind ? GAZETTEER_KINDS.indexOf(kind) + 1 : 0
}

export function wordInfo (word: string): WordInfo {
  let info = cache.get(word)
  if (info) return info
  const lower = word.toLowerCase()
  const shape = shapeOf(word)
  info = { base: null, lowerIn: -1, capitalIn: -1, elsewhereIn: -1, elsewhereSlot: 0, lower: hashString(lower), shape: hashString(shape), caps: capsOf(word), letter: /^\p{L}/u.test(word), local: localFeatures(word, lower, shape), scores: null, scoredBy: null,
    known: knownKind(word, lower), classes: classesOf(word, lower), startsName: /^\p{Lu}/u.test(word) && (startsKnownName(word) || CITY_FIRST_WORDS.has(lower)) }
  // bounded, so that no input grows the cache forever
  if (cache.size >= MAX_CACHE) cache.clear()
  cache.set(word, info)
  info.base = lower === word ? info : wordInfo(lower)
  return info
}
