import type { CsvColumn } from './formats.js'
import type { ArticleHit, Entity, QuoteHit, RelatedEntity } from '../../domain/resources.js'
import type { QuoteEcho, Statement } from '../../domain/statements.js'

// One row per item; nested values are flattened into their own columns, lists joined with "; ".

export const ARTICLE_CSV: CsvColumn<ArticleHit>[] = [
  { header: 'id', field: 'id', value: (a) => a.id },
  { header: 'title', field: 'title', value: (a) => a.title },
  { header: 'dek', field: 'dek', value: (a) => a.dek },
  { header: 'byline', field: 'byline', value: (a) => a.byline },
  { header: 'dateline', field: 'dateline', value: (a) => a.dateline?.text },
  { header: 'datelinePlace', field: 'dateline', value: (a) => a.dateline?.place },
  { header: 'datelineAgency', field: 'dateline', value: (a) => a.dateline?.agency },
  { header: 'datelineDate', field: 'dateline', value: (a) => a.dateline?.date },
  { header: 'publishedAt', field: 'publishedAt', value: (a) => a.publishedAt },
  { header: 'publisher', field: 'publisher', value: (a) => a.publisher },
  { header: 'url', field: 'url', value: (a) => a.url },
  { header: 'language', field: 'language', value: (a) => a.language },
  { header: 'quoteCount', field: 'quoteCount', value: (a) => a.quoteCount },
  { header: 'entityCount', field: 'entityCount', value: (a) => a.entityCount },
  { header: 'extractorVersion', field: 'extractorVersion', value: (a) => a.extractorVersion },
  { header: 'createdAt', field: 'createdAt', value: (a) => a.createdAt },
  { header: 'lede', field: 'lede', value: (a) => a.lede },
  { header: 'snippet', field: 'snippet', value: (a) => a.snippet }
]

export const QUOTE_CSV: CsvColumn<QuoteHit>[] = [
  { header: 'id', field: 'id', value: (q) => q.id },
  { header: 'articleId', field: 'articleId', value: (q) => q.articleId },
  { header: 'kind', field: 'kind', value: (q) => q.kind },
  { header: 'text', field: 'text', value: (q) => q.text },
  { header: 'cue', field: 'cue', value: (q) => q.cue?.text },
  { header: 'source', field: 'source', value: (q) => q.source?.text },
  { header: 'speakerId', field: 'speaker', value: (q) => q.speaker?.id },
  { header: 'speakerName', field: 'speaker', value: (q) => q.speaker?.name },
  { header: 'speakerType', field: 'speaker', value: (q) => q.speaker?.type },
  { header: 'paragraph', field: 'paragraph', value: (q) => q.paragraph },
  { header: 'statementId', field: 'statementId', value: (q) => q.statementId },
  { header: 'snippet', field: 'snippet', value: (q) => q.snippet }
]

export const ECHO_CSV: CsvColumn<QuoteEcho>[] = [
  ...QUOTE_CSV.filter((c) => c.field !== 'snippet') as unknown as CsvColumn<QuoteEcho>[],
  { header: 'relation', field: 'echo', value: (q) => q.echo.relation },
  { header: 'similarity', field: 'echo', value: (q) => q.echo.similarity }
]

export const STATEMENT_CSV: CsvColumn<Statement>[] = [
  { header: 'id', field: 'id', value: (s) => s.id },
  { header: 'text', field: 'text', value: (s) => s.text },
  { header: 'speakerId', field: 'speaker', value: (s) => s.speaker?.id },
  { header: 'speakerName', field: 'speaker', value: (s) => s.speaker?.name },
  { header: 'firstQuoteId', field: 'firstAppearance', value: (s) => s.firstAppearance.quoteId },
  { header: 'firstArticleId', field: 'firstAppearance', value: (s) => s.firstAppearance.articleId },
  { header: 'firstPublisher', field: 'firstAppearance', value: (s) => s.firstAppearance.publisher },
  { header: 'firstSeen', field: 'firstAppearance', value: (s) => s.firstAppearance.at },
  { header: 'articles', field: 'articles', value: (s) => s.articles },
  { header: 'publishers', field: 'publishers', value: (s) => s.publishers },
  { header: 'quoteCount', field: 'quoteCount', value: (s) => s.quoteCount },
  { header: 'variantCount', field: 'variantCount', value: (s) => s.variantCount }
]

export const ENTITY_CSV: CsvColumn<Entity>[] = [
  { header: 'id', field: 'id', value: (e) => e.id },
  { header: 'name', field: 'name', value: (e) => e.name },
  { header: 'type', field: 'type', value: (e) => e.type },
  { header: 'aliases', field: 'aliases', value: (e) => e.aliases.join('; ') },
  { header: 'titles', field: 'titles', value: (e) => e.titles.join('; ') },
  { header: 'articleCount', field: 'articleCount', value: (e) => e.articleCount },
  { header: 'mentionCount', field: 'mentionCount', value: (e) => e.mentionCount },
  { header: 'quoteCount', field: 'quoteCount', value: (e) => e.quoteCount },
  { header: 'iso3166', field: 'identifiers', value: (e) => e.identifiers.iso3166 },
  { header: 'geonamesId', field: 'identifiers', value: (e) => e.identifiers.geonamesId }
]

export const RELATED_CSV: CsvColumn<RelatedEntity>[] = [
  { header: 'id', field: 'id', value: (e) => e.id },
  { header: 'name', field: 'name', value: (e) => e.name },
  { header: 'type', field: 'type', value: (e) => e.type },
  { header: 'articleCount', field: 'articleCount', value: (e) => e.articleCount },
  { header: 'articleIds', field: 'articleIds', value: (e) => e.articleIds.join('; ') }
]
