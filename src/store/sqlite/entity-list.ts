import type { EntityFilters } from '../../domain/queries.js'
import type { EntityFacet, EntitySort } from '../../domain/values.js'
import type { FilteredSet, Lister, Ordering } from './listing.js'
import { ENTITY_COLUMNS, toEntity, type EntityRow } from './entities.js'
import type { Entity } from '../../domain/resources.js'
import { ResourceList } from './resource-list.js'

// Most mentioned (or in most articles) first; ties by id so that the order is total. The mentions
// order keeps the tag it always had, so cursors issued before sort= existed still page.
const ORDERINGS: Record<EntitySort, Ordering<EntityRow>> = {
  mentions: {
    tag: 'prominent',
    orderBy: 'e.mention_count DESC, e.id ASC',
    after: '(e.mention_count < @c0 OR (e.mention_count = @c0 AND e.id > @c1))',
    shape: ['n', 's'],
    key: (row) => [row.mention_count, row.id]
  },
  articles: {
    tag: 'articles',
    orderBy: 'e.article_count DESC, e.id ASC',
    after: '(e.article_count < @c0 OR (e.article_count = @c0 AND e.id > @c1))',
    shape: ['n', 's'],
    key: (row) => [row.article_count, row.id]
  }
}

const escapeLike = (q: string) => q.replace(/[\\%_]/g, (c) => `\\${c}`)
// a prefix of the whole name, or of a word in it ("lavr" → "Sergey Lavrov", "sharaa" → "Ahmad al-Sharaa")
const PREFIX_OF = (column: string) =>
  `(${column} LIKE @q ESCAPE '\\' OR ${column} LIKE '% ' || @q ESCAPE '\\' OR ${column} LIKE '%-' || @q ESCAPE '\\')`

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
  const where: string[] = []
  const params: Record<string, unknown> = {}
  if (filters.type !== undefined) { where.push('e.type = @type'); params.type = filters.type }
  if (filters.minArticles !== undefined) { where.push('e.article_count >= @minArticles'); params.minArticles = filters.minArticles }
  if (filters.q !== undefined) {
    where.push(`(${PREFIX_OF('e.name')} OR e.id IN (SELECT entity_id FROM entity_aliases WHERE ${PREFIX_OF('alias')}))`)
    params.q = `${escapeLike(filters.q)}%`
  }
  return { from: 'entities e', where, params }
}
