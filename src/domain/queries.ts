// What a client may ask of each list: the filters, in the domain's words. The routes parse the query
// string into these; the store turns them into SQL.
import type { EntityType, QuoteKind } from './values.js'

export interface ArticleFilters {
  /** Articles that mention every one of these entities. */
  entity?: string[] | undefined
  /** Articles that quote every one of these entities. */
  speaker?: string[] | undefined
  dateline?: string | undefined
  publisher?: string | undefined
  /** Publication time bounds, inclusive, as UTC ISO 8601 with milliseconds. */
  from?: string | undefined
  to?: string | undefined
  /** A search in the query language (docs/api.md). */
  q?: string | undefined
}

export interface QuoteFilters {
  speaker?: string | undefined
  /** Quotes whose content mentions every one of these entities. */
  about?: string[] | undefined
  cue?: string | undefined
  kind?: QuoteKind | undefined
  articleId?: string | undefined
  /** Quotes of this statement. */
  statement?: string | undefined
  /** Quotes outside this article (an echo list leaves the quote's own article out). */
  exceptArticle?: string | undefined
  /** Quotes whose statement at least this many other articles carry. */
  minEchoes?: number | undefined
  /** Bounds on the article's publication time, inclusive, UTC ISO 8601 with milliseconds. */
  from?: string | undefined
  to?: string | undefined
  q?: string | undefined
}

export interface EntityFilters {
  type?: EntityType | undefined
  /** The start of a name or alias, or of any word in it, matched case-insensitively. */
  q?: string | undefined
  minArticles?: number | undefined
}

export interface StatementFilters {
  speaker?: string | undefined
  /** Statements with a quote whose content mentions every one of these entities. */
  about?: string[] | undefined
  /** Bounds on the first appearance, inclusive, UTC ISO 8601 with milliseconds. */
  from?: string | undefined
  to?: string | undefined
  minArticles?: number | undefined
}

export interface TimelineFilters {
  /** Articles that mention it; quotes whose content mentions it. */
  entity?: string | undefined
  /** Articles that quote it; quotes it spoke. */
  speaker?: string | undefined
  from?: string | undefined
  to?: string | undefined
}

export interface ArticleEntityFilters {
  articleId: string
}

export interface RelatedEntityFilters {
  /** The entity whose company is listed. */
  id: string
  type?: EntityType | undefined
}
