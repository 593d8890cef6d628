import type { ArticleFilters } from '../../../domain/queries.js'
import type { ArticleHit } from '../../../domain/resources.js'
import type { ArticleFacet, SearchSort } from '../../../domain/values.js'
import { ARTICLE_COLUMNS, toSummary, type ArticleRow } from '../rows.js'
import { RANK_WINDOW } from '../../../domain/limits.js'
import { idsOf, type FacetSql, type FilteredSet, type Lister, type Ordering, type RankWindow } from './engine.js'
import { ResourceList } from './resource-list.js'
import { tsquery, type Searches } from './search.js'
import { snippetSql } from './snippet.js'
import { Params } from './statements.js'

interface Row extends ArticleRow {
  score?: number
  snippet?: string
}

// Title matches weigh ten times body matches (title A, body D, ts_rank's default weights 1.0 and
// 0.1), as bm25(articles_fts, 10.0, 1.0) weighs them in SQLite. Read as float8 so that the score a
// cursor carries comes back to PostgreSQL exactly (a real printed and parsed need not).
const SCORE = 'ts_rank(a.search, search_query)::float8'
const SEARCH_COLUMNS = `${ARTICLE_COLUMNS}, ${SCORE} AS score, ${snippetSql('a.text', 'search_query', 24)} AS snippet`

/**
 * The three orders, as SQLite's. `keys` names the columns the date orders walk: the article's own,
 * or article_entities' copies when an entity filter drives the query, so that its index
 * (entity_id, sort_at DESC, article_id DESC) pages without sorting every article that mentions it.
 */
function orderingOf (sort: SearchSort, keys: { sortAt: string, id: string }): Ordering<Row> {
  const { sortAt, id } = keys
  switch (sort) {
    case 'newest': return {
      tag: 'newest', orderBy: `${sortAt} DESC, ${id} DESC`, after: ([at, last]) => `(${sortAt}, ${id}) < (${at}, ${last})`,
      shape: ['s', 's'], key: (row) => [row.sort_at, row.id], untagged: true
    }
    case 'oldest': return {
      tag: 'oldest', orderBy: `${sortAt} ASC, ${id} ASC`, after: ([at, last]) => `(${sortAt}, ${id}) > (${at}, ${last})`,
      shape: ['s', 's'], key: (row) => [row.sort_at, row.id]
    }
    // ts_rank is higher for better matches (bm25 lower); the id breaks ties so that the order is
    // total. The tag is not SQLite's "relevance": its cursors carry a bm25 score, which means
    // nothing here, and are refused rather than silently paging from the wrong place.
    case 'relevance': return {
      tag: 'rank', orderBy: 'score DESC, a.id ASC', after: ([score, last]) => `(${SCORE} < ${score} OR (${SCORE} = ${score} AND a.id > ${last}))`,
      shape: ['f', 's'], key: (row) => [row.score ?? 0, row.id], ranked: true
    }
  }
}

const OWN_KEYS = { sortAt: 'a.sort_at', id: 'a.id' }
const ENTITY_KEYS = { sortAt: 'ae0.sort_at', id: 'ae0.article_id' }

function toHit (row: Row): ArticleHit {
  return { ...toSummary(row), ...(row.snippet === undefined ? {} : { snippet: row.snippet }) }
}

/** Article lists with any combination of filters, a search, three orders, totals and facets. */
export function articleList (lister: Lister, searches: Searches): ResourceList<ArticleFilters, SearchSort, ArticleHit, ArticleFacet, Row> {
  return new ResourceList(lister, {
    set: (filters) => filteredSet(searches, filters),
    columns: (filters) => filters.q === undefined ? ARTICLE_COLUMNS : SEARCH_COLUMNS,
    ordering: (sort, set) => orderingOf(sort, set.from.startsWith('article_entities') ? ENTITY_KEYS : OWN_KEYS),
    map: toHit,
    facets: FACETS
  })
}

/** Where the set starts: the search (with its tsquery expression), else the first entity's index, else every article. */
function drivingSet (searches: Searches, filters: ArticleFilters, params: Params): FilteredSet & { query?: string } {
  const [drivingEntity] = filters.entity ?? []
  if (filters.q !== undefined) {
    const search = searches.compile(filters.q)
    const query = tsquery(params.add(search))
    return { from: `articles a CROSS JOIN ${query} AS search_query`, where: ['a.search @@ search_query'], params: [], search, query }
  }
  if (drivingEntity !== undefined) {
    return {
      from: 'article_entities ae0 JOIN articles a ON a.id = ae0.article_id',
      where: [`ae0.entity_id = ${params.add(drivingEntity, 'text')}`],
      params: []
    }
  }
  return { from: 'articles a', where: [], params: [] }
}

function filteredSet (searches: Searches, filters: ArticleFilters): FilteredSet {
  const params = new Params()
  const set = drivingSet(searches, filters, params)
  const where = [...set.where]
  const entities = set.from.startsWith('article_entities') ? (filters.entity ?? []).slice(1) : filters.entity ?? []
  // each repeated value is one more condition: repeated parameters mean AND
  for (const id of entities) where.push(`a.id IN (SELECT article_id FROM article_entities WHERE entity_id = ${params.add(id, 'text')})`)
  for (const id of filters.speaker ?? []) where.push(`a.id IN (SELECT article_id FROM quotes WHERE speaker_id = ${params.add(id, 'text')})`)
  // lower() under "C" is SQLite's NOCASE: ASCII folded, and the lower() indexes serve it
  if (filters.dateline !== undefined) where.push(`lower(a.dateline) = lower(${params.add(filters.dateline, 'text')})`)
  if (filters.publisher !== undefined) where.push(`lower(a.publisher) = lower(${params.add(filters.publisher, 'text')})`)
  if (filters.from !== undefined) where.push(`a.published_utc >= ${params.add(filters.from, 'timestamptz')}`)
  if (filters.to !== undefined) where.push(`a.published_utc <= ${params.add(filters.to, 'timestamptz')}`)
  const { query, ...driving } = set
  return { ...driving, where, params: params.values, ...(query === undefined ? {} : { rankWindow: rankWindowOf(query, where.slice(1)) }) }
}

/**
 * The newest RANK_WINDOW matches that pass the other filters. The subquery names the tsquery again
 * rather than the outer search_query, so it is uncorrelated: PostgreSQL runs it once, from the GIN
 * index, reading each match's sort key but not its search document.
 */
function rankWindowOf (query: string, otherConditions: string[]): RankWindow {
  const others = otherConditions.map((condition) => ` AND ${condition}`).join('')
  return {
    within: `a.id IN (SELECT a.id FROM articles a WHERE a.search @@ ${query}${others}
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
