import { createHash } from 'node:crypto'
import type pg from 'pg'
import type { Queryable } from '../connection.js'

/**
 * Runs `text` as a named statement: each connection of the pool parses and plans it once, on first
 * use, and reuses the plan for every request with the same filters. The name is a digest of the
 * text, so one name never stands for two texts (pg refuses that). List queries are built per
 * request, but the combinations of filters clients use are few, so the statements per connection
 * stay few. (Behind a pooler in transaction mode, named statements would need its prepared
 * statement support: PgBouncer 1.21's max_prepared_statements.)
 */
export async function run<Row extends pg.QueryResultRow> (db: Queryable, text: string, values: unknown[]): Promise<Row[]> {
  const name = `news_${createHash('sha256').update(text).digest('base64url').slice(0, 24)}`
  const result = await db.query<Row>({ name, text, values })
  return result.rows
}

/**
 * Runs `text` unnamed: planned for these values each time. A search's statements go so, because
 * the right plan depends on the word: after five runs a named statement may settle on a generic
 * plan, which cannot tell a rare word (read its few matches from the GIN index) from a common one
 * (walk the newest-first index to the rank window), and at 100k articles a common word's ranked
 * search fell from about 20 ms to over 100 ms under one.
 */
export async function runPlannedEachTime<Row extends pg.QueryResultRow> (db: Queryable, text: string, values: unknown[]): Promise<Row[]> {
  return (await db.query<Row>({ text, values })).rows
}

/** Bound parameters of a statement being built: each value added answers with its placeholder. */
export class Params {
  readonly values: unknown[]

  constructor (values: readonly unknown[] = []) {
    this.values = [...values]
  }

  /**
   * `$n`, cast when PostgreSQL could not tell the type from where it stands. Text is bound as
   * COLLATE "C", as the columns it meets are: lower() then folds ASCII only, as SQLite's NOCASE and
   * LIKE do, whatever the database's own collation.
   */
  add (value: unknown, type?: 'text' | 'bigint' | 'float8' | 'timestamptz'): string {
    this.values.push(value)
    const placeholder = `$${this.values.length}`
    if (type === undefined) return placeholder
    return type === 'text' ? `(${placeholder}::text COLLATE "C")` : `${placeholder}::${type}`
  }
}
