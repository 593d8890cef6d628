import type { StatementFilters } from '../../../domain/queries.js'
import type { Statement } from '../../../domain/statements.js'
import type { StatementSort } from '../../../domain/values.js'
import type { FilteredSet, Lister, Ordering } from './engine.js'
import { ResourceList } from './resource-list.js'
import { Params } from './statements.js'
import { STATEMENT_COLUMNS, STATEMENTS_FROM, toStatement, type StatementRowColumns } from '../rows.js'

// as SQLite's (src/store/sqlite/statements.ts), tags included, so cursors page on either store
const ORDERINGS: Record<StatementSort, Ordering<StatementRowColumns>> = {
  newest: {
    tag: 'newest',
    orderBy: 's.first_seen DESC, s.id DESC',
    after: ([at, id]) => `(s.first_seen < ${at} OR (s.first_seen = ${at} AND s.id < ${id}))`,
    shape: ['s', 's'],
    key: (row) => [row.first_seen, row.id]
  },
  oldest: {
    tag: 'oldest',
    orderBy: 's.first_seen ASC, s.id ASC',
    after: ([at, id]) => `(s.first_seen, s.id) > (${at}, ${id})`,
    shape: ['s', 's'],
    key: (row) => [row.first_seen, row.id]
  },
  articles: {
    tag: 'articles',
    orderBy: 's.article_count DESC, s.first_seen ASC, s.id ASC',
    after: ([count, at, id]) => `(s.article_count < ${count} OR (s.article_count = ${count} AND (s.first_seen, s.id) > (${at}, ${id})))`,
    shape: ['n', 's', 's'],
    key: (row) => [row.article_count, row.first_seen, row.id]
  }
}

function filteredSet (filters: StatementFilters): FilteredSet {
  const params = new Params()
  const where: string[] = []
  if (filters.speaker !== undefined) where.push(`s.speaker_id = ${params.add(filters.speaker, 'text')}`)
  // "about": a quote of the statement mentions the entity inside its content's spans (as GET /quotes)
  for (const id of filters.about ?? []) {
    where.push(`s.id IN (SELECT q.statement_id FROM mentions m JOIN quotes q ON q.article_id = m.article_id
      WHERE m.entity_id = ${params.add(id, 'text')} AND EXISTS (SELECT 1 FROM json_array_elements(q.spans) sp
        WHERE m.start >= (sp ->> 'start')::int AND m."end" <= (sp ->> 'end')::int))`)
  }
  if (filters.from !== undefined) where.push(`s.first_seen >= ${params.add(filters.from, 'text')}`)
  if (filters.to !== undefined) where.push(`s.first_seen <= ${params.add(filters.to, 'text')}`)
  if (filters.minArticles !== undefined) where.push(`s.article_count >= ${params.add(filters.minArticles, 'bigint')}`)
  return { from: STATEMENTS_FROM, where, params: params.values }
}

/** Statements by speaker, topic, first appearance and reach (GET /statements). */
export function statementList (lister: Lister): ResourceList<StatementFilters, StatementSort, Statement, never, StatementRowColumns> {
  return new ResourceList(lister, {
    set: filteredSet,
    columns: () => STATEMENT_COLUMNS,
    ordering: (sort) => ORDERINGS[sort],
    map: toStatement,
    facets: {}
  })
}
