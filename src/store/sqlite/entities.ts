import type { Statement } from 'better-sqlite3'
import type { TextSpan } from '../../domain/extraction.js'
import type { Db } from './connection.js'
import { decodeCursor, toPage } from './cursor.js'
import type { ArticleEntity, Entity, Page } from '../../domain/resources.js'
import type { EntityType } from '../../domain/values.js'

export interface EntityRow {
  id: string
  name: string
  type: EntityType
  aliases: string
  titles: string
  article_count: number
  mention_count: number
  quote_count: number
  iso3166: string | null
  geonames_id: number | null
}

interface ArticleEntityRow extends EntityRow {
  position: number
  mentions: string
}

export const ENTITY_COLUMNS = `e.id, e.name, e.type, e.article_count, e.mention_count, e.quote_count, e.iso3166, e.geonames_id,
  (SELECT json_group_array(alias ORDER BY alias) FROM entity_aliases WHERE entity_id = e.id) AS aliases,
  (SELECT json_group_array(title ORDER BY title) FROM entity_titles WHERE entity_id = e.id) AS titles`

export function toEntity (row: EntityRow): Entity {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    aliases: JSON.parse(row.aliases) as string[],
    titles: JSON.parse(row.titles) as string[],
    articleCount: row.article_count,
    mentionCount: row.mention_count,
    quoteCount: row.quote_count,
    identifiers: {
      ...(row.iso3166 === null ? {} : { iso3166: row.iso3166 }),
      ...(row.geonames_id === null ? {} : { geonamesId: row.geonames_id })
    }
  }
}

function toArticleEntity (row: ArticleEntityRow): ArticleEntity {
  return { ...toEntity(row), mentions: JSON.parse(row.mentions) as TextSpan[] }
}

export interface EntityListOptions {
  limit: number
  cursor?: string | undefined
  type?: EntityType | undefined
}

export interface ArticleEntityListOptions {
  limit: number
  cursor?: string | undefined
}

// Most mentioned first; ties by id so that the order is total.
const ORDER = 'ORDER BY e.mention_count DESC, e.id ASC LIMIT @limit'
const AFTER = '(e.mention_count < @count OR (e.mention_count = @count AND e.id > @id))'

/** Reads entities with their aliases, titles and counters. */
export class EntityRepository {
  readonly #byId: Statement<[string], EntityRow>
  readonly #exists: Statement<[string], { id: string }>
  readonly #mergedInto: Statement<[string], { id: string }>
  readonly #lists: Record<'all' | 'allAfter' | 'typed' | 'typedAfter', Statement<Record<string, unknown>, EntityRow>>
  readonly #ofArticle: Statement<[string, number, number], ArticleEntityRow>

  constructor (db: Db) {
    this.#byId = db.prepare(`SELECT ${ENTITY_COLUMNS} FROM entities e WHERE e.id = ?`)
    this.#exists = db.prepare('SELECT id FROM entities WHERE id = ?')
    this.#mergedInto = db.prepare(`SELECT e.id FROM entity_redirects r JOIN entities e ON e.id = r.to_id
      WHERE r.from_id = ?`)
    const list = (where: string[]) => db.prepare<Record<string, unknown>, EntityRow>(
      `SELECT ${ENTITY_COLUMNS} FROM entities e ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ${ORDER}`)
    this.#lists = {
      all: list([]),
      allAfter: list([AFTER]),
      typed: list(['e.type = @type']),
      typedAfter: list(['e.type = @type', AFTER])
    }
    this.#ofArticle = db.prepare(`SELECT ${ENTITY_COLUMNS}, ae.position,
        (SELECT json_group_array(json_object('text', m.text, 'start', m.start, 'end', m."end") ORDER BY m.start, m."end")
           FROM mentions m WHERE m.article_id = ae.article_id AND m.entity_id = e.id) AS mentions
      FROM article_entities ae JOIN entities e ON e.id = ae.entity_id
      WHERE ae.article_id = ? AND ae.position > ? ORDER BY ae.position LIMIT ?`)
  }

  get (id: string): Entity | null {
    const row = this.#byId.get(id)
    return row ? toEntity(row) : null
  }

  exists (id: string): boolean {
    return this.#exists.get(id) !== undefined
  }

  /** The entity an id was merged into (a surname stored alone, then its full name), or null. */
  mergedInto (id: string): string | null {
    return this.#mergedInto.get(id)?.id ?? null
  }

  list ({ limit, cursor, type }: EntityListOptions): Page<Entity> {
    const params: Record<string, unknown> = { limit: limit + 1 }
    if (type !== undefined) params.type = type
    if (cursor !== undefined) {
      const [count, id] = decodeCursor(cursor, ['n', 's'])
      Object.assign(params, { count, id })
    }
    const statement = type === undefined
      ? (cursor === undefined ? this.#lists.all : this.#lists.allAfter)
      : (cursor === undefined ? this.#lists.typed : this.#lists.typedAfter)
    return toPage(statement.all(params), limit, toEntity, (row) => [row.mention_count, row.id])
  }

  /** The article's entities in document order (by first mention), each with its mentions there. */
  listForArticle (articleId: string, { limit, cursor }: ArticleEntityListOptions): Page<ArticleEntity> {
    const after = cursor === undefined ? -1 : decodeCursor(cursor, ['n'])[0] as number
    const rows = this.#ofArticle.all(articleId, after, limit + 1)
    return toPage(rows, limit, toArticleEntity, (row) => [row.position])
  }
}
