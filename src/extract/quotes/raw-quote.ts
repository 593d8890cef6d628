// The quote stages' shared working form: an ExtractedQuote before its speaker is resolved, plus a
// hint saying where the speaker comes from when there is no source phrase.
import { regionAt, type Doc } from '../text/document.js'
import { firstOpenAtOrAfter, outerRegions } from '../text/quote-marks.js'
import type { Range } from './source-phrases.js'
import type { Span, TextSpan, Token } from '../../domain/extraction.js'
import type { QuoteKind } from '../../domain/values.js'
import { at } from '../util/at.js'

/**
 * source: the source phrase; clause: the speaker of `parent` (", urging ..." inherits the
 * subject's speaker); previous: the most recent speaker (an unattributed quoted paragraph).
 */
export type SpeakerHint = 'source' | 'clause' | 'previous'

export interface RawQuote {
  kind: QuoteKind
  spans: Span[]
  cue: TextSpan | null
  source: TextSpan | null
  paragraph: number | null
  sentence: number
  hint: SpeakerHint
  parent: RawQuote | null
}

export const textSpan = (doc: Doc, start: number, end: number): TextSpan => ({ start, end, text: doc.text.slice(start, end) })

export const rangeSpan = (doc: Doc, tokens: Token[], r: Range): TextSpan =>
  textSpan(doc, at(tokens, r.from).start, at(tokens, r.to - 1).end)

const EDGE_PUNCT = /^[.,;:!?…\u2014\u2013-]$/u

/**
 * The content span of tokens [from, to): trailing punctuation outside quotation marks is the
 * sentence's, not the quote's, so it is dropped; a closing mark keeps what it closes.
 */
export function contentSpan (doc: Doc, tokens: Token[], from: number, to: number): Span | null {
  while (to > from && EDGE_PUNCT.test(at(tokens, to - 1).text) && !regionAt(doc, at(tokens, to - 1).start)) to--
  while (from < to && EDGE_PUNCT.test(at(tokens, from).text)) from++
  // Stops at the second word: counting all of a long sentence's words per quote went quadratic.
  let words = 0
  for (let i = from; i < to && words < 2; i++) if (/[\p{L}\p{N}]/u.test(at(tokens, i).text)) words++
  if (words < 2) return null
  return { start: at(tokens, from).start, end: at(tokens, to - 1).end }
}

/** Mixed when the reported content holds a quoted part, indirect otherwise. */
export function reportedKind (doc: Doc, span: Span): QuoteKind {
  const outer = outerRegions(doc.regions)
  const first = outer[firstOpenAtOrAfter(outer, span.start)]
  return first && first.open < span.end ? 'mixed' : 'indirect'
}
