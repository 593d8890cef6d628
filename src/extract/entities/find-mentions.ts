// Stage 3: named-entity mentions. Candidates are runs of capitalised tokens; each run is peeled
// (sentence-initial function words, weekdays/months, a leading nationality, a leading title) and
// typed from the strongest evidence: gazetteer, name-internal heads ("... Forces"), the words
// around it ("TV channel", "at X", "bases ... including X"), shape (acronyms, "al-" particles).
// Weak guesses are refined later by coordination and coreference.
import { TITLE_PARAGRAPH, type Doc } from '../text/document.js'
import { demonymCountry, lookupName } from '../knowledge/gazetteer.js'
import {
  CUE_ADVERBS, CUE_VERBS, FACILITY_FOLLOWERS, FACILITY_HEADS, FACILITY_LIST_NOUNS, FUNCTION_WORDS, LOCATION_FOLLOWERS,
  LOCATION_LIST_NOUNS, LOCATION_PREPOSITIONS, MONTHS, NAME_PARTICLES, ORG_FOLLOWERS, ORG_HEADS, SOURCE_NOUNS, TITLE_HEADS,
  WEEKDAYS,
} from '../knowledge/lexicon.js'
import { learnedMentions } from './learned-mentions.js'
import type { Mention } from './mention.js'
import { splitTitle } from '../knowledge/titles.js'
import { isAcronym, isCapitalized, isPartyState, isWord } from '../text/tokenizer.js'
import type { Sentence, Token } from '../../domain/extraction.js'
import type { EntityType } from '../../domain/values.js'
import { at } from '../util/at.js'

const PARTICLE_PREFIX = /^(?:al|el|ad|as|ash|bin|ibn|abu)[-‐‑]\p{Lu}/u
const INITIAL_AFTER = /^[.!?…:;“"‘«(]$/u

interface Run { sentence: Sentence, index: number, from: number, to: number }

function nameToken (tokens: Token[], i: number): boolean {
  const t = tokens[i]
  if (!t) return false
  if (isPartyState(t.text)) return false
  if (isWord(t.text) && isCapitalized(t.text)) return true
  if (PARTICLE_PREFIX.test(t.text)) return true
  const prev = tokens[i - 1]
  const next = tokens[i + 1]
  // "Asaad al Shaibani", "Ministry of Defence": lower-case joiners between capitalised words.
  const between = !!prev && !!next && isCapitalized(prev.text) && isCapitalized(next.text) && isWord(next.text)
  if (between && NAME_PARTICLES.has(t.text)) return true
  return between && t.text === 'of' && (ORG_HEADS.has(prev.text.toLowerCase()) || TITLE_HEADS.has(prev.text.toLowerCase()))
}

function runsOf (sentence: Sentence, index: number): Run[] {
  const runs: Run[] = []
  const tokens = sentence.tokens
  for (let i = 0; i < tokens.length; i++) {
    if (!nameToken(tokens, i)) continue
    let j = i
    while (nameToken(tokens, j + 1)) j++
    runs.push({ sentence, index, from: i, to: j + 1 })
    i = j
  }
  return runs
}

export const isInitial = (tokens: Token[], i: number): boolean => i === 0 || INITIAL_AFTER.test(tokens[i - 1]?.text ?? '.')

/** Drops tokens that cannot be part of a name: leading function words, weekdays and months. */
function peel (run: Run): Run[] {
  const tokens = run.sentence.tokens
  const parts: Run[] = []
  let from = run.from
  const skip = (t: Token): boolean => WEEKDAYS.has(t.text.toLowerCase()) || MONTHS.has(t.text.toLowerCase()) || /^\p{N}/u.test(t.text)
  for (let i = run.from; i <= run.to; i++) {
    const t = tokens[i]
    if (i === run.to || !t || skip(t)) {
      if (i > from) parts.push({ ...run, from, to: i })
      from = i + 1
    }
  }
  // Articles never start a name; other function words only look capitalised at a sentence start.
  const strip = (i: number): boolean => {
    const w = at(tokens, i).text
    return /^(?:the|a|an)$/i.test(w) || (isInitial(tokens, i) && FUNCTION_WORDS.has(w.toLowerCase()) && !isAcronym(w))
  }
  return parts.map((p) => {
    let f = p.from
    while (f < p.to && strip(f)) f++
    return { ...p, from: f }
  }).filter((p) => p.to > p.from && !NAME_PARTICLES.has(at(tokens, p.to - 1).text))
}

const lower = (t: Token | undefined): string => t?.text.toLowerCase() ?? ''

/** Type from the words around the run: "TV channel", "air base", "at X", "bases ... including X". */
function contextType (tokens: Token[], from: number, to: number): EntityType | null {
  const after = lower(tokens[to])
  if (ORG_FOLLOWERS.has(after)) return 'organization'
  if (FACILITY_FOLLOWERS.has(after) || (after === 'air' && FACILITY_FOLLOWERS.has(lower(tokens[to + 1])))) return 'facility'
  if (LOCATION_FOLLOWERS.has(after)) return 'location'
  const before = lower(tokens[from - 1])
  if (before === 'including' || before === 'as' || before === 'like') {
    for (let k = from - 2; k >= Math.max(0, from - 8); k--) {
      if (FACILITY_LIST_NOUNS.has(lower(tokens[k]))) return 'facility'
      if (LOCATION_LIST_NOUNS.has(lower(tokens[k]))) return 'location'
    }
  }
  if (LOCATION_PREPOSITIONS.has(before) && at(tokens, from - 1).text === before) return 'location'
  // "Merkel said", "Merkel has repeatedly argued": an unknown name in source position speaks.
  // Not for acronyms ("CBS reported") or source nouns ("Officials said").
  let k = to
  while (CUE_ADVERBS.has(lower(tokens[k]))) k++
  const name = tokens.slice(from, to)
  const common = name.length === 1 && (isAcronym(at(name, 0).text) || SOURCE_NOUNS.has(lower(name[0])))
  if (!common && tokens[k] && CUE_VERBS.has(at(tokens, k).text)) return 'person'
  return null
}

/** Type from the name itself: its last word, its shape. */
function shapeType (words: string[]): { type: EntityType, confidence: number } {
  const last = at(words, words.length - 1).toLowerCase()
  // A head alone is a common noun at a sentence start ("Television network CBS"), not a name.
  if (words.length > 1 && ORG_HEADS.has(last)) return { type: 'organization', confidence: 2 }
  if (words.length > 1 && FACILITY_HEADS.has(last)) return { type: 'facility', confidence: 2 }
  if (words.length === 1 && isAcronym(at(words, 0))) return { type: 'organization', confidence: 1 }
  const personShape = words.length >= 2 && words.length <= 4 && words.every((w) => /^(?:\p{Lu}\p{Ll}|\p{Ll}+[-‐‑]?\p{Lu}?)/u.test(w))
  if (personShape) return { type: 'person', confidence: words.some((w) => NAME_PARTICLES.has(w) || PARTICLE_PREFIX.test(w)) ? 1 : 0 }
  return { type: 'other', confidence: 0 }
}

/** The name part of a run once a leading nationality and title are peeled off, or null. */
function classify (doc: Doc, run: Run, titleCase: boolean): Mention | null {
  const tokens = run.sentence.tokens
  let from = run.from
  const to = run.to
  const words = (f: number): string[] => tokens.slice(f, to).map((t) => t.text)
  const mention = (f: number, type: EntityType, confidence: number, extra: Partial<Mention> = {}): Mention => {
    const start = at(tokens, f).start
    const end = at(tokens, to - 1).end
    const surface = doc.text.slice(start, end)
    return { start, end, text: surface, type, canonical: surface.replace(/\s+/gu, ' '), confidence, titles: [], nationality: null, sentence: run.index, paragraph: run.sentence.paragraph, ...extra }
  }
  const known = lookupName(words(from).join(' '))
  if (known) return mention(from, known.type, 2, { canonical: known.name })
  if (titleCase) return null
  const shape = shapeType(words(from))
  if (shape.confidence === 2) return mention(from, shape.type, 2)
  // "Syrian Foreign Minister Asaad al Shaibani": nationality, then title, then the name.
  let nationality: string | null = null
  const country = demonymCountry(at(tokens, from).text)
  if (country !== undefined && to - from > 1) { nationality = country || at(tokens, from).text; from++ }
  const { title, personal, rest } = splitTitle(words(from))
  from = to - rest.length
  if (from >= to) return null
  if (personal) return mention(from, 'person', 2, { titles: title ? [title] : [], nationality })
  const again = lookupName(rest.join(' '))
  if (again) return mention(from, again.type, 2, { canonical: again.name })
  if (country !== undefined && rest.length === to - run.from) return null
  const context = contextType(tokens, from, to)
  if (context) return mention(from, context, 1, { nationality })
  const guess = shapeType(rest)
  return mention(from, guess.type, guess.confidence, { nationality })
}

/** Headlines in Title Case capitalise every word: only known names count there. */
function isTitleCase (doc: Doc, sentence: Sentence): boolean {
  const headline = sentence.paragraph === TITLE_PARAGRAPH || doc.paragraphs[sentence.paragraph]?.kind === 'heading'
  const words = sentence.tokens.filter((t) => /^\p{L}/u.test(t.text) && t.text.length > 3)
  return headline && words.length >= 3 && words.filter((t) => isCapitalized(t.text)).length / words.length > 0.8
}

/** In a Title Case run, the longest gazetteer names inside it ("Russia Says Talks With Syria"). */
function knownNamesIn (run: Run): Run[] {
  const found: Run[] = []
  const tokens = run.sentence.tokens
  for (let i = run.from; i < run.to; i++) {
    for (let j = Math.min(run.to, i + 4); j > i; j--) {
      if (lookupName(tokens.slice(i, j).map((t) => t.text).join(' '))) { found.push({ ...run, from: i, to: j }); i = j - 1; break }
    }
  }
  return found
}

/** Words seen capitalised away from a sentence start: evidence they are names, not sentence-case. */
function capitalisedMidSentence (sentences: Sentence[]): Set<string> {
  const seen = new Set<string>()
  for (const s of sentences) {
    s.tokens.forEach((t, i) => { if (!isInitial(s.tokens, i) && isCapitalized(t.text)) seen.add(t.text) })
  }
  return seen
}

/**
 * A lone sentence-initial word is a name only with evidence beyond its capital letter: the
 * gazetteer, a title, being capitalised mid-sentence elsewhere, or a name's shape. Context alone
 * is not enough there ("Television network CBS" is not the organisation "Television").
 */
function plausible (m: Mention, run: Run, midSentence: Set<string>): boolean {
  if (m.confidence >= 2 || m.titles.length) return true
  const tokens = run.sentence.tokens
  // The mention starts inside its run: searching there, not the whole sentence, keeps this linear.
  let first = -1
  for (let i = run.from; i < run.to && first < 0; i++) if (at(tokens, i).start === m.start) first = i
  const word = tokens[first]?.text ?? ''
  if (!isInitial(tokens, first)) return true
  if (FUNCTION_WORDS.has(word.toLowerCase())) return false
  if (m.end > (tokens[first]?.end ?? m.end)) return true
  const speaks = m.type === 'person' && m.confidence === 1
  return speaks || midSentence.has(word) || isAcronym(word) || PARTICLE_PREFIX.test(word) || /[-‐‑]/.test(word)
}

/** A trailing "TV" names the medium, not the organisation ("Al-Arabia TV" → "Al-Arabia"). */
function dropMediumSuffix (doc: Doc, m: Mention): Mention {
  const match = /\s+TV$/u.exec(m.text)
  if (!match || m.text.length === match[0].length) return m
  const end = m.end - match[0].length
  const text = doc.text.slice(m.start, end)
  return { ...m, end, text, canonical: text.replace(/\s+/gu, ' '), type: 'organization', confidence: 2 }
}

/** "X and Y", "X, Y and Z": a guessed type follows a confidently typed neighbour. */
function shareCoordinatedTypes (doc: Doc, mentions: Mention[]): void {
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i + 1 < mentions.length; i++) {
      const a = at(mentions, i)
      const b = at(mentions, i + 1)
      if (a.sentence !== b.sentence || !/^\s*(?:,|and|or|,\s*and)\s*$/u.test(doc.text.slice(a.end, b.start))) continue
      if (a.confidence > b.confidence && b.confidence < 2 && a.type !== 'person') { b.type = a.type; b.confidence = 1 }
      else if (b.confidence > a.confidence && a.confidence < 2 && b.type !== 'person') { a.type = b.type; a.confidence = 1 }
    }
  }
}

/** The rule-based mentions: capitalised runs, peeled and typed by gazetteer, context and shape. */
export function ruleMentions (doc: Doc, only?: ReadonlySet<number>): Mention[] {
  const midSentence = capitalisedMidSentence(doc.sentences)
  const mentions: Mention[] = []
  doc.sentences.forEach((sentence, index) => {
    if (only && !only.has(index)) return
    const titleCase = isTitleCase(doc, sentence)
    const runs = runsOf(sentence, index).flatMap(peel)
    for (const run of titleCase ? runs.flatMap(knownNamesIn) : runs) {
      const m = classify(doc, run, titleCase)
      if (m && plausible(m, run, midSentence)) mentions.push(dropMediumSuffix(doc, m))
    }
  })
  shareCoordinatedTypes(doc, mentions)
  return mentions
}

/**
 * The mentions the API uses: the learned tagger's (learned-mentions.ts). The rules keep Title Case headlines,
 * where the tagger, which learnt from Reuters' capitals, would read every word as a name.
 */
export function findMentions (doc: Doc): Mention[] {
  const titleCase = new Set<number>()
  doc.sentences.forEach((s, i) => { if (isTitleCase(doc, s)) titleCase.add(i) })
  const learned = learnedMentions(doc).filter((m) => !titleCase.has(m.sentence))
  const rules = titleCase.size ? ruleMentions(doc, titleCase) : []
  const mentions = [...learned, ...rules].sort((a, b) => a.start - b.start)
  shareCoordinatedTypes(doc, mentions)
  return mentions.map((m) => dropMediumSuffix(doc, m))
}
