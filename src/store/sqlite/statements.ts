import type { Statement as Prepared } from 'better-sqlite3'
import type { Db } from './connection.js'
import type { StatementFilters } from '../../domain/queries.js'
import type { Statement } from '../../domain/statements.js'
import type { StatementSort } from '../../domain/values.js'
import type { FilteredSet, Lister, Ordering } from './listing.js'
import { ResourceList } from './resource-list.js'
import { STATEMENT_COLUMNS as COLUMNS, STATEMENTS_FROM as FROM, toStatement, type StatementRowColumns } from '../statement-rows.js'

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
