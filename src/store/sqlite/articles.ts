import type { Statement } from 'better-sqlite3'
import type { Db } from './connection.js'
import type { Article, ArticleSummary } from '../../domain/resources.js'
import { datelineOf, trailerOf, type DatelineRow } from '../article-structure.js'

/** An `articles` row as the summary queries select it. */
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

interface FullArticleRow extends ArticleRow {
  text: string
  trailer: string
}

interface ParagraphRow {
  idx: number
  kind: 'paragraph' | 'heading'
  text: string
  start: number
  end: number
}

/** The columns an ArticleRow holds. */
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

/** Reads one article with its paragraphs, and what re-extraction needs (lists: article-list.ts). */
export class ArticleRepository {
  readonly #byId: Statement<[string], FullArticleRow>
  readonly #paragraphs: Statement<[string], ParagraphRow>
  readonly #exists: Statement<[string], { id: string }>
  readonly #any: Statement<[], { id: string }>
  readonly #versions: Statement<[], { version: string, count: number }>
  readonly #toReparse: Statement<[string, string, number], { id: string, text: string }>

  constructor (db: Db) {
    this.#byId = db.prepare(`SELECT ${ARTICLE_COLUMNS}, a.text, a.trailer FROM articles a WHERE a.id = ?`)
    this.#paragraphs = db.prepare('SELECT idx, kind, text, start, "end" FROM paragraphs WHERE article_id = ? ORDER BY idx')
    this.#exists = db.prepare('SELECT id FROM articles WHERE id = ?')
    this.#any = db.prepare('SELECT id FROM articles LIMIT 1')
    this.#versions = db.prepare(`SELECT extractor_version AS version, count(*) AS count FROM articles
      GROUP BY extractor_version`)
    this.#toReparse = db.prepare(`SELECT id, text FROM articles WHERE extractor_version = ? AND id > ?
      ORDER BY id LIMIT ?`)
  }

  get (id: string): Article | null {
    const row = this.#byId.get(id)
    if (!row) return null
    const paragraphs = this.#paragraphs.all(id).map((p) => ({ index: p.idx, kind: p.kind, text: p.text, start: p.start, end: p.end }))
    return { ...toSummary(row), text: row.text, paragraphs, trailer: trailerOf(row.text, JSON.parse(row.trailer) as Array<{ start: number, end: number }>) }
  }

  exists (id: string): boolean {
    return this.#exists.get(id) !== undefined
  }

  isEmpty (): boolean {
    return this.#any.get() === undefined
  }

  /** How many articles each extractor version parsed. */
  countByExtractorVersion (): Map<string, number> {
    return new Map(this.#versions.all().map((row) => [row.version, row.count]))
  }

  /** The next `limit` articles (id and text) parsed by `version`, in id order after `afterId`. */
  parsedBy (version: string, afterId: string, limit: number): { id: string, text: string }[] {
    return this.#toReparse.all(version, afterId, limit)
  }
}
