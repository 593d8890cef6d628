import type { TextSpan } from '../../../domain/extraction.js'
import type { ArticleEntityFilters } from '../../../domain/queries.js'
import type { ArticleEntity } from '../../../domain/resources.js'
import { ENTITY_COLUMNS, toEntity, type EntityRow } from '../rows.js'
import type { Lister, Ordering } from './engine.js'
import { ResourceList } from './resource-list.js'

interface Row extends EntityRow {
  position: number
  mentions: TextSpan[]
}

// json_build_object keeps its keys in the order given: text, start, end, as SQLite's json_object
const COLUMNS = `${ENTITY_COLUMNS}, ae.position,
  (SELECT coalesce(json_agg(json_build_object('text', m.text, 'start', m.start, 'end', m."end") ORDER BY m.start, m."end"), '[]'::json)
     FROM mentions m WHERE m.article_id = ae.article_id AND m.entity_id = e.id) AS mentions`

// Document order: by first mention, which is the position the writer gave each entity.
const DOCUMENT_ORDER: Ordering<Row> = {
  tag: 'document',
  orderBy: 'ae.position ASC',
  after: ([position]) => `ae.position > ${position}`,
  shape: ['n'],
  key: (row) => [row.position],
  untagged: true
}

function toArticleEntity (row: Row): ArticleEntity {
  return { ...toEntity(row), mentions: row.mentions }
}

/** An article's entities in document order, each with its mentions there. */
export function articleEntityList (lister: Lister): ResourceList<ArticleEntityFilters, 'document', ArticleEntity, never, Row> {
  return new ResourceList(lister, {
    set: ({ articleId }) => ({
      from: 'article_entities ae JOIN entities e ON e.id = ae.entity_id',
      where: ['ae.article_id = ($1::text COLLATE "C")'],
      params: [articleId]
    }),
    columns: () => COLUMNS,
    ordering: () => DOCUMENT_ORDER,
    map: toArticleEntity,
    facets: {}
  })
}
