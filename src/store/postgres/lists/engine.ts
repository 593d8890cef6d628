import { InvalidCursor } from '../../../domain/errors.js'
import { STREAM_CHUNK } from '../../../domain/limits.js'
import type { FacetBucket, Page } from '../../../domain/resources.js'
import type { Queryable } from '../connection.js'
import { decodeCursor, encodeCursor, type CursorKey, type CursorShape } from './cursor.js'
import type { Searches } from './search.js'
import { Params, run, runPlannedEachTime } from './statements.js'

/**
 * A filtered set: its FROM clause and WHERE conditions, whose placeholders $1… are `params`, and the
 * compiled search among them, if any, which must be checked before the set is read (see Searches).
 */
export interface FilteredSet {
  from: string
  where: string[]
  params: unknown[]
  search?: string
  /** A search's bound on what a ranked order reads (see RankWindow). */
  rankWindow?: RankWindow
}

/**
 * The newest RANK_WINDOW rows of a searched set, which a ranked order sorts instead of every match,
 * as in the SQLite adapter: `within` keeps a set's rows to the window. Unlike SQLite's, it needs no
 * probe of how many rows match first: PostgreSQL's planner knows from the search column's
 * statistics whether a word is rare (and reads its few matches from the GIN index) or common (and
 * walks the newest-first index until it has the window), while a probe read up to RANK_WINDOW + 1
 * matches of a common word (40 ms at 100k articles) only to learn that.
 */
export interface RankWindow {
  within: string
}

const CASTS = { s: 'text', n: 'bigint', f: 'float8' } as const

/**
 * A total order over a filtered set and its keyset, as in the SQLite adapter: `after` selects the
 * rows past a cursor key whose values are bound at the placeholders it is given, in key order; the
 * cursor carries `tag` so that a cursor of one order is refused by another.
 */
export interface Ordering<Row> {
  tag: string
  orderBy: string
  after: (key: string[]) => string
  shape: CursorShape
  key: (row: Row) => CursorKey
  /** This order ranks by a search's score: it reads the set's rank window, not the whole set. */
  ranked?: true
  /** Also take the bare key as a cursor, as SQLite does for the lists that issued untagged ones. */
  untagged?: true
}

/** A facet's SQL: see Lister.facet. */
export interface FacetSql {
  value: string
  name?: string
  from?: string
  where?: string
}

const whereOf = (conditions: string[]) => conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''

/** Runs list queries over a pool (or a replica's): pages, walks in chunks, totals and facets. */
export class Lister {
  readonly #db: Queryable
  readonly #searches: Searches

  constructor (db: Queryable, searches: Searches) {
    this.#db = db
    this.#searches = searches
  }

  async #read<Row> (set: FilteredSet, sql: (params: Params) => string): Promise<Row[]> {
    if (set.search !== undefined) await this.#searches.check(this.#db, set.search)
    const params = new Params(set.params)
    const text = sql(params)
    return (set.search === undefined ? run : runPlannedEachTime)<Row & object>(this.#db, text, params.values)
  }

  async #rows<Row> (set: FilteredSet, columns: string, ordering: Ordering<Row>, limit: number, key: CursorKey | undefined): Promise<Row[]> {
    const window = this.#window(set, ordering)
    return this.#read<Row>(set, (params) => {
      const where = key === undefined
        ? [...set.where, ...window]
        : [...set.where, ...window, ordering.after(key.map((value, i) => params.add(value, CASTS[ordering.shape[i] ?? 's'])))]
      return `SELECT ${columns} FROM ${set.from} ${whereOf(where)} ORDER BY ${ordering.orderBy} LIMIT ${params.add(limit, 'bigint')}`
    })
  }

  /** The condition that keeps a ranked order to the set's rank window. */
  #window<Row> (set: FilteredSet, ordering: Ordering<Row>): string[] {
    return set.rankWindow !== undefined && ordering.ranked === true ? [set.rankWindow.within] : []
  }

  /** One page: `limit` rows after the cursor, and the cursor of the next page if there is one. */
  async page<Row, Item> (set: FilteredSet, columns: string, ordering: Ordering<Row>, limit: number, cursor: string | undefined,
    map: (row: Row) => Item): Promise<Page<Item>> {
    const key = cursor === undefined ? undefined : keyOf(ordering, cursor)
    // the extra row only says that there is more
    const rows = await this.#rows(set, columns, ordering, limit + 1, key)
    const more = rows.length > limit
    const kept = more ? rows.slice(0, limit) : rows
    const last = kept.at(-1)
    return { items: kept.map(map), next: more && last ? cursorAfter(ordering, last) : null }
  }

  /**
   * Every row after the cursor, STREAM_CHUNK at a time by keyset: each chunk is one query, so no
   * connection is held while a slow client reads, and the keyset keeps the walk exact across writes.
   * A bad cursor is refused now, while the answer can still be a 400; a search PostgreSQL empties is
   * refused at the first pull (unless this process has seen it before: see Searches).
   */
  walk<Row, Item> (set: FilteredSet, columns: string, ordering: Ordering<Row>, cursor: string | undefined,
    map: (row: Row) => Item): AsyncGenerator<Item> {
    const key = cursor === undefined ? undefined : keyOf(ordering, cursor)
    return this.#walk(set, columns, ordering, key, map)
  }

  async * #walk<Row, Item> (set: FilteredSet, columns: string, ordering: Ordering<Row>, key: CursorKey | undefined,
    map: (row: Row) => Item): AsyncGenerator<Item> {
    for (let after = key; ;) {
      const rows = await this.#rows(set, columns, ordering, STREAM_CHUNK, after)
      for (const row of rows) yield map(row)
      const last = rows.at(-1)
      if (rows.length < STREAM_CHUNK || !last) return
      after = ordering.key(last)
    }
  }

  /** How many rows the filtered set holds. */
  async count (set: FilteredSet): Promise<number> {
    const [row] = await this.#read<{ n: number }>(set, () => `SELECT count(*) AS n FROM ${set.from} ${whereOf(set.where)}`)
    return row?.n ?? 0
  }

  /**
   * Counts per value over the whole filtered set, most frequent first, ties by value (byte order:
   * every value is a COLLATE "C" column, as SQLite's BINARY). `name` adds an entity's name; `from`
   * and `where` replace the set's when the value lives in another table keyed by the set's ids.
   */
  async facet (set: FilteredSet, facet: FacetSql, size: number): Promise<FacetBucket[]> {
    const from = facet.from ?? set.from
    const where = facet.where === undefined ? set.where : [facet.where]
    // grouped by the name too: PostgreSQL wants every selected column grouped, and a value has one name
    const rows = await this.#read<{ value: string, name: string | null, count: number }>(set, (params) =>
      `SELECT ${facet.value} AS value, ${facet.name ?? 'NULL::text'} AS name, count(*) AS count
        FROM ${from} ${whereOf([...where, `${facet.value} IS NOT NULL`])}
        GROUP BY 1, 2 ORDER BY count DESC, value LIMIT ${params.add(size, 'bigint')}`)
    return rows.map((row) => ({ value: String(row.value), ...(row.name === null ? {} : { name: row.name }), count: row.count }))
  }
}

const cursorAfter = <Row>(ordering: Ordering<Row>, row: Row): string => encodeCursor([ordering.tag, ...ordering.key(row)])

/** The key a cursor carries, if the cursor is one this ordering issued; else InvalidCursor. */
function keyOf<Row> (ordering: Ordering<Row>, cursor: string): CursorKey {
  if (ordering.untagged) {
    try {
      return decodeCursor(cursor, ordering.shape)
    } catch { /* not a bare key: a tagged one, below */ }
  }
  const [tag, ...key] = decodeCursor(cursor, ['s', ...ordering.shape])
  if (tag !== ordering.tag) throw new InvalidCursor()
  return key
}

/** The SQL of a filtered set's ids, for facets over a table keyed by them (its placeholders are the set's). */
export function idsOf (set: FilteredSet, id: string): string {
  return `SELECT ${id} FROM ${set.from} ${whereOf(set.where)}`
}
