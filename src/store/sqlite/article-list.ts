import type { ArticleFilters } from '../../domain/queries.js'
import type { ArticleHit } from '../../domain/resources.js'
import type { ArticleFacet, SearchSort } from '../../domain/values.js'
import { ARTICLE_COLUMNS, toSummary, type ArticleRow } from './articles.js'
import type { FtsValidator } from './fts-query.js'
import { RANK_WINDOW } from '../../domain/limits.js'
import { idsOf, type FacetSql, type FilteredSet, type Lister, type Ordering, type RankWindow } from './listing.js'
import { ResourceList } from './resource-list.js'
import { SLOTS } from './search-key.js'

interface Row extends ArticleRow {
  score?: number
  snippet?: string
}

// Title matches weigh ten times body matches: a story about a thing names it in its headline.
const SCORE = 'bm25(articles_fts, 10.0, 1.0)'
const SEARCH_COLUMNS = `${ARTICLE_COLUMNS}, ${SCORE} AS score,
  snippet(articles_fts, -1, '<mark>', '</mark>', '…', 24) AS snippet`

/**
 * The three orders. `keys` names the columns the date orders walk: the article's own, or, when an
 * entity filter drives the query, article_entities' copies of them, so that its index
 * (entity_id, sort_at DESC, article_id DESC) pages without sorting every article that mentions it.
 */
function orderingOf (sort: SearchSort, keys: { sortAt: string, id: string }): Ordering<Row> {
  const { sortAt, id } = keys
  switch (sort) {
    case 'newest': return {
      tag: 'newest', orderBy: `${sortAt} DESC, ${id} DESC`, after: `(${sortAt}, ${id}) < (@c0, @c1)`,
      shape: ['s', 's'], key: (row) => [row.sort_at, row.id], untagged: true
    }
    case 'oldest': return {
      tag: 'oldest', orderBy: `${sortAt} ASC, ${id} ASC`, after: `(${sortAt}, ${id}) > (@c0, @c1)`,
      shape: ['s', 's'], key: (row) => [row.sort_at, row.id]
    }
    // bm25 is lower for better matches; the id breaks ties so that the order is total
    case 'relevance': return {
      tag: 'relevance', orderBy: 'score ASC, a.id ASC', after: `(${SCORE} > @c0 OR (${SCORE} = @c0 AND a.id > @c1))`,
      shape: ['f', 's'], key: (row) => [row.score ?? 0, row.id], ranked: true
    }
  }
}

const OWN_KEYS = { sortAt: 'a.sort_at', id: 'a.id' }
const ENTITY_KEYS = { sortAt: 'ae0.sort_at', id: 'ae0.article_id' }

function toHit (row: Row): ArticleHit {
  return { ...toSummary(row), ...(row.snippet === undefined ? {} : { snippet: row.snippet }) }
}

/**
 * Article lists with any combination of filters, a search, three orders, totals and facets (GET
 * /articles, and an entity's articles: the same list filtered by that entity).
 */
export function articleList (lister: Lister, fts: FtsValidator): ResourceList<ArticleFilters, SearchSort, ArticleHit, ArticleFacet, Row> {
  return new ResourceList(lister, {
    set: (filters) => filteredSet(fts, filters),
    columns: (filters) => filters.q === undefined ? ARTICLE_COLUMNS : SEARCH_COLUMNS,
    ordering: (sort, set) => orderingOf(sort, set.from.startsWith('article_entities') ? ENTITY_KEYS : OWN_KEYS),
    map: toHit,
    facets: FACETS
  })
}

function filteredSet (fts: FtsValidator, filters: ArticleFilters): FilteredSet {
  const where: string[] = []
  const params: Record<string, unknown> = {}
  let from = 'articles a'
  const [drivingEntity, ...otherEntities] = filters.entity ?? []
  if (filters.q !== undefined) {
    params.q = fts.parse('articles_fts', filters.q)
    from = 'articles_fts JOIN articles a ON a.rowid = articles_fts.rowid'
    where.push('articles_fts MATCH @q')
  } else if (drivingEntity !== undefined) {
    // without a search, the first entity's index drives the walk (see orderingOf)
    from = 'article_entities ae0 JOIN articles a ON a.id = ae0.article_id'
    where.push('ae0.entity_id = @entity0')
    params.entity0 = drivingEntity
  }
  // each repeated value is one more condition: repeated parameters mean AND
  const entities = from.startsWith('article_entities') ? otherEntities : filters.entity ?? []
  entities.forEach((id, i) => {
    where.push(`a.id IN (SELECT article_id FROM article_entities WHERE entity_id = @entityIn${i})`)
    params[`entityIn${i}`] = id
  })
  filters.speaker?.forEach((id, i) => {
    where.push(`a.id IN (SELECT article_id FROM quotes WHERE speaker_id = @speaker${i})`)
    params[`speaker${i}`] = id
  })
  if (filters.dateline !== undefined) { where.push('a.dateline = @dateline COLLATE NOCASE'); params.dateline = filters.dateline }
  if (filters.publisher !== undefined) { where.push('a.publisher = @publisher COLLATE NOCASE'); params.publisher = filters.publisher }
  if (filters.from !== undefined) { where.push('a.published_utc >= @from'); params.from = filters.from }
  if (filters.to !== undefined) { where.push('a.published_utc <= @to'); params.to = filters.to }
  return { from, where, params, ...(filters.q === undefined ? {} : { rankWindow: rankWindowOf(where.slice(1)) }) }
}

/**
 * The newest RANK_WINDOW matches that pass the other filters.
 *
 * A search alone reads them from the full-text index: article rowids order articles by time to the
 * minute (migration 007), so the newest matches all lie at or above the minute of the
 * RANK_WINDOW-th highest rowid, which FTS5 finds walking its rowids backwards. Only the matches
 * from that minute on are sorted, and the rank reads no others.
 *
 * With other filters the newest-first index is walked against the search's rowids. The unary + keeps
 * FTS5 from taking the IN list as rowid lookups, each of which would run the search again: the
 * full-text scan reads the window's rowids as a filter.
 */
function rankWindowOf (otherConditions: string[]): RankWindow {
  const probe = 'SELECT 1 FROM articles_fts WHERE articles_fts MATCH @q'
  if (otherConditions.length === 0) {
    const floor = `(SELECT (rowid / ${SLOTS}) * ${SLOTS} FROM articles_fts WHERE articles_fts MATCH @q
      ORDER BY rowid DESC LIMIT 1 OFFSET ${RANK_WINDOW - 1})`
    return {
      probe,
      within: `articles_fts.rowid >= ${floor} AND +a.rowid IN (SELECT rowid FROM articles
        WHERE rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH @q AND rowid >= ${floor})
        ORDER BY sort_at DESC, id DESC LIMIT ${RANK_WINDOW})`
    }
  }
  const others = otherConditions.map((condition) => ` AND ${condition}`).join('')
  return {
    probe,
    within: `+articles_fts.rowid IN (SELECT a.rowid FROM articles a INDEXED BY articles_newest
      WHERE a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH @q)${others}
      ORDER BY a.sort_at DESC, a.id DESC LIMIT ${RANK_WINDOW})`
  }
}

const FACETS: Record<ArticleFacet, (set: FilteredSet) => FacetSql> = {
  entity: (set) => ({
    value: 'ae.entity_id',
    name: 'e.name',
    from: 'article_entities ae JOIN entities e ON e.id = ae.entity_id',
    where: `ae.article_id IN (${idsOf(set, 'a.id')})`
  }),
  dateline: () => ({ value: 'a.dateline' }),
  publisher: () => ({ value: 'a.publisher' })
}
