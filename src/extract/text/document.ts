// The internal document the stages after segmentation share: paragraphs, quoted regions and
// sentences. The title is kept as a pseudo-sentence (paragraph TITLE_PARAGRAPH) so entities and the
// headline quote convention can be read from it like from any other sentence.
import { findQuotedRegions, firstOpenAtOrAfter, outerRegions, type QuotedRegion } from './quote-marks.js'
import { splitSentences } from './sentences.js'
import { tokenize } from './tokenizer.js'
import type { Paragraph, Sentence, TextSpan } from '../../domain/extraction.js'

export const TITLE_PARAGRAPH = -1

export interface Doc {
  text: string
  title: TextSpan | null
  paragraphs: Paragraph[]
  regions: QuotedRegion[]
  /** The title's pseudo-sentence first (when there is a title), then the body's in order. */
  sentences: Sentence[]
}

export function buildDoc (text: string, title: TextSpan | null, paragraphs: Paragraph[]): Doc {
  const regions = findQuotedRegions(text, paragraphs)
  const sentences: Sentence[] = []
  if (title) {
    const tokens = tokenize(text, title.start, title.end)
    if (tokens.length) sentences.push({ start: title.start, end: title.end, paragraph: TITLE_PARAGRAPH, tokens })
  }
  const byParagraph = new Map<number, QuotedRegion[]>()
  for (const r of regions) {
    const own = byParagraph.get(r.paragraph)
    if (own) own.push(r)
    else byParagraph.set(r.paragraph, [r])
  }
  // A loop, not push(...): spreading a 1 MB paragraph's sentences would overflow the call stack.
  for (const p of paragraphs) for (const s of splitSentences(text, p, byParagraph.get(p.index) ?? [])) sentences.push(s)
  return { text, title, paragraphs, regions, sentences }
}

/** The depth-0 quoted region holding the offset, if any. */
export function regionAt (doc: Doc, offset: number): QuotedRegion | undefined {
  const outer = outerRegions(doc.regions)
  const r = outer[firstOpenAtOrAfter(outer, offset + 1) - 1]
  return r && offset >= r.open && offset < r.end ? r : undefined
}
