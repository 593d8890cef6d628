// Quote echoes (issue 17): every stored quote belongs to one statement, the same words by the same
// speaker in other articles. The relation of an echo is said from the quote's side: `contained`
// means this quote is inside the echo (a partial quote of it), `contains` the reverse.
import type { Span } from './extraction.js'

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
