// The tagger's entities as Mentions: its spans over our tokens, typed in our scheme. The gazetteer
// gives known names their canonical form ("U.S." → "United States") and type; words around a place
// make it a facility ("Hmeimim air base", "bases ... including Al-Tanf"); a person's title and
// nationality are read off the words before the name ("Syrian Foreign Minister Asaad al Shaibani").
import type { Doc } from '../text/document.js'
import type { Mention } from './mention.js'
import { demonymCountry, lookupName } from '../knowledge/gazetteer.js'
import { FACILITY_FOLLOWERS, FACILITY_HEADS, FACILITY_LIST_NOUNS, LOCATION_PREPOSITIONS } from '../knowledge/lexicon.js'
import { splitTitle } from '../knowledge/titles.js'
import type { Token } from '../../domain/extraction.js'
import type { EntityType } from '../../domain/values.js'
import { at } from '../util/at.js'
import type { Recognised } from './ner-model.js'
import { recognised } from './ner-rules.js'

const MAX_TITLE_WORDS = 5
const lower = (t: Token | undefined): string => t?.text.toLowerCase() ?? ''

/** The title right before a person's name, and the nationality before that title. */
function titleBefore (tokens: Token[], from: number, to: number): { titles: string[], nationality: string | null } {
  let k = from
  while (k > 0 && from - k < MAX_TITLE_WORDS && /^(?:\p{Lu}|of$)/u.test(tokens[k - 1]?.text ?? '')) k--
  const name = tokens.slice(from, to).map((t) => t.text)
  for (let j = k; j < from; j++) {
    const split = splitTitle([...tokens.slice(j, from).map((t) => t.text), ...name])
    if (!split.personal || split.rest.length !== name.length) continue
    const country = demonymCountry(tokens[j - 1]?.text ?? '')
    return { titles: split.title ? [split.title] : [], nationality: country === undefined ? null : country || at(tokens, j - 1).text }
  }
  return { titles: [], nationality: null }
}

/** A place is a facility when its last word or the words after or before it say so. */
function isFacility (tokens: Token[], from: number, to: number): boolean {
  const after = lower(tokens[to])
  if (FACILITY_HEADS.has(lower(tokens[to - 1])) && to - from > 1) return true
  if (FACILITY_FOLLOWERS.has(after) || (after === 'air' && FACILITY_FOLLOWERS.has(lower(tokens[to + 1])))) return true
  const before = lower(tokens[from - 1])
  if (before !== 'including' && before !== 'as' && before !== 'like' && before !== 'and' && before !== ',') return false
  for (let k = from - 2; k >= Math.max(0, from - 12); k--) if (FACILITY_LIST_NOUNS.has(lower(tokens[k]))) return true
  return false
}

const MEDIA_FOLLOWERS = new Set(['tv', 'channel', 'network', 'newspaper', 'broadcaster'])

const BY_TAG: Record<Recognised['type'], EntityType> = { PER: 'person', ORG: 'organization', LOC: 'location', MISC: 'other' }

function toMention (doc: Doc, found: Recognised): Mention {
  const sentence = at(doc.sentences, found.sentence)
  const tokens = sentence.tokens
  // news annotation leaves a leading article out of the name ("The New York Times")
  let r = found.to - found.from > 1 && /^(?:the|a|an)$/iu.test(at(tokens, found.from).text) ? { ...found, from: found.from + 1 } : found
  // a name does not end with a hyphen ("U.S. -" of "U.S.-led")
  while (r.to - r.from > 1 && /^[-‐‑–—]$/u.test(at(tokens, r.to - 1).text)) r = { ...r, to: r.to - 1 }
  // "U.S.-led", "Kurdish-backed": the name is the part before the hyphen
  const hyphen = r.to - r.from > 2 && at(tokens, r.to - 2).text === '-' && /^\p{Ll}/u.test(at(tokens, r.to - 1).text)
  if (hyphen) r = { ...r, to: r.to - 2, type: lookupName(at(tokens, r.to - 3).text)?.type === 'location' ? 'LOC' : r.type }
  // a person's title is not part of the name ("Mayor Amara Okafor" is Amara Okafor, titled Mayor)
  const inside = r.type === 'PER' ? splitTitle(tokens.slice(r.from, r.to).map((t) => t.text)) : null
  const titled = inside !== null && inside.personal && inside.rest.length > 0 && /^\p{Lu}/u.test(inside.rest[0] ?? '')
  if (titled) r = { ...r, from: r.to - inside.rest.length }
  const start = at(tokens, r.from).start
  const end = at(tokens, r.to - 1).end
  const text = doc.text.slice(start, end)
  const base: Mention = { start, end, text, type: BY_TAG[r.type], canonical: text.replace(/\s+/gu, ' '), confidence: 1, titles: [], nationality: null, sentence: r.sentence, paragraph: sentence.paragraph }
  if (r.type === 'PER') {
    const before = titleBefore(tokens, r.from, r.to)
    const titles = titled && inside.title !== null ? [inside.title] : before.titles
    return { ...base, titles, nationality: before.nationality, confidence: titles.length ? 2 : 1 }
  }
  const known = lookupName(text)
  if (known) return { ...base, type: known.type, canonical: known.name, confidence: 2 }
  if ((r.type === 'LOC' || r.type === 'ORG') && isFacility(tokens, r.from, r.to)) return { ...base, type: 'facility' }
  // "the Al-Arabia TV channel", "the Tass news agency": what follows the name says what it is
  if ((r.type === 'LOC' || r.type === 'MISC') && MEDIA_FOLLOWERS.has(lower(tokens[r.to]))) return { ...base, type: 'organization' }
  if (r.type === 'MISC' && r.to - r.from === 1 && demonymCountry(text) !== undefined) return { ...base, type: 'group' }
  return base
}

const PLACES = new Set<EntityType>(['location', 'facility'])
const GUESSES = new Set<EntityType>(['organization', 'other'])
/** A type the tagger guessed from the name alone: not a known name, nor a person with a title or a first name. */
const guessed = (m: Mention, persons: boolean): boolean => m.confidence < 2 && (GUESSES.has(m.type) || (persons && m.type === 'person' && !/\s/u.test(m.text)))

/** The lower-case word right before a mention. */
function wordBefore (doc: Doc, m: Mention): string {
  const match = /(\p{L}+)\s*$/u.exec(doc.text.slice(Math.max(0, m.start - 24), m.start))
  return match?.[1]?.toLowerCase() ?? ''
}

/**
 * "at Khmeimim and Tartus": a one-word name guessed beside a coordinated place is a place too. The
 * tagger reads each name alone; a list of places rarely switches to an organisation.
 */
function placesInLists (doc: Doc, mentions: Mention[]): void {
  for (let i = 0; i + 1 < mentions.length; i++) {
    const a = at(mentions, i)
    const b = at(mentions, i + 1)
    if (a.sentence !== b.sentence || !/^\s*(?:,|and|or|,\s*and)\s*$/u.test(doc.text.slice(a.end, b.start))) continue
    // a person only in a list governed by a place preposition ("at X and Y"): "Russia and Putin" stays
    const afterPlaceWord = LOCATION_PREPOSITIONS.has(wordBefore(doc, a))
    if (PLACES.has(a.type) && guessed(b, afterPlaceWord)) b.type = a.type
    else if (PLACES.has(b.type) && guessed(a, afterPlaceWord)) a.type = b.type
  }
}

/** A sentence of one capitalised word ("Body.", a one-word headline) says nothing of its being a name. */
function loneWord (doc: Doc, r: Recognised): boolean {
  const tokens = at(doc.sentences, r.sentence).tokens
  if (r.to - r.from > 1 || tokens.length > 4) return false
  const words = tokens.filter((t) => /^[\p{L}\p{N}]/u.test(t.text)).length
  return words === 1 && !lookupName(at(tokens, r.from).text)
}

/** The learned recogniser's mentions of `doc`, in document order. */
export function learnedMentions (doc: Doc): Mention[] {
  const mentions = recognised(doc).filter((r) => !loneWord(doc, r)).map((r) => toMention(doc, r))
  placesInLists(doc, mentions)
  return mentions
}
