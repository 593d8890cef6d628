import type { TimelineFilters } from '../../domain/queries.js'
import type { TimelineBucket } from '../../domain/resources.js'
import type { TimelineInterval as Interval } from '../../domain/values.js'
import type { Queryable } from './connection.js'
import { Params, run } from './lists/statements.js'

// An article's time: its publication in UTC, else when it was stored (as lists sort), read in UTC
// whatever the session's TimeZone, as SQLite's text dates are.
const AT = 'coalesce(a.published_utc, a.created_at)'
const UTC = `(${AT} AT TIME ZONE 'UTC')`
const PERIOD: Record<Interval, string> = {
  day: `to_char(${UTC}, 'YYYY-MM-DD')`,
  // date_trunc's weeks are ISO weeks: they start on Monday, as SQLite's date(…, '-6 days', 'weekday 1')
  week: `to_char(date_trunc('week', ${UTC}), 'YYYY-MM-DD')`,
  month: `to_char(${UTC}, 'YYYY-MM')`
}

const whereOf = (conditions: string[]) => conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''

/** The conditions on articles and on quotes for the filters, as SQLite's StatsRepository builds them. */
function conditions (filters: TimelineFilters, params: Params): { articles: string[], quotes: string[] } {
  const articles: string[] = []
  const quotes: string[] = []
  if (filters.entity !== undefined) {
    const entity = params.add(filters.entity, 'text')
    articles.push(`a.id IN (SELECT article_id FROM article_entities WHERE entity_id = ${entity})`)
    quotes.push(`q.article_id IN (SELECT article_id FROM mentions WHERE entity_id = ${entity})`,
      `EXISTS (SELECT 1 FROM json_array_elements(q.spans) s JOIN mentions m ON m.article_id = q.article_id
        AND m.entity_id = ${entity} AND m.start >= (s ->> 'start')::int AND m."end" <= (s ->> 'end')::int)`)
  }
  if (filters.speaker !== undefined) {
    const speaker = params.add(filters.speaker, 'text')
    articles.push(`a.id IN (SELECT article_id FROM quotes WHERE speaker_id = ${speaker})`)
    quotes.push(`q.speaker_id = ${speaker}`)
  }
  for (const bound of ['from', 'to'] as const) {
    if (filters[bound] === undefined) continue
    const condition = `${AT} ${bound === 'from' ? '>=' : '<='} ${params.add(filters[bound], 'timestamptz')}`
    articles.push(condition)
    quotes.push(condition)
  }
  return { articles, quotes }
}

/** Counts of articles and quotes per day, week or month, under the same filters as the lists. */
export async function timeline (db: Queryable, filters: TimelineFilters, interval: Interval): Promise<TimelineBucket[]> {
  const params = new Params()
  const where = conditions(filters, params)
  // sum() of bigint is numeric, which pg would return as a string: cast back to bigint (a number)
  const sql = `SELECT period, sum(articles)::bigint AS articles, sum(quotes)::bigint AS quotes FROM (
      SELECT ${PERIOD[interval]} AS period, count(*) AS articles, 0 AS quotes FROM articles a
        ${whereOf(where.articles)} GROUP BY 1
      UNION ALL
      SELECT ${PERIOD[interval]} AS period, 0, count(*) FROM quotes q JOIN articles a ON a.id = q.article_id
        ${whereOf(where.quotes)} GROUP BY 1
    ) periods GROUP BY period ORDER BY period COLLATE "C"`
  return run<TimelineBucket & object>(db, sql, params.values)
}
