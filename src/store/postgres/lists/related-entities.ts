// The entities that co-occur with one: how many articles mention both, and which (a bounded list,
// newest first, as evidence). Computed from article_entities at read time, as in SQLite, so deletes
// and re-parses can never leave it stale.
import type { RelatedEntityFilters } from '../../../domain/queries.js'
import type { RelatedEntity } from '../../../domain/resources.js'
import type { EntityType } from '../../../domain/values.js'
import type { FilteredSet, Lister, Ordering } from './engine.js'
import { ResourceList } from './resource-list.js'

/** Article ids given as evidence per related entity (as SQLite's EVIDENCE_LIMIT). */
export const EVIDENCE_LIMIT = 5

interface Row {
  id: string
  name: string
  type: EntityType
  shared: number
  evidence: string[]
}

// $1 is the entity whose company is listed, in the FROM and in the columns alike
const TOGETHER = `(
    SELECT other.entity_id AS id, count(*) AS shared
    FROM article_entities mine JOIN article_entities other ON other.article_id = mine.article_id
    WHERE mine.entity_id = ($1::text COLLATE "C") AND other.entity_id <> ($1::text COLLATE "C")
    GROUP BY other.entity_id
  ) t JOIN entities e ON e.id = t.id`

const COLUMNS = `e.id, e.name, e.type, t.shared,
  ARRAY(SELECT b.article_id FROM article_entities b
    JOIN article_entities a ON a.article_id = b.article_id AND a.entity_id = ($1::text COLLATE "C")
    WHERE b.entity_id = e.id ORDER BY b.sort_at DESC, b.article_id DESC LIMIT ${EVIDENCE_LIMIT}) AS evidence`

// Most shared articles first, ties by id: a total order, paged by keyset on (shared, id).
const MOST_SHARED: Ordering<Row> = {
  tag: 'shared',
  orderBy: 't.shared DESC, e.id ASC',
  after: ([shared, id]) => `(t.shared < ${shared} OR (t.shared = ${shared} AND e.id > ${id}))`,
  shape: ['n', 's'],
  key: (row) => [row.shared, row.id],
  untagged: true
}

function filteredSet ({ id, type }: RelatedEntityFilters): FilteredSet {
  return type === undefined
    ? { from: TOGETHER, where: [], params: [id] }
    : { from: TOGETHER, where: ['e.type = ($2::text COLLATE "C")'], params: [id, type] }
}

function toRelated (row: Row): RelatedEntity {
  return { id: row.id, name: row.name, type: row.type, articleCount: row.shared, articleIds: row.evidence }
}

/** The entities that share articles with one, most shared first. */
export function relatedEntityList (lister: Lister): ResourceList<RelatedEntityFilters, 'shared', RelatedEntity, never, Row> {
  return new ResourceList(lister, { set: filteredSet, columns: () => COLUMNS, ordering: () => MOST_SHARED, map: toRelated, facets: {} })
}
