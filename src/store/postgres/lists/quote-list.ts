import type { QuoteFilters } from '../../../domain/queries.js'
import type { QuoteHit } from '../../../domain/resources.js'
import type { QuoteFacet, SearchSort } from '../../../domain/values.js'
import { QUOTE_COLUMNS, QUOTES_FROM, toQuote, type QuoteRow } from '../rows.js'
import type { FacetSql, FilteredSet, Lister, Ordering } from './engine.js'
import { ResourceList } from './resource-list.js'
import { tsquery, type Searches } from './search.js'
import { snippetSql } from './snippet.js'
import { Params } from './statements.js'

interface Row extends QuoteRow {
  score?: number
  snippet?: string
}

// float8, as for articles: the score a cursor carries must come back exactly
const SCORE = 'ts_rank(q.search, search_query)::float8'
const SEARCH_COLUMNS = `${QUOTE_COLUMNS}, ${SCORE} AS score, ${snippetSql('q.text', 'search_query', 32)} AS snippet`

// Newest article first, each article's quotes in document order (as SQLite's quote-list.ts).
const ORDERINGS: Record<SearchSort, Ordering<Row>> = {
  newest: {
    tag: 'newest',
    orderBy: 'q.sort_at DESC, q.article_id DESC, q.position ASC',
    after: ([at, article, position]) =>
      `(q.sort_at < ${at} OR (q.sort_at = ${at} AND (q.article_id < ${article} OR (q.article_id = ${article} AND q.position > ${position}))))`,
    shape: ['s', 's', 'n'],
    key: (row) => [row.sort_at, row.article_id, row.position],
    untagged: true
  },
  oldest: {
    tag: 'oldest',
    orderBy: 'q.sort_at ASC, q.article_id ASC, q.position ASC',
    after: ([at, article, position]) => `(q.sort_at, q.article_id, q.position) > (${at}, ${article}, ${position})`,
    shape: ['s', 's', 'n'],
    key: (row) => [row.sort_at, row.article_id, row.position]
  },
  // best first, ties by id; tagged apart from SQLite's bm25 cursors (see article-list.ts)
  relevance: {
    tag: 'rank',
    orderBy: 'score DESC, q.id ASC',
    after: ([score, last]) => `(${SCORE} < ${score} OR (${SCORE} = ${score} AND q.id > ${last}))`,
    shape: ['f', 's'],
    key: (row) => [row.score ?? 0, row.id]
  }
}

function toHit (row: Row): QuoteHit {
  return { ...toQuote(row), ...(row.snippet === undefined ? {} : { snippet: row.snippet }) }
}

/** Quote lists with any combination of filters ("what A said about B"), a search, totals and facets. */
export function quoteList (lister: Lister, searches: Searches): ResourceList<QuoteFilters, SearchSort, QuoteHit, QuoteFacet, Row> {
  return new ResourceList(lister, {
    set: (filters) => filteredSet(searches, filters),
    columns: (filters) => filters.q === undefined ? QUOTE_COLUMNS : SEARCH_COLUMNS,
    ordering: (sort) => ORDERINGS[sort],
    map: toHit,
    facets: FACETS
  })
}

// "about" means mentioned inside the content's own spans, not in the attribution between them
// ('"We will," Smith said, "win."' is not about Smith). Without a speaker, the IN lets the planner
// start from the articles that mention the entity; with one, the speaker's index drives (as SQLite).
function about (params: Params, id: string, withSpeaker: boolean): string[] {
  const entity = params.add(id, 'text')
  const within = `EXISTS (SELECT 1 FROM json_array_elements(q.spans) s JOIN mentions m ON m.article_id = q.article_id
      AND m.entity_id = ${entity} AND m.start >= (s ->> 'start')::int AND m."end" <= (s ->> 'end')::int)`
  return withSpeaker ? [within] : [`q.article_id IN (SELECT article_id FROM mentions WHERE entity_id = ${entity})`, within]
}

function filteredSet (searches: Searches, filters: QuoteFilters): FilteredSet {
  const params = new Params()
  const where: string[] = []
  let from = QUOTES_FROM
  let search: string | undefined
  if (filters.q !== undefined) {
    search = searches.compile(filters.q)
    from = `quotes q CROSS JOIN ${tsquery(params.add(search))} AS search_query LEFT JOIN entities e ON e.id = q.speaker_id`
    where.push('q.search @@ search_query')
  }
  if (filters.speaker !== undefined) where.push(`q.speaker_id = ${params.add(filters.speaker, 'text')}`)
  for (const id of filters.about ?? []) where.push(...about(params, id, filters.speaker !== undefined))
  if (filters.cue !== undefined) where.push(`lower(q.cue_text) = lower(${params.add(filters.cue, 'text')})`)
  if (filters.kind !== undefined) where.push(`q.kind = ${params.add(filters.kind, 'text')}`)
  if (filters.articleId !== undefined) where.push(`q.article_id = ${params.add(filters.articleId, 'text')}`)
  if (filters.statement !== undefined) where.push(`q.statement_id = ${params.add(filters.statement, 'text')}`)
  if (filters.exceptArticle !== undefined) where.push(`q.article_id <> ${params.add(filters.exceptArticle, 'text')}`)
  if (filters.minEchoes !== undefined) {
    where.push(`q.statement_id IN (SELECT id FROM statements WHERE article_count > ${params.add(filters.minEchoes, 'bigint')})`)
  }
  const bounds = [
    filters.from === undefined ? null : `published_utc >= ${params.add(filters.from, 'timestamptz')}`,
    filters.to === undefined ? null : `published_utc <= ${params.add(filters.to, 'timestamptz')}`
  ].filter((bound) => bound !== null)
  if (bounds.length) where.push(`q.article_id IN (SELECT id FROM articles WHERE ${bounds.join(' AND ')})`)
  return { from, where, params: params.values, ...(search === undefined ? {} : { search }) }
}

const FACETS: Record<QuoteFacet, () => FacetSql> = {
  speaker: () => ({ value: 'q.speaker_id', name: 'e.name' }),
  kind: () => ({ value: 'q.kind' }),
  // cues are counted case-insensitively ("Said" opening a sentence is "said"), ASCII folded as in SQLite
  cue: () => ({ value: 'lower(q.cue_text)' })
}
