import type { Statement as Prepared } from 'better-sqlite3'
import type { Db } from './connection.js'
import type { StatementFilters } from '../../domain/queries.js'
import type { Speaker } from '../../domain/resources.js'
import type { Statement } from '../../domain/statements.js'
import type { StatementSort } from '../../domain/values.js'
import type { FilteredSet, Lister, Ordering } from './listing.js'
import { ResourceList } from './resource-list.js'

export interface StatementRowColumns {
  id: string
  text: string
  speaker_id: string | null
  speaker_name: string | null
  speaker_type: Speaker['type'] | null
  first_quote_id: string
  first_article_id: string
  publisher: string | null
  first_seen: string
  quote_count: number
  article_count: number
  publisher_count: number
  variant_count: number
}

const COLUMNS = `s.id, s.text, s.speaker_id, e.name AS speaker_name, e.type AS speaker_type, s.first_quote_id,
  s.first_article_id, a.publisher, s.first_seen, s.quote_count, s.article_count, s.publisher_count, s.variant_count`
const FROM = `statements s LEFT JOIN entities e ON e.id = s.speaker_id LEFT JOIN articles a ON a.id = s.first_article_id`

export function toStatement (row: StatementRowColumns): Statement {
  return {
    id: row.id,
    text: row.text,
    speaker: row.speaker_id === null || row.speaker_name === null || row.speaker_type === null
      ? null
      : { id: row.speaker_id, name: row.speaker_name, type: row.speaker_type },
    firstAppearance: { quoteId: row.first_quote_id, articleId: row.first_article_id, publisher: row.publisher, at: row.first_seen },
    articles: row.article_count,
    publishers: row.publisher_count,
    quoteCount: row.quote_count,
    variantCount: row.variant_count
  }
}

const ORDERINGS: Record<StatementSort, Ordering<StatementRowColumns>> = {
  newest: {
    tag: 'newest',
    orderBy: 's.first_seen DESC, s.id DESC',
    after: '(s.first_seen < @c0 OR (s.first_seen = @c0 AND s.id < @c1))',
    shape: ['s', 's'],
    key: (row) => [row.first_seen, row.id]
  },
  oldest: {
    tag: 'oldest',
    orderBy: 's.first_seen ASC, s.id ASC',
    after: '(s.first_seen, s.id) > (@c0, @c1)',
    shape: ['s', 's'],
    key: (row) => [row.first_seen, row.id]
  },
  articles: {
    tag: 'articles',
    orderBy: 's.article_count DESC, s.first_seen ASC, s.id ASC',
    after: '(s.article_count < @c0 OR (s.article_count = @c0 AND (s.first_seen, s.id) > (@c1, @c2)))',
    shape: ['n', 's', 's'],
    key: (row) => [row.article_count, row.first_seen, row.id]
  }
}

function filteredSet (filters: StatementFilters): FilteredSet {
  const where: string[] = []
  const params: Record<string, unknown> = {}
  if (filters.speaker !== undefined) { where.push('s.speaker_id = @speaker'); params.speaker = filters.speaker }
  // "about": a quote of the statement mentions the entity inside its content's spans (as GET /quotes)
  filters.about?.forEach((id, i) => {
    where.push(`s.id IN (SELECT q.statement_id FROM mentions m JOIN quotes q ON q.article_id = m.article_id
      WHERE m.entity_id = @about${i} AND EXISTS (SELECT 1 FROM json_each(q.spans) sp
        WHERE m.start >= sp.value ->> 'start' AND m."end" <= sp.value ->> 'end'))`)
    params[`about${i}`] = id
  })
  if (filters.from !== undefined) { where.push('s.first_seen >= @from'); params.from = filters.from }
  if (filters.to !== undefined) { where.push('s.first_seen <= @to'); params.to = filters.to }
  if (filters.minArticles !== undefined) { where.push('s.article_count >= @minArticles'); params.minArticles = filters.minArticles }
  return { from: FROM, where, params }
}

/** Statements by speaker, topic, first appearance and reach (GET /statements). */
export function statementList (lister: Lister): ResourceList<StatementFilters, StatementSort, Statement, never, StatementRowColumns> {
  return new ResourceList(lister, {
    set: filteredSet,
    columns: () => COLUMNS,
    ordering: (sort) => ORDERINGS[sort],
    map: toStatement,
    facets: {}
  })
}

export class StatementRepository {
  readonly #byId: Prepared<[string], StatementRowColumns>

  constructor (db: Db) {
    this.#byId = db.prepare(`SELECT ${COLUMNS} FROM ${FROM} WHERE s.id = ?`)
  }

  get (id: string): Statement | null {
    const row = this.#byId.get(id)
    return row ? toStatement(row) : null
  }
}
