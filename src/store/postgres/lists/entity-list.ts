import type { EntityFilters } from '../../../domain/queries.js'
import type { Entity } from '../../../domain/resources.js'
import type { EntityFacet, EntitySort } from '../../../domain/values.js'
import { ENTITY_COLUMNS, toEntity, type EntityRow } from '../rows.js'
import type { FilteredSet, Lister, Ordering } from './engine.js'
import { ResourceList } from './resource-list.js'
import { Params } from './statements.js'

// Most mentioned (or in most articles) first; ties by id so that the order is total. The tags are
// SQLite's ("prominent" is what the mentions order was always called), so its cursors page here.
const ORDERINGS: Record<EntitySort, Ordering<EntityRow>> = {
  mentions: {
    tag: 'prominent',
    orderBy: 'e.mention_count DESC, e.id ASC',
    after: ([count, id]) => `(e.mention_count < ${count} OR (e.mention_count = ${count} AND e.id > ${id}))`,
    shape: ['n', 's'],
    key: (row) => [row.mention_count, row.id]
  },
  articles: {
    tag: 'articles',
    orderBy: 'e.article_count DESC, e.id ASC',
    after: ([count, id]) => `(e.article_count < ${count} OR (e.article_count = ${count} AND e.id > ${id}))`,
    shape: ['n', 's'],
    key: (row) => [row.article_count, row.id]
  }
}

const escapeLike = (q: string) => q.replace(/[\\%_]/g, (c) => `\\${c}`)

/**
 * A prefix of the whole name, or of a word in it ("lavr" → "Sergey Lavrov", "sharaa" → "Ahmad
 * al-Sharaa"). SQLite's LIKE ignores the case of ASCII letters only; lower() on both sides under
 * COLLATE "C" (the pattern is bound so) folds the same letters.
 */
const prefixOf = (column: string, pattern: string) =>
  `(lower(${column}) LIKE ${pattern} ESCAPE '\\' OR lower(${column}) LIKE ('% ' || ${pattern}) ESCAPE '\\'
    OR lower(${column}) LIKE ('%-' || ${pattern}) ESCAPE '\\')`

/** Entity lists by type, name and how many articles mention them, with totals and facets. */
export function entityList (lister: Lister): ResourceList<EntityFilters, EntitySort, Entity, EntityFacet, EntityRow> {
  return new ResourceList(lister, {
    set: filteredSet,
    columns: () => ENTITY_COLUMNS,
    ordering: (sort) => ORDERINGS[sort],
    map: toEntity,
    facets: { type: () => ({ value: 'e.type' }) }
  })
}

function filteredSet (filters: EntityFilters): FilteredSet {
  const params = new Params()
  const where: string[] = []
  if (filters.type !== undefined) where.push(`e.type = ${params.add(filters.type, 'text')}`)
  if (filters.minArticles !== undefined) where.push(`e.article_count >= ${params.add(filters.minArticles, 'bigint')}`)
  if (filters.q !== undefined) {
    const pattern = `lower(${params.add(`${escapeLike(filters.q)}%`, 'text')})`
    where.push(`(${prefixOf('e.name', pattern)} OR e.id IN (SELECT entity_id FROM entity_aliases WHERE ${prefixOf('alias', pattern)}))`)
  }
  return { from: 'entities e', where, params: params.values }
}
