// The internal document the stages after segmentation share: paragraphs, quoted regions and
// sentences. The title is kept as a pseudo-sentence (paragraph TITLE_PARAGRAPH) so entities and the
// headline quote convention can be read from it like from any other sentence.
import { findQuotedRegions, type QuotedRegion } from './quotemarks.js'
import { splitSentences } from './sentences.js'
import { tokenize } from './tokens.js'
import type { Paragraph, Sentence, TextSpan } from './types.js'

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
  for (const p of paragraphs) sentences.push(...splitSentences(text, p, regions))
  return { text, title, paragraphs, regions, sentences }
}

/** The depth-0 quoted region holding the offset, if any. */
export function regionAt (doc: Doc, offset: number): QuotedRegion | undefined {
  return doc.regions.find((r) => r.depth === 0 && offset >= r.open && offset < r.end)
}
