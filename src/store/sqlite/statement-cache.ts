import type { Statement } from 'better-sqlite3'
import type { Db } from './connection.js'

/**
 * Prepared statements keyed by their SQL text. Filters combine freely, so list queries are built per
 * request; the combinations clients really use are few, and each is prepared once and reused.
 * Least recently used statements go first when the cache is full, so odd combinations cannot grow it.
 */
export class StatementCache {
  readonly #db: Db
  readonly #max: number
  readonly #statements = new Map<string, Statement>()

  constructor (db: Db, max = 256) {
    this.#db = db
    this.#max = max
  }

  get<Row> (sql: string): Statement<Record<string, unknown>[], Row> {
    let statement = this.#statements.get(sql)
    if (statement) {
      this.#statements.delete(sql) // re-inserted below: Map order is recency
    } else {
      statement = this.#db.prepare(sql)
      if (this.#statements.size >= this.#max) {
        const oldest = this.#statements.keys().next().value
        if (oldest !== undefined) this.#statements.delete(oldest)
      }
    }
    this.#statements.set(sql, statement)
    return statement as unknown as Statement<Record<string, unknown>[], Row>
  }

  get size (): number {
    return this.#statements.size
  }
}
