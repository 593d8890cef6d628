// The columns every read of an article, quote or entity selects, and how a row becomes the domain's
// resource: the same shapes src/store/sqlite/{articles,quotes,entities}.ts give. PostgreSQL hands
// back typed values (json parsed, arrays as arrays, timestamptz as the ISO string: see createPool's
// type parsers in connection.ts, which every pool these reads run over must use).
import type { Span } from '../../domain/extraction.js'
import type { ArticleSummary, Entity, Quote } from '../../domain/resources.js'
import type { EntityType, QuoteKind } from '../../domain/values.js'
import { datelineOf, type DatelineRow } from '../article-structure.js'

export interface ArticleRow extends DatelineRow {
  id: string
  title: string | null
  dek: string | null
  byline: string | null
  published_at: string | null
  publisher: string | null
  url: string | null
  language: string
  lede: string
  quote_count: number
  entity_count: number
  extractor_version: string
  created_at: string
  sort_at: string
}

export const ARTICLE_COLUMNS = `a.id, a.title, a.dek, a.byline, a.dateline, a.dateline_text, a.dateline_agency, a.dateline_date, a.published_at, a.publisher, a.url, a.language, a.lede,
  a.quote_count, a.entity_count, a.extractor_version, a.created_at, a.sort_at`

export function toSummary (row: ArticleRow): ArticleSummary {
  return {
    id: row.id,
    title: row.title,
    dek: row.dek,
    byline: row.byline,
    dateline: datelineOf(row),
    publishedAt: row.published_at,
    publisher: row.publisher,
    url: row.url,
    language: row.language,
    lede: row.lede,
    quoteCount: row.quote_count,
    entityCount: row.entity_count,
    extractorVersion: row.extractor_version,
    createdAt: row.created_at
  }
}

export interface QuoteRow {
  id: string
  article_id: string
  position: number
  kind: QuoteKind
  text: string
  spans: Span[]
  cue_text: string | null
  cue_start: number | null
  cue_end: number | null
  source_text: string | null
  source_start: number | null
  source_end: number | null
  speaker_id: string | null
  speaker_name: string | null
  speaker_type: EntityType | null
  paragraph: number | null
  statement_id: string | null
  sort_at: string
}

export const QUOTE_COLUMNS = `q.id, q.article_id, q.position, q.kind, q.text, q.spans, q.cue_text, q.cue_start, q.cue_end,
  q.source_text, q.source_start, q.source_end, q.speaker_id, e.name AS speaker_name, e.type AS speaker_type,
  q.paragraph, q.statement_id, q.sort_at`
/** Quotes with their speakers' names: what every quote read selects from. */
export const QUOTES_FROM = 'quotes q LEFT JOIN entities e ON e.id = q.speaker_id'

function textSpan (text: string | null, start: number | null, end: number | null) {
  return text === null || start === null || end === null ? null : { text, start, end }
}

export function toQuote (row: QuoteRow): Quote {
  return {
    id: row.id,
    articleId: row.article_id,
    text: row.text,
    kind: row.kind,
    spans: row.spans,
    cue: textSpan(row.cue_text, row.cue_start, row.cue_end),
    source: textSpan(row.source_text, row.source_start, row.source_end),
    speaker: row.speaker_id === null || row.speaker_name === null || row.speaker_type === null
      ? null
      : { id: row.speaker_id, name: row.speaker_name, type: row.speaker_type },
    paragraph: row.paragraph,
    statementId: row.statement_id
  }
}

export interface EntityRow {
  id: string
  name: string
  type: EntityType
  aliases: string[]
  titles: string[]
  article_count: number
  mention_count: number
  quote_count: number
  iso3166: string | null
  geonames_id: number | null
}

// aliases and titles in byte order (their columns are COLLATE "C"), as SQLite's BINARY orders them
export const ENTITY_COLUMNS = `e.id, e.name, e.type, e.article_count, e.mention_count, e.quote_count, e.iso3166, e.geonames_id,
  ARRAY(SELECT alias FROM entity_aliases WHERE entity_id = e.id ORDER BY alias) AS aliases,
  ARRAY(SELECT title FROM entity_titles WHERE entity_id = e.id ORDER BY title) AS titles`

export function toEntity (row: EntityRow): Entity {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    aliases: row.aliases,
    titles: row.titles,
    articleCount: row.article_count,
    mentionCount: row.mention_count,
    quoteCount: row.quote_count,
    identifiers: {
      ...(row.iso3166 === null ? {} : { iso3166: row.iso3166 }),
      ...(row.geonames_id === null ? {} : { geonamesId: row.geonames_id })
    }
  }
}

export { STATEMENT_COLUMNS, STATEMENTS_FROM, toStatement, type StatementRowColumns } from '../statement-rows.js'
