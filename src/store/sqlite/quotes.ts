import type { Statement } from 'better-sqlite3'
import type { Span } from '../../domain/extraction.js'
import type { Db } from './connection.js'
import type { Quote } from '../../domain/resources.js'
import type { QuoteKind } from '../../domain/values.js'

export interface QuoteRow {
  id: string
  article_id: string
  position: number
  kind: QuoteKind
  text: string
  spans: string
  cue_text: string | null
  cue_start: number | null
  cue_end: number | null
  source_text: string | null
  source_start: number | null
  source_end: number | null
  speaker_id: string | null
  speaker_name: string | null
  speaker_type: NonNullable<Quote['speaker']>['type'] | null
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
    spans: JSON.parse(row.spans) as Span[],
    cue: textSpan(row.cue_text, row.cue_start, row.cue_end),
    source: textSpan(row.source_text, row.source_start, row.source_end),
    speaker: row.speaker_id === null || row.speaker_name === null || row.speaker_type === null
      ? null
      : { id: row.speaker_id, name: row.speaker_name, type: row.speaker_type },
    paragraph: row.paragraph,
    statementId: row.statement_id
  }
}

/** Reads one quote with its resolved speaker (lists: quote-list.ts). */
export class QuoteRepository {
  readonly #byId: Statement<[string], QuoteRow>

  constructor (db: Db) {
    this.#byId = db.prepare(`SELECT ${QUOTE_COLUMNS} FROM ${QUOTES_FROM} WHERE q.id = ?`)
  }

  get (id: string): Quote | null {
    const row = this.#byId.get(id)
    return row ? toQuote(row) : null
  }
}
