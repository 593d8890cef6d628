// The entities that co-occur with one: how many articles mention both, and which (a bounded list,
// newest first, as evidence). Computed from article_entities at read time, so deletes and re-parses
// can never leave it stale.
import type { Statement } from 'better-sqlite3'
import type { Db } from './connection.js'
import { decodeCursor, toPage } from './cursor.js'
import type { Page, RelatedEntity } from '../../domain/resources.js'
import type { EntityType } from '../../domain/values.js'

/** Article ids given as evidence per related entity. */
export const EVIDENCE_LIMIT = 5

interface RelatedRow {
  id: string
  name: string
  type: EntityType
  shared: number
  evidence: string
}

export interface RelatedListOptions {
  limit: number
  cursor?: string | undefined
  type?: EntityType | undefined
}

// Most shared articles first, ties by id: a total order, paged by keyset on (shared, id).
const sql = (typed: boolean, after: boolean): string => `
  WITH together AS (
    SELECT other.entity_id AS id, count(*) AS shared
    FROM article_entities mine JOIN article_entities other ON other.article_id = mine.article_id
    WHERE mine.entity_id = @id AND other.entity_id <> @id
    GROUP BY other.entity_id
  )
  SELECT e.id, e.name, e.type, t.shared,
    (SELECT json_group_array(article_id) FROM (
      SELECT b.article_id FROM article_entities b
      JOIN article_entities a ON a.article_id = b.article_id AND a.entity_id = @id
      WHERE b.entity_id = e.id ORDER BY b.sort_at DESC, b.article_id DESC LIMIT ${EVIDENCE_LIMIT})) AS evidence
  FROM together t JOIN entities e ON e.id = t.id
  ${[typed ? 'e.type = @type' : '', after ? '(t.shared < @shared OR (t.shared = @shared AND e.id > @after))' : '']
    .filter(Boolean).map((c, i) => `${i ? 'AND' : 'WHERE'} ${c}`).join(' ')}
  ORDER BY t.shared DESC, e.id ASC LIMIT @limit`

function toRelated (row: RelatedRow): RelatedEntity {
  return { id: row.id, name: row.name, type: row.type, articleCount: row.shared, articleIds: JSON.parse(row.evidence) as string[] }
}

export class RelatedEntityRepository {
  readonly #lists = new Map<string, Statement<Record<string, unknown>, RelatedRow>>()

  constructor (db: Db) {
    for (const typed of [false, true]) {
      for (const after of [false, true]) this.#lists.set(`${typed}|${after}`, db.prepare(sql(typed, after)))
    }
  }

  /** The entities that share articles with `id`, most shared first. */
  list (id: string, { limit, cursor, type }: RelatedListOptions): Page<RelatedEntity> {
    const params: Record<string, unknown> = { id, limit: limit + 1 }
    if (type !== undefined) params.type = type
    if (cursor !== undefined) {
      const [shared, after] = decodeCursor(cursor, ['n', 's'])
      Object.assign(params, { shared, after })
    }
    const statement = this.#lists.get(`${type !== undefined}|${cursor !== undefined}`)
    if (!statement) throw new Error('no statement prepared for this combination')
    return toPage(statement.all(params), limit, toRelated, (row) => [row.shared, row.id])
  }
}
