import type { QuoteFilters } from '../../domain/queries.js'
import type { QuoteHit } from '../../domain/resources.js'
import type { QuoteFacet, SearchSort } from '../../domain/values.js'
import type { FtsValidator } from './fts-query.js'
import type { FacetSql, FilteredSet, Lister, Ordering } from './listing.js'
import { QUOTE_COLUMNS, QUOTES_FROM, toQuote, type QuoteRow } from './quotes.js'
import { ResourceList } from './resource-list.js'

interface Row extends QuoteRow {
  score?: number
  snippet?: string
}

const SCORE = 'bm25(quotes_fts)'
const SEARCH_FROM = `quotes_fts JOIN quotes q ON q.rowid = quotes_fts.rowid LEFT JOIN entities e ON e.id = q.speaker_id`
const SEARCH_COLUMNS = `${QUOTE_COLUMNS}, ${SCORE} AS score, snippet(quotes_fts, 0, '<mark>', '</mark>', '…', 32) AS snippet`

// Newest article first, each article's quotes in document order (as GET /quotes always was).
const ORDERINGS: Record<SearchSort, Ordering<Row>> = {
  newest: {
    tag: 'newest',
    orderBy: 'q.sort_at DESC, q.article_id DESC, q.position ASC',
    after: `(q.sort_at < @c0 OR (q.sort_at = @c0 AND (q.article_id < @c1 OR (q.article_id = @c1 AND q.position > @c2))))`,
    shape: ['s', 's', 'n'],
    key: (row) => [row.sort_at, row.article_id, row.position],
    untagged: true
  },
  oldest: {
    tag: 'oldest',
    orderBy: 'q.sort_at ASC, q.article_id ASC, q.position ASC',
    after: '(q.sort_at, q.article_id, q.position) > (@c0, @c1, @c2)',
    shape: ['s', 's', 'n'],
    key: (row) => [row.sort_at, row.article_id, row.position]
  },
  relevance: {
    tag: 'relevance',
    orderBy: 'score ASC, q.id ASC',
    after: `(${SCORE} > @c0 OR (${SCORE} = @c0 AND q.id > @c1))`,
    shape: ['f', 's'],
    key: (row) => [row.score ?? 0, row.id]
  }
}

function toHit (row: Row): QuoteHit {
  return { ...toQuote(row), ...(row.snippet === undefined ? {} : { snippet: row.snippet }) }
}

/**
 * Quote lists with any combination of filters ("what A said about B"), a search, totals and facets
 * (GET /quotes, and an article's or a speaker's quotes: the same list filtered by them).
 */
export function quoteList (lister: Lister, fts: FtsValidator): ResourceList<QuoteFilters, SearchSort, QuoteHit, QuoteFacet, Row> {
  return new ResourceList(lister, {
    set: (filters) => filteredSet(fts, filters),
    columns: (filters) => filters.q === undefined ? QUOTE_COLUMNS : SEARCH_COLUMNS,
    ordering: (sort) => ORDERINGS[sort],
    map: toHit,
    facets: FACETS
  })
}

function filteredSet (fts: FtsValidator, filters: QuoteFilters): FilteredSet {
  const where: string[] = []
  const params: Record<string, unknown> = {}
  let from = QUOTES_FROM
  if (filters.q !== undefined) {
    params.q = fts.parse('quotes_fts', filters.q)
    from = SEARCH_FROM
    where.push('quotes_fts MATCH @q')
  }
  if (filters.speaker !== undefined) { where.push('q.speaker_id = @speaker'); params.speaker = filters.speaker }
  // "about" means mentioned inside the content's own spans, not in the attribution between them
  // ('"We will," Smith said, "win."' is not about Smith).
  // Without a speaker the IN drives the query from the articles that mention the entity. With one, it
  // is left out: the speaker's index is walked in the list's order and the walk stops at the page's
  // end, where the IN made SQLite read and sort every quote of every article naming the entity
  // (249 ms p99 at 10,000 articles under npm run bench, growing with the corpus). The EXISTS decides.
  filters.about?.forEach((id, i) => {
    if (filters.speaker === undefined) where.push(`q.article_id IN (SELECT article_id FROM mentions WHERE entity_id = @about${i})`)
    where.push(`EXISTS (SELECT 1 FROM json_each(q.spans) s JOIN mentions m ON m.article_id = q.article_id
        AND m.entity_id = @about${i} AND m.start >= s.value ->> 'start' AND m."end" <= s.value ->> 'end')`)
    params[`about${i}`] = id
  })
  if (filters.cue !== undefined) { where.push('q.cue_text = @cue COLLATE NOCASE'); params.cue = filters.cue }
  if (filters.kind !== undefined) { where.push('q.kind = @kind'); params.kind = filters.kind }
  if (filters.articleId !== undefined) { where.push('q.article_id = @articleId'); params.articleId = filters.articleId }
  if (filters.statement !== undefined) { where.push('q.statement_id = @statement'); params.statement = filters.statement }
  if (filters.exceptArticle !== undefined) { where.push('q.article_id <> @exceptArticle'); params.exceptArticle = filters.exceptArticle }
  if (filters.minEchoes !== undefined) {
    where.push('q.statement_id IN (SELECT id FROM statements WHERE article_count > @minEchoes)')
    params.minEchoes = filters.minEchoes
  }
  if (filters.from !== undefined || filters.to !== undefined) {
    const bounds = [filters.from === undefined ? null : 'published_utc >= @from', filters.to === undefined ? null : 'published_utc <= @to']
    where.push(`q.article_id IN (SELECT id FROM articles WHERE ${bounds.filter((b) => b !== null).join(' AND ')})`)
    if (filters.from !== undefined) params.from = filters.from
    if (filters.to !== undefined) params.to = filters.to
  }
  return { from, where, params }
}

const FACETS: Record<QuoteFacet, () => FacetSql> = {
  speaker: () => ({ value: 'q.speaker_id', name: 'e.name' }),
  kind: () => ({ value: 'q.kind' }),
  // cues are counted case-insensitively ("Said" opening a sentence is "said")
  cue: () => ({ value: 'lower(q.cue_text)' })
}
