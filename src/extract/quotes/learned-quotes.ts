// Quotes from the learned attribution models (attributions.ts and what it calls), in the quote stages'
// working form. The kind follows from the content: wholly inside quotation marks is direct, holding
// a quoted part is mixed, anything else indirect.
import { tagAttributions } from './attributions.js'
import type { AttributionModels } from './attribution-model.js'
import { TITLE_PARAGRAPH, type Doc } from '../text/document.js'
import { textSpan, type RawQuote } from './raw-quote.js'
import type { Span } from '../../domain/extraction.js'
import type { QuoteKind } from '../../domain/values.js'

const OPENING = /^["“„«‘'‚]/u
const CLOSING = /["”»’']$/u
const MARK = /["“”„«»]/u

function kindOf (doc: Doc, spans: Span[]): QuoteKind {
  const first = spans[0]
  const last = spans[spans.length - 1]
  if (!first || !last) return 'indirect'
  const text = spans.map((s) => doc.text.slice(s.start, s.end)).join(' ')
  const wholly = OPENING.test(doc.text.slice(first.start, first.end)) && CLOSING.test(doc.text.slice(last.start, last.end).replace(/[,.;:!?]+$/u, ''))
  if (wholly && doc.regions.some((r) => r.depth === 0 && r.open <= first.start && r.end >= first.end)) return 'direct'
  return MARK.test(text) ? 'mixed' : 'indirect'
}

/** `knownCues`: cues the rules attributed already, skipped. */
export function learnedQuotes (doc: Doc, models: AttributionModels, knownCues: Span[] = [], knownTagged: Span[] = []): RawQuote[] {
  const quotes: RawQuote[] = []
  const sourcedInSentence = new Map<number, RawQuote>()
  for (const a of tagAttributions(doc, models, knownCues, knownTagged)) {
    const paragraph = doc.sentences[a.sentence]?.paragraph ?? null
    // a source-less cue in a sentence with an attributed quote before it takes that quote's speaker ("…, urging …")
    const parent = a.source ? null : sourcedInSentence.get(a.sentence) ?? null
    const quote: RawQuote = {
      kind: kindOf(doc, a.content),
      spans: a.content,
      cue: textSpan(doc, a.cue.start, a.cue.end),
      source: a.source ? textSpan(doc, a.source.start, a.source.end) : null,
      paragraph: paragraph === TITLE_PARAGRAPH ? null : paragraph,
      sentence: a.sentence,
      hint: a.source ? 'source' : parent ? 'clause' : 'previous',
      parent
    }
    quotes.push(quote)
    if (quote.source) sourcedInSentence.set(a.sentence, quote)
  }
  return quotes
}
