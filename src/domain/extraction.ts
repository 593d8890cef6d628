// The data the extraction pipeline produces. Every span is { start, end } into the article's
// verbatim text (JavaScript string indices), and text.slice(start, end) is what the span says.
import type { EntityType, ParagraphKind, QuoteKind } from './values.js'

export interface Span {
  start: number
  end: number
}

export interface TextSpan extends Span {
  text: string
}


export interface Paragraph extends TextSpan {
  /** Position among the body's paragraphs and headings, from 0. */
  index: number
  kind: ParagraphKind
}

export interface Token extends TextSpan {}

export interface Sentence extends Span {
  paragraph: number
  tokens: Token[]
}

/** One referent of an article: every mention of it ("Sergey Lavrov", "Lavrov", "the top Russian diplomat"). */
export interface ExtractedEntity {
  /** Stable, readable id shared across articles: see entityId(). */
  id: string
  /** Canonical name: the fullest form. */
  name: string
  type: EntityType
  /** Surface forms seen in this article, the canonical name included. */
  aliases: string[]
  /** Roles seen with a person ("Foreign Minister"). */
  titles: string[]
  /** In document order. */
  mentions: TextSpan[]
}

export interface ExtractedQuote {
  /** The content, its fragments joined by a space. */
  text: string
  kind: QuoteKind
  /** The content's fragments, in document order. */
  spans: Span[]
  cue: TextSpan | null
  /** The source as written ("he", "media reports"). */
  source: TextSpan | null
  /** Id of the entity the source resolves to, or null for an unnamed source. */
  speakerId: string | null
  /** Index of the paragraph holding the content, or null for the title. */
  paragraph: number | null
}

/** Where (and when, and through which agency) a story was filed, each part as written. */
export interface Dateline {
  /** Verbatim with its dash: "HEMPSTEAD, N.Y., Sept. 26 (UPI) —". */
  text: string
  /** "HEMPSTEAD, N.Y." */
  place: string
  agency: string | null
  date: string | null
}

export interface ParsedArticle {
  title: string | null
  titleSpan: Span | null
  /** The second headline line, when one follows the first (after a ";"). */
  dek: string | null
  byline: string | null
  dateline: Dateline | null
  /** The first body paragraph's text (for list views). */
  lede: string
  paragraphs: Paragraph[]
  /** Production matter after the story (credits, corrections, bios…): in the text, not among the paragraphs. */
  trailer: TextSpan[]
  entities: ExtractedEntity[]
  /** In document order. */
  quotes: ExtractedQuote[]
}
