// Rules beside the tagger, for patterns it misses in our texts: a speaker opening a sentence or a
// headline ("Lavrov argued", "Lavrov: ..."), a known place in a hyphenated compound ("U.S.-led").
import { TITLE_PARAGRAPH, type Doc } from '../text/document.js'
import { lookupName } from '../knowledge/gazetteer.js'
import { CUE_ADVERBS, CUE_VERBS, FUNCTION_WORDS, SOURCE_NOUNS } from '../knowledge/lexicon.js'
import type { Token } from '../../domain/extraction.js'
import { at } from '../util/at.js'
import { recognise, type Recognised } from './ner-model.js'

const lower = (t: Token | undefined): string => t?.text.toLowerCase() ?? ''

/**
 * "Lavrov argued that ...": a sentence-initial capitalised word the tagger left alone, followed by
 * a speech verb, is a person. At a sentence start a capital says nothing, and one story's
 * surnames are often unseen words; the rules knew this pattern, the tagger misses it.
 */
function speakerAtStart (doc: Doc, s: number, found: Recognised[]): Recognised | null {
  const tokens = at(doc.sentences, s).tokens
  const first = tokens[0]?.text ?? ''
  if (!/^\p{Lu}\p{Ll}/u.test(first) || FUNCTION_WORDS.has(first.toLowerCase()) || SOURCE_NOUNS.has(first.toLowerCase())) return null
  if (found.some((r) => r.sentence === s && r.from === 0)) return null
  let k = 1
  while (CUE_ADVERBS.has(lower(tokens[k]))) k++
  // "Lavrov: Russia in talks with Syria", the headline convention
  const headline = tokens[k]?.text === ':' && at(doc.sentences, s).paragraph === TITLE_PARAGRAPH
  return headline || CUE_VERBS.has(tokens[k]?.text ?? '') ? { sentence: s, from: 0, to: 1, type: 'PER' } : null
}

/**
 * "the U.S.-led coalition": a known place fused to a participle. The tagger reads the compound
 * as a whole (CoNLL marks it MISC or nothing); the API wants the place in it.
 */
function placesBeforeHyphens (doc: Doc, s: number, own: Recognised[]): Recognised[] {
  const tokens = at(doc.sentences, s).tokens
  const places: Recognised[] = []
  for (let i = 1; i + 1 < tokens.length; i++) {
    if (tokens[i]?.text !== '-' || tokens[i]?.start !== tokens[i - 1]?.end || !/^\p{Ll}/u.test(tokens[i + 1]?.text ?? '')) continue
    if (lookupName(at(tokens, i - 1).text)?.type !== 'location') continue
    if (!own.some((r) => r.from <= i - 1 && r.to > i - 1)) places.push({ sentence: s, from: i - 1, to: i, type: 'LOC' })
  }
  return places
}

/** The learned recogniser's entities, with the speakers and places the rules know it misses. */
export function recognised (doc: Doc): Recognised[] {
  const found = recognise(doc)
  const extra: Recognised[] = []
  // `found` is in sentence order: each sentence's entities are looked at once
  let k = 0
  for (let s = 0; s < doc.sentences.length; s++) {
    const own: Recognised[] = []
    while (k < found.length && at(found, k).sentence === s) own.push(at(found, k++))
    const speaker = speakerAtStart(doc, s, own)
    if (speaker) extra.push(speaker)
    extra.push(...placesBeforeHyphens(doc, s, own))
  }
  return extra.length ? [...found, ...extra].sort((a, b) => a.sentence - b.sentence || a.from - b.from) : found
}

