import type { Db } from './connection.js'
import { InvalidCursor } from '../../domain/errors.js'
import { RANK_WINDOW, STREAM_CHUNK } from '../../domain/limits.js'
import type { FacetBucket, Page } from '../../domain/resources.js'
import { decodeCursor, encodeCursor, type CursorKey, type CursorShape } from './cursor.js'
import { StatementCache } from './statement-cache.js'

/** A filtered set: its FROM clause, WHERE conditions and their named parameters. */
export interface FilteredSet {
  from: string
  where: string[]
  params: Record<string, unknown>
  /** A search's bound on what a ranked order reads (see RankWindow). */
  rankWindow?: RankWindow
}

/**
 * The newest RANK_WINDOW rows of a searched set, which a ranked order sorts instead of every match.
 * `probe` selects at most RANK_WINDOW + 1 rows the search matches, read from the full-text index
 * alone; `within` is the condition that keeps a set's rows to the window. When the probe finds no
 * more than RANK_WINDOW matches the window holds them all, and `within` (whose walk of the newest
 * index would then cost more than the search) is left out.
 */
export interface RankWindow {
  probe: string
  within: string
}

/**
 * A total order over a filtered set and its keyset: `after` selects the rows past a cursor key bound
 * as @c0, @c1, …; the cursor carries `tag` so a cursor of one order is refused by another.
 */
export interface Ordering<Row> {
  tag: string
  orderBy: string
  after: string
  shape: CursorShape
  key: (row: Row) => CursorKey
  /** This order ranks by a search's score: it reads the set's rank window, not the whole set. */
  ranked?: true
  /**
   * Also take the bare key as a cursor: the lists under one resource (an article's quotes, an entity's
   * articles) issued untagged cursors before they joined this engine, and a walk in progress across
   * an upgrade should go on.
   */
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

/** Runs list queries built per request over a statement cache: pages, streamed walks, totals and facets. */
export class Lister {
  readonly #statements: StatementCache

  constructor (db: Db) {
    this.#statements = new StatementCache(db)
  }

  #afterParams<Row> (ordering: Ordering<Row>, cursor: string): Record<string, unknown> {
    return Object.fromEntries(keyOf(ordering, cursor).map((value, i) => [`c${i}`, value]))
  }

  #rows<Row> (set: FilteredSet, columns: string, ordering: Ordering<Row>, limit: number, cursor: string | undefined): Row[] {
    const where = [...set.where, ...this.#window(set, ordering), ...(cursor === undefined ? [] : [ordering.after])]
    const sql = `SELECT ${columns} FROM ${set.from} ${whereOf(where)} ORDER BY ${ordering.orderBy} LIMIT @limit`
    const params = { ...set.params, limit, ...(cursor === undefined ? {} : this.#afterParams(ordering, cursor)) }
    return this.#statements.get<Row>(sql).all(params)
  }

  /** One page: `limit` rows after the cursor, and the cursor of the next page if there is one. */
  page<Row, Item> (set: FilteredSet, columns: string, ordering: Ordering<Row>, limit: number, cursor: string | undefined,
    map: (row: Row) => Item): Page<Item> {
    // the extra row only says that there is more
    const rows = this.#rows(set, columns, ordering, limit + 1, cursor)
    const more = rows.length > limit
    const kept = more ? rows.slice(0, limit) : rows
    const last = kept.at(-1)
    return { items: kept.map(map), next: more && last ? cursorAfter(ordering, last) : null }
  }

  /**
   * Every row after the cursor, read STREAM_CHUNK at a time by keyset. A statement iterator would
   * hold the connection busy for as long as a slow client reads, and every other request on it would
   * fail meanwhile; chunks free it between reads, and the keyset keeps the walk exact across writes.
   */
  walk<Row, Item> (set: FilteredSet, columns: string, ordering: Ordering<Row>, cursor: string | undefined,
    map: (row: Row) => Item): Generator<Item> {
    // a bad cursor is refused now, while the answer can still be a 400, not midway through a stream
    if (cursor !== undefined) this.#afterParams(ordering, cursor)
    return this.#walk(set, columns, ordering, cursor, map)
  }

  * #walk<Row, Item> (set: FilteredSet, columns: string, ordering: Ordering<Row>, cursor: string | undefined,
    map: (row: Row) => Item): Generator<Item> {
    for (let after = cursor; ;) {
      const rows = this.#rows(set, columns, ordering, STREAM_CHUNK, after)
      for (const row of rows) yield map(row)
      const last = rows.at(-1)
      if (rows.length < STREAM_CHUNK || !last) return
      after = cursorAfter(ordering, last)
    }
  }

  /** The condition that keeps a ranked order to the set's rank window, when the search matches more. */
  #window<Row> (set: FilteredSet, ordering: Ordering<Row>): string[] {
    const window = set.rankWindow
    if (window === undefined || ordering.ranked !== true) return []
    const probe = this.#statements.get<{ n: number }>(`SELECT count(*) AS n FROM (${window.probe} LIMIT ${RANK_WINDOW + 1})`)
    return (probe.get(set.params)?.n ?? 0) > RANK_WINDOW ? [window.within] : []
  }

  /** How many rows the filtered set holds: only computed when a client asks (count=true). */
  count (set: FilteredSet): number {
    const sql = `SELECT count(*) AS n FROM ${set.from} ${whereOf(set.where)}`
    return this.#statements.get<{ n: number }>(sql).get(set.params)?.n ?? 0
  }

  /**
   * Counts per value over the whole filtered set, most frequent first. `value` is the SQL expression
   * grouped by; `join`/`name` add an entity's name; `over` replaces the set's FROM when the value
   * lives in another table keyed by the set's ids.
   */
  facet (set: FilteredSet, facet: FacetSql, size: number): FacetBucket[] {
    const from = facet.from ?? set.from
    const where = facet.where === undefined ? set.where : [facet.where]
    const sql = `SELECT ${facet.value} AS value, ${facet.name ?? 'NULL'} AS name, count(*) AS count
      FROM ${from} ${whereOf([...where, `${facet.value} IS NOT NULL`])}
      GROUP BY 1 ORDER BY count DESC, value LIMIT @facetSize`
    const rows = this.#statements.get<{ value: string, name: string | null, count: number }>(sql)
      .all({ ...set.params, facetSize: size })
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

/** The SQL of a filtered set's ids, for facets over a table keyed by them. */
export function idsOf (set: FilteredSet, id: string): string {
  return `SELECT ${id} FROM ${set.from} ${whereOf(set.where)}`
}
