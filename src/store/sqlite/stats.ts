import type { TimelineFilters } from '../../domain/queries.js'
import type { TimelineBucket } from '../../domain/resources.js'
import type { TimelineInterval as Interval } from '../../domain/values.js'
import type { Db } from './connection.js'
import { StatementCache } from './statement-cache.js'



// An article's time: its publication in UTC, else when it was stored (as lists sort).
const AT = 'coalesce(a.published_utc, a.created_at)'
const PERIOD: Record<Interval, string> = {
  day: `substr(${AT}, 1, 10)`,
  // the Monday on or before the day: ISO weeks
  week: `date(${AT}, '-6 days', 'weekday 1')`,
  month: `substr(${AT}, 1, 7)`
}

/** Counts of articles and quotes per day, week or month, under the same filters as the lists. */
export class StatsRepository {
  readonly #statements: StatementCache

  constructor (db: Db) {
    this.#statements = new StatementCache(db, 32)
  }

  timeline (filters: TimelineFilters, interval: Interval): TimelineBucket[] {
    const params: Record<string, unknown> = {}
    const articleWhere: string[] = []
    const quoteWhere: string[] = []
    if (filters.entity !== undefined) {
      params.entity = filters.entity
      articleWhere.push('a.id IN (SELECT article_id FROM article_entities WHERE entity_id = @entity)')
      quoteWhere.push(`q.article_id IN (SELECT article_id FROM mentions WHERE entity_id = @entity)`,
        `EXISTS (SELECT 1 FROM json_each(q.spans) s JOIN mentions m ON m.article_id = q.article_id
          AND m.entity_id = @entity AND m.start >= s.value ->> 'start' AND m."end" <= s.value ->> 'end')`)
    }
    if (filters.speaker !== undefined) {
      params.speaker = filters.speaker
      articleWhere.push('a.id IN (SELECT article_id FROM quotes WHERE speaker_id = @speaker)')
      quoteWhere.push('q.speaker_id = @speaker')
    }
    for (const bound of ['from', 'to'] as const) {
      if (filters[bound] === undefined) continue
      params[bound] = filters[bound]
      const condition = `${AT} ${bound === 'from' ? '>=' : '<='} @${bound}`
      articleWhere.push(condition)
      quoteWhere.push(condition)
    }
    const where = (conditions: string[]) => conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''
    const sql = `SELECT period, sum(articles) AS articles, sum(quotes) AS quotes FROM (
        SELECT ${PERIOD[interval]} AS period, count(*) AS articles, 0 AS quotes FROM articles a
          ${where(articleWhere)} GROUP BY 1
        UNION ALL
        SELECT ${PERIOD[interval]} AS period, 0, count(*) FROM quotes q JOIN articles a ON a.id = q.article_id
          ${where(quoteWhere)} GROUP BY 1
      ) GROUP BY period ORDER BY period`
    return this.#statements.get<TimelineBucket>(sql).all(params)
  }
}
