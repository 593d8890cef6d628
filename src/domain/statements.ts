// Quote echoes (issue 17): every stored quote belongs to one statement, the same words by the same
// speaker in other articles. The relation of an echo is said from the quote's side: `contained`
// means this quote is inside the echo (a partial quote of it), `contains` the reverse.
import type { Span } from './extraction.js'
import type { Quote, Speaker } from './resources.js'

export const ECHO_RELATIONS = ['exact', 'contained', 'contains', 'variant'] as const
export type EchoRelation = (typeof ECHO_RELATIONS)[number]

/** What statement matching needs of a stored quote. */
export interface StatementQuote {
  id: string
  articleId: string
  text: string
  /** The resolved speaker's entity id; null for an unnamed or unresolved source. */
  speakerId: string | null
  /** A stable sort key (e.g. the article's createdAt then the quote id): the earliest quote of a statement names it. */
  order: string
}

/** The words a variant changes, as spans into each quote's own text. */
export interface EchoDifferences {
  here: Span[]
  there: Span[]
}

export interface EchoMatch {
  relation: EchoRelation
  /** 0..1: 1 for an exact copy; the covered share for containment; shingle Jaccard for a variant. */
  similarity: number
  /** For a variant only; null otherwise. */
  differences: EchoDifferences | null
}

/** Where a statement was first seen: the earliest quote, its article, publisher and time. */
export interface FirstAppearance {
  quoteId: string
  articleId: string
  publisher: string | null
  /** UTC: the article's publication time, else when it was stored. */
  at: string
}

/** A statement: the same words by the same speaker across articles. */
export interface Statement {
  /** Its earliest quote's id. */
  id: string
  /** The fullest wording (most words; ties: the earliest), as printed. */
  text: string
  speaker: Speaker | null
  firstAppearance: FirstAppearance
  /** Articles and publishers that carry it. */
  articles: number
  publishers: number
  quoteCount: number
  /** Distinct wordings. */
  variantCount: number
}

/** One wording of a statement, with how it relates to the statement's text. */
export interface StatementVariant {
  text: string
  firstQuoteId: string
  quoteCount: number
  articles: number
  relation: EchoRelation
  similarity: number
}

export interface StatementDetail extends Statement {
  /** Its quotes, oldest first (the first ones; GET /quotes?statement= pages them all). */
  quotes: Quote[]
  variants: StatementVariant[]
}

/** A quote of another article carrying the same statement, and how it relates to the quote asked about. */
export interface QuoteEcho extends Quote {
  echo: EchoMatch
}
