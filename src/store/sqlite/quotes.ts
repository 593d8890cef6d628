import type { Statement } from 'better-sqlite3'
import type { Span } from '../../domain/extraction.js'
import type { Db } from './connection.js'
import { decodeCursor, toPage } from './cursor.js'
import type { Page, Quote } from '../../domain/resources.js'
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
  sort_at: string
}

export const QUOTE_COLUMNS = `q.id, q.article_id, q.position, q.kind, q.text, q.spans, q.cue_text, q.cue_start, q.cue_end,
  q.source_text, q.source_start, q.source_end, q.speaker_id, e.name AS speaker_name, e.type AS speaker_type,
  q.paragraph, q.sort_at`
const FROM = 'FROM quotes q LEFT JOIN entities e ON e.id = q.speaker_id'

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
    paragraph: row.paragraph
  }
}

export interface QuoteFilter {
  speaker?: string | undefined
  articleId?: string | undefined
  kind?: QuoteKind | undefined
}

export interface QuoteListOptions extends QuoteFilter {
  limit: number
  cursor?: string | undefined
}

// Across articles: newest article first, each article's quotes in document order.
const ORDER = 'ORDER BY q.sort_at DESC, q.article_id DESC, q.position ASC'
const AFTER = `(q.sort_at < @sortAt OR (q.sort_at = @sortAt AND
  (q.article_id < @afterArticle OR (q.article_id = @afterArticle AND q.position > @afterPosition))))`
const CURSOR_SHAPE = ['s', 's', 'n'] as const
const FILTERS = ['speaker', 'articleId', 'kind'] as const
const FILTER_SQL: Record<(typeof FILTERS)[number], string> = {
  speaker: 'q.speaker_id = @speaker',
  articleId: 'q.article_id = @articleId',
  kind: 'q.kind = @kind'
}

/** Reads quotes with their resolved speakers. */
export class QuoteRepository {
  readonly #byId: Statement<[string], QuoteRow>
  // one statement per combination of filters and cursor, prepared up front
  readonly #lists = new Map<string, Statement<Record<string, unknown>, QuoteRow>>()

  constructor (db: Db) {
    this.#byId = db.prepare(`SELECT ${QUOTE_COLUMNS} ${FROM} WHERE q.id = ?`)
    for (let mask = 0; mask < 1 << (FILTERS.length + 1); mask++) {
      const used = FILTERS.filter((_, i) => mask & (1 << i))
      const withCursor = (mask & (1 << FILTERS.length)) !== 0
      const where = used.map((f) => FILTER_SQL[f])
      if (withCursor) where.push(AFTER)
      const sql = `SELECT ${QUOTE_COLUMNS} ${FROM} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ${ORDER} LIMIT @limit`
      this.#lists.set(listKey(used, withCursor), db.prepare(sql))
    }
  }

  get (id: string): Quote | null {
    const row = this.#byId.get(id)
    return row ? toQuote(row) : null
  }

  list (options: QuoteListOptions): Page<Quote> {
    const used = FILTERS.filter((f) => options[f] !== undefined)
    const params: Record<string, unknown> = { limit: options.limit + 1 }
    for (const f of used) params[f] = options[f]
    if (options.cursor !== undefined) {
      const [sortAt, articleId, position] = decodeCursor(options.cursor, CURSOR_SHAPE)
      Object.assign(params, { sortAt, afterArticle: articleId, afterPosition: position })
    }
    const statement = this.#lists.get(listKey(used, options.cursor !== undefined))
    if (!statement) throw new Error('no statement prepared for this filter combination')
    return toPage(statement.all(params), options.limit, toQuote, (row) => [row.sort_at, row.article_id, row.position])
  }
}

function listKey (filters: readonly string[], withCursor: boolean): string {
  return `${filters.join(',')}|${withCursor ? 'after' : 'first'}`
}
