// The value lists every layer shares: the extractor produces them, the store filters and groups by
// them, the schemas turn them into enums, the routes parse them. Declared once, here.

export const ENTITY_TYPES = ['person', 'organization', 'location', 'facility', 'group', 'other'] as const
export type EntityType = (typeof ENTITY_TYPES)[number]

export const QUOTE_KINDS = ['direct', 'indirect', 'mixed'] as const
export type QuoteKind = (typeof QUOTE_KINDS)[number]

export const PARAGRAPH_KINDS = ['paragraph', 'heading'] as const
export type ParagraphKind = (typeof PARAGRAPH_KINDS)[number]

/** The orders of the searchable article and quote lists; `relevance` needs a search. */
export const SEARCH_SORTS = ['newest', 'oldest', 'relevance'] as const
export type SearchSort = (typeof SEARCH_SORTS)[number]

export const ARTICLE_FACETS = ['entity', 'dateline', 'publisher'] as const
export type ArticleFacet = (typeof ARTICLE_FACETS)[number]
export const ARTICLE_FIELDS = ['id', 'title', 'dek', 'byline', 'dateline', 'publishedAt', 'publisher', 'url', 'language', 'lede', 'quoteCount',
  'entityCount', 'extractorVersion', 'createdAt', 'snippet'] as const
export type ArticleField = (typeof ARTICLE_FIELDS)[number]
export const ARTICLE_EXPANSIONS = ['quotes', 'entities'] as const
export type ArticleExpansion = (typeof ARTICLE_EXPANSIONS)[number]

export const QUOTE_FACETS = ['speaker', 'kind', 'cue'] as const
export type QuoteFacet = (typeof QUOTE_FACETS)[number]
export const QUOTE_FIELDS = ['id', 'articleId', 'text', 'kind', 'spans', 'cue', 'source', 'speaker', 'paragraph', 'statementId', 'snippet'] as const
export type QuoteField = (typeof QUOTE_FIELDS)[number]

/** `mentions`: most mentioned first; `articles`: mentioned in most articles first. */
export const ENTITY_SORTS = ['mentions', 'articles'] as const
export type EntitySort = (typeof ENTITY_SORTS)[number]
export const ENTITY_FACETS = ['type'] as const
export type EntityFacet = (typeof ENTITY_FACETS)[number]
export const ENTITY_FIELDS = ['id', 'name', 'type', 'aliases', 'titles', 'articleCount', 'mentionCount', 'quoteCount', 'identifiers'] as const
export type EntityField = (typeof ENTITY_FIELDS)[number]

/** Statements by first appearance, newest or oldest first, or carried by most articles first. */
export const STATEMENT_SORTS = ['newest', 'oldest', 'articles'] as const
export type StatementSort = (typeof STATEMENT_SORTS)[number]

export const TIMELINE_INTERVALS = ['day', 'week', 'month'] as const
export type TimelineInterval = (typeof TIMELINE_INTERVALS)[number]
