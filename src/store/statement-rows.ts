// A statement's row as both adapters select it (the same columns, the same names) and how it
// becomes the domain's Statement: written once, as article-structure.ts is for the article's parts.
import type { Speaker } from '../domain/resources.js'
import type { Statement } from '../domain/statements.js'

export interface StatementRowColumns {
  id: string
  text: string
  speaker_id: string | null
  speaker_name: string | null
  speaker_type: Speaker['type'] | null
  first_quote_id: string
  first_article_id: string
  publisher: string | null
  first_seen: string
  quote_count: number
  article_count: number
  publisher_count: number
  variant_count: number
}

export const STATEMENT_COLUMNS = `s.id, s.text, s.speaker_id, e.name AS speaker_name, e.type AS speaker_type, s.first_quote_id,
  s.first_article_id, a.publisher, s.first_seen, s.quote_count, s.article_count, s.publisher_count, s.variant_count`
/** Statements with their speakers' names and their first article's publisher. */
export const STATEMENTS_FROM = 'statements s LEFT JOIN entities e ON e.id = s.speaker_id LEFT JOIN articles a ON a.id = s.first_article_id'

export function toStatement (row: StatementRowColumns): Statement {
  return {
    id: row.id,
    text: row.text,
    speaker: row.speaker_id === null || row.speaker_name === null || row.speaker_type === null
      ? null
      : { id: row.speaker_id, name: row.speaker_name, type: row.speaker_type },
    firstAppearance: { quoteId: row.first_quote_id, articleId: row.first_article_id, publisher: row.publisher, at: row.first_seen },
    articles: row.article_count,
    publishers: row.publisher_count,
    quoteCount: row.quote_count,
    variantCount: row.variant_count
  }
}
