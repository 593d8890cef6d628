// The resources the service stores and answers, as every layer sees them: the store maps its rows to
// these, the services and routes pass them on, and the zod schemas in src/schemas describe the same
// shapes (test/schemas/domain-types.test.ts checks at type level that the two agree).
import type { Dateline, Paragraph, Span, TextSpan } from './extraction.js'
import type { EntityType, QuoteKind } from './values.js'

export interface ArticleSummary {
  /** Derived from the text: the same text always has the same id. */
  id: string
  title: string | null
  dek: string | null
  byline: string | null
  dateline: Dateline | null
  publishedAt: string | null
  publisher: string | null
  url: string | null
  language: string
  quoteCount: number
  entityCount: number
  extractorVersion: string
  createdAt: string
  /** The first body paragraph. */
  lede: string
}

export interface Article extends ArticleSummary {
  /** The document verbatim, as submitted. */
  text: string
  paragraphs: Paragraph[]
  /** Production matter after the story, with offsets into `text`. */
  trailer: TextSpan[]
}

/** An article of a searchable list: with a search, its best passage marked with <mark>…</mark>. */
export interface ArticleHit extends ArticleSummary {
  snippet?: string
}

export interface Speaker {
  id: string
  name: string
  type: EntityType
}

export interface Quote {
  id: string
  articleId: string
  text: string
  kind: QuoteKind
  spans: Span[]
  cue: TextSpan | null
  source: TextSpan | null
  /** The entity the source resolves to; null for an unnamed source. */
  speaker: Speaker | null
  /** The paragraph holding the content; null in the title. */
  paragraph: number | null
  /** The statement this quote belongs to (the same words in other articles); null until assigned. */
  statementId: string | null
}

export interface QuoteHit extends Quote {
  snippet?: string
}

export interface EntityIdentifiers {
  iso3166?: string
  geonamesId?: number
}

export interface Entity {
  id: string
  name: string
  type: EntityType
  aliases: string[]
  titles: string[]
  articleCount: number
  mentionCount: number
  quoteCount: number
  identifiers: EntityIdentifiers
}

/** An entity as one article has it: with its mentions there. */
export interface ArticleEntity extends Entity {
  mentions: TextSpan[]
}

/** An entity that co-occurs with another: how many articles mention both, and some of them. */
export interface RelatedEntity {
  id: string
  name: string
  type: EntityType
  articleCount: number
  articleIds: string[]
}

export interface FacetBucket {
  value: string
  /** The entity's name, for facets whose values are entity ids. */
  name?: string
  count: number
}

export interface TimelineBucket {
  /** The period's first day: 2025-12-17 (day), the Monday 2025-12-15 (week), 2025-12 (month). */
  period: string
  articles: number
  quotes: number
}

/** One page of a keyset-paged list. */
export interface Page<T> {
  items: T[]
  /** Cursor of the next page, or null when this one is the last. */
  next: string | null
}
