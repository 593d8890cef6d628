// The statement tables as the assignment sees them, whichever store holds them. The algorithm
// (sync.ts) is written once as a generator that yields each table operation it needs; a synchronous
// driver runs it inside a better-sqlite3 transaction, an asynchronous one over a PostgreSQL client.
import type { EchoRelation } from '../../domain/statements.js'

/** A text class: exact copies (same canonical words, same speaker scope). */
export interface ClassRow {
  id: number
  key: string
  speakerId: string | null
  canonical: string
}

/** A class to store, with the keys it is found by. */
export interface NewClass extends Omit<ClassRow, 'id'> {
  bucketKeys: string[]
}

export interface BucketRow {
  key: string
  id: number
}

/** A quote that starts a statement of its own: its class is new and matches no other. */
export interface StatementStart {
  quote: StaleQuote
  classId: number
}

/** A quote whose statement must be (re)computed: new, re-extracted, or its speaker merged into another. */
export interface StaleQuote {
  id: string
  articleId: string
  text: string
  speakerId: string | null
  order: string
  classId: number | null
  statementId: string | null
}

/** A stored quote of a class, with what a statement's summary needs. */
export interface MemberRow {
  id: string
  articleId: string
  classId: number
  text: string
  /** The article's sort time (publication, else creation): earliest names the statement. */
  order: string
  publisher: string | null
  statementId: string | null
}

export interface EdgeRow {
  from: number
  to: number
  relation: EchoRelation
  similarity: number
}

/** A statement's summary row, rewritten whenever its component is recomputed. */
export interface StatementRow {
  id: string
  speakerId: string | null
  /** The fullest wording (most words; ties: the earliest), as printed. */
  text: string
  firstQuoteId: string
  firstArticleId: string
  firstSeen: string
  quoteCount: number
  articleCount: number
  publisherCount: number
  /** Distinct wordings (text classes). */
  variantCount: number
  /** The distinct publishers counted in publisherCount. */
  publisherNames: string[]
}

/** The statement a class's quotes belong to, as far as a copy joining it needs. */
export interface ClassStatement {
  id: string
  text: string
  firstSeen: string
  firstQuoteId: string
}

/** A deleted quote's class and statement: what its removal may have changed. */
export interface RemovedQuote {
  classId: number | null
  statementId: string | null
}

export interface StatementTables {
  /** Stale quotes in id order, at most `limit` (null: all). */
  staleQuotes: (limit: number | null) => StaleQuote[]
  /** Takes quotes out of their classes (before they are matched again). */
  detachQuotes: (quoteIds: string[]) => void
  /** Of these classes, the ones with no quote left. */
  emptyClasses: (classIds: number[]) => number[]
  /** Deletes classes with their bucket rows and edges; returns their former neighbours. */
  deleteClasses: (classIds: number[]) => number[]
  /** The stored classes of these keys. */
  classesByKeys: (keys: string[]) => ClassRow[]
  /** Each key's `perKey` most recent (highest id) classes, as (key, class) rows. */
  bucketRows: (keys: string[], perKey: number) => BucketRow[]
  /** Stores new classes under their bucket keys; returns their ids, ascending in the rows' order. */
  insertClasses: (rows: NewClass[]) => number[]
  insertEdges: (edges: EdgeRow[]) => void
  assignClasses: (pairs: { quoteId: string, classId: number }[]) => void
  /** Neighbour ids of each class, as [class, neighbour] pairs. */
  neighbours: (classIds: number[]) => [number, number][]
  classes: (classIds: number[]) => ClassRow[]
  members: (classIds: number[]) => MemberRow[]
  /** The statement of a class's quotes, or null when none has one yet. */
  statementOfClass: (classId: number) => ClassStatement | null
  /** The one statement all these classes' quotes belong to; null if they are in several, or one has none yet. */
  soleStatementOf: (classIds: number[]) => ClassStatement | null
  /**
   * Adds a quote to a statement without recomputing it: its ids set, the statement's counts moved
   * on; with `wording`, its class is a new wording of the statement (and its text, if given, the new text).
   */
  joinStatement: (quote: { id: string, articleId: string }, classId: number, statementId: string, wording: { text: string | null } | null) => void
  /** Makes each quote of a new class linked to none the one quote of a new statement, named by it. */
  startStatements: (starts: StatementStart[]) => void
  setStatementIds: (pairs: { quoteId: string, statementId: string }[]) => void
  /** Writes these statements' rows and deletes the rows of `gone`. */
  writeStatements: (rows: StatementRow[], gone: string[]) => void
}

type Name = keyof StatementTables
type Result<K extends Name> = ReturnType<StatementTables[K]>
export type TableCall = { [K in Name]: { name: K, args: Parameters<StatementTables[K]> } }[Name]
export type TableWork<T> = Generator<TableCall, T, unknown>

/** One table operation, from inside the algorithm: `const rows = yield * table('members', ids)`. */
export function * table<K extends Name> (name: K, ...args: Parameters<StatementTables[K]>): Generator<TableCall, Result<K>, unknown> {
  return (yield { name, args } as TableCall) as Result<K>
}

type Invoke = (name: Name, args: unknown[]) => unknown

const invoker = (tables: object): Invoke => (name, args) =>
  (tables as Record<Name, (...a: unknown[]) => unknown>)[name](...args)

/** Runs the work against synchronous tables (inside a better-sqlite3 transaction). */
export function runSync<T> (work: TableWork<T>, tables: StatementTables): T {
  const call = invoker(tables)
  for (let step = work.next(); ; ) {
    if (step.done === true) return step.value
    step = work.next(call(step.value.name, step.value.args))
  }
}

export type AsyncStatementTables = { [K in Name]: (...args: Parameters<StatementTables[K]>) => Promise<Result<K>> }

/** Runs the work against asynchronous tables (one PostgreSQL client, inside its transaction). */
export async function runAsync<T> (work: TableWork<T>, tables: AsyncStatementTables): Promise<T> {
  const call = invoker(tables)
  for (let step = work.next(); ; ) {
    if (step.done === true) return step.value
    step = work.next(await call(step.value.name, step.value.args))
  }
}
