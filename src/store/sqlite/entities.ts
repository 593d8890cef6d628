import type { Statement } from 'better-sqlite3'
import type { Db } from './connection.js'
import type { Entity } from '../../domain/resources.js'
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

/** Reads one entity with its aliases, titles and counters, and where a merged id went (lists: entity-list.ts). */
export class EntityRepository {
  readonly #byId: Statement<[string], EntityRow>
  readonly #exists: Statement<[string], { id: string }>
  readonly #mergedInto: Statement<[string], { id: string }>

  constructor (db: Db) {
    this.#byId = db.prepare(`SELECT ${ENTITY_COLUMNS} FROM entities e WHERE e.id = ?`)
    this.#exists = db.prepare('SELECT id FROM entities WHERE id = ?')
    this.#mergedInto = db.prepare(`SELECT e.id FROM entity_redirects r JOIN entities e ON e.id = r.to_id
      WHERE r.from_id = ?`)
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
}
