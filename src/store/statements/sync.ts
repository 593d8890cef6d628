// Statement assignment over stored tables: what StatementIndex (assign.ts) does in memory, done
// through bucket lookups and edge walks inside the article's write transaction. The quotes to
// (re)assign are the stale ones (new, re-extracted, their speaker merged); removed quotes leave
// their classes, which go when empty. Every component touched is recomputed whole, so the stored
// result is the one a rebuild gives, whatever the order articles came in.
import type { ClassFingerprints } from './class-fingerprints.js'
import { partitionComponent, type EchoGraph } from './partition.js'
import { placeQuotes, type Placement } from './place.js'
import { statementWords } from './normalise.js'
import {
  table, type ClassRow, type ClassStatement, type MemberRow, type RemovedQuote, type StaleQuote, type StatementRow, type StatementStart,
  type TableWork
} from './tables.js'

export interface SyncSummary {
  assigned: number
  /** Classes the buckets offered to new classes: the matching cost. */
  candidates: number
  /** Quotes whose statement changed (besides the newly assigned). */
  changed: number
}

/** Assigns the stale quotes (at most `limit`) and mends the statements the removed quotes held. */
export function * syncStatements (fingerprints: ClassFingerprints, removed: readonly RemovedQuote[] = [], limit: number | null = null): TableWork<SyncSummary> {
  const stale = yield * table('staleQuotes', limit)
  const formerStatements = new Set<string>()
  const vacated = new Set<number>()
  for (const q of [...removed, ...stale]) {
    if (q.classId !== null) vacated.add(q.classId)
    if (q.statementId !== null) formerStatements.add(q.statementId)
  }
  if (stale.length === 0 && vacated.size === 0) return { assigned: 0, candidates: 0, changed: 0 }
  yield * table('detachQuotes', stale.filter((q) => q.classId !== null).map((q) => q.id))
  const empty = yield * table('emptyClasses', [...vacated])
  const seeds = new Set([...vacated].filter((id) => !empty.includes(id)))
  for (const n of yield * table('deleteClasses', empty)) seeds.add(n)
  let candidates = 0
  let copies = 0
  const pairs: { quoteId: string, classId: number }[] = []
  // the fast paths hold while nothing was removed: a removal may split what they would join
  const mayJoin = vacated.size === 0
  // statements of lone quotes are written together, before anything reads statements
  const starts: StatementStart[] = []
  const startPending = function * (): TableWork<void> { if (starts.length > 0) yield * table('startStatements', starts.splice(0)) }
  for (const placed of yield * placeQuotes(stale, fingerprints)) {
    const { quote, classId } = placed
    candidates += placed.candidates
    if (mayJoin && placed.linked?.length === 0) {
      // new words matching nothing: a statement of its own, no component to read
      starts.push({ quote, classId })
      copies++
      continue
    }
    yield * startPending()
    if (mayJoin && placed.linked === null && (yield * joinAsCopy(quote, classId))) { copies++; continue }
    if (mayJoin && (yield * joinAsWording(placed))) { copies++; continue }
    seeds.add(classId)
    pairs.push({ quoteId: quote.id, classId })
  }
  yield * startPending()
  yield * table('assignClasses', pairs)
  const changed = yield * reassign(seeds, formerStatements)
  return { assigned: stale.length, candidates, changed: changed + copies - stale.length }
}

/**
 * The common case, a copy of words already stored (a syndicated story, a re-run quote) later than
 * its statement's first quote: the echo graph does not change, so neither does any statement but
 * its own, whose counts move on. No component is read, however widely the statement is carried.
 */
function * joinAsCopy (quote: StaleQuote, classId: number): TableWork<boolean> {
  if (quote.classId !== null) return false
  const statement = yield * table('statementOfClass', classId)
  if (statement === null) return false
  if (!laterThanFirst(quote, statement)) return false
  yield * table('joinStatement', quote, classId, statement.id, null)
  return true
}

const laterThanFirst = (quote: StaleQuote, statement: ClassStatement): boolean =>
  quote.order > statement.firstSeen || (quote.order === statement.firstSeen && quote.id > statement.firstQuoteId)

/**
 * A new wording by a resolved speaker linked only to wordings of one statement of that speaker,
 * and later than its first quote: it joins that statement and nothing else changes (the resolved
 * group grows by one class; no other group touches it), so no component is read. A template that
 * varies one word makes every quote such a wording of one long statement.
 */
function * joinAsWording ({ quote, fingerprint, classId, linked }: Placement): TableWork<boolean> {
  const speaker = fingerprint.quote.speakerId
  if (speaker === null || linked === null || linked.length === 0) return false
  if (linked.some((c) => c.speakerId !== speaker)) return false
  const statement = yield * table('soleStatementOf', linked.map((c) => c.id))
  if (statement === null || !laterThanFirst(quote, statement)) return false
  // the statement's text is its fullest wording: this one if it has more words (ties keep the earlier)
  const fuller = fingerprint.words.length > statementWords(statement.text).length
  yield * table('joinStatement', quote, classId, statement.id, { text: fuller ? quote.text : null })
  return true
}

/** The whole components of the seeds, walked over stored edges frontier by frontier. */
function * componentsOf (seeds: Set<number>): TableWork<Map<number, number[]>> {
  const adjacency = new Map<number, number[]>([...seeds].map((s) => [s, []]))
  for (let frontier = [...seeds]; frontier.length > 0;) {
    const next: number[] = []
    for (const [from, to] of yield * table('neighbours', frontier)) {
      adjacency.get(from)?.push(to)
      if (!adjacency.has(to)) { adjacency.set(to, []); next.push(to) }
    }
    frontier = next
  }
  return adjacency
}

/** Recomputes the statements of the seeds' components; returns how many quotes changed statement. */
function * reassign (seeds: Set<number>, formerStatements: Set<string>): TableWork<number> {
  const adjacency = yield * componentsOf(seeds)
  const ids = [...adjacency.keys()]
  const classes = new Map((yield * table('classes', ids)).map((c) => [c.id, c]))
  const members = yield * table('members', ids)
  const byClass = new Map<number, MemberRow[]>()
  for (const m of members) byClass.set(m.classId, [...(byClass.get(m.classId) ?? []), m])
  const graph: EchoGraph = {
    neighbours: (key) => (adjacency.get(Number(key)) ?? []).map(String),
    speakerOf: (key) => classes.get(Number(key))?.speakerId ?? null
  }
  const updates: { quoteId: string, statementId: string }[] = []
  const rows: StatementRow[] = []
  for (const m of members) if (m.statementId !== null) formerStatements.add(m.statementId)
  for (const statement of partitionComponent(graph, new Set(ids.map(String)))) {
    const parts = statement.map(Number).filter((id) => (byClass.get(id)?.length ?? 0) > 0)
    const row = summarise(parts, byClass, classes)
    if (row === null) continue
    rows.push(row)
    for (const id of parts) for (const m of byClass.get(id) ?? []) if (m.statementId !== row.id) updates.push({ quoteId: m.id, statementId: row.id })
  }
  yield * table('setStatementIds', updates)
  const current = new Set(rows.map((r) => r.id))
  yield * table('writeStatements', rows, [...formerStatements].filter((id) => !current.has(id)))
  return updates.length
}

const earlier = (a: MemberRow, b: MemberRow): boolean => a.order < b.order || (a.order === b.order && a.id < b.id)

function earliestOf (quotes: readonly MemberRow[]): MemberRow | null {
  return quotes.reduce<MemberRow | null>((best, q) => (best === null || earlier(q, best) ? q : best), null)
}

/**
 * A statement's row: named by its earliest quote; its text the fullest wording (a copy joining a
 * wording already there leaves it as it is, so joinAsCopy need not recompute it).
 */
function summarise (classIds: number[], byClass: Map<number, MemberRow[]>, classes: Map<number, ClassRow>): StatementRow | null {
  const quotes = classIds.flatMap((id) => byClass.get(id) ?? [])
  const first = earliestOf(quotes)
  if (first === null) return null
  const wordsOf = (id: number) => classes.get(id)?.canonical.split(' ').length ?? 0
  const firstOf = (id: number) => earliestOf(byClass.get(id) ?? [])
  const fullest = [...classIds].sort((a, b) => wordsOf(b) - wordsOf(a) ||
    (earlier(firstOf(a) ?? first, firstOf(b) ?? first) ? -1 : 1))
  const text = firstOf(fullest[0] ?? -1)?.text ?? first.text
  const publishers = [...new Set(quotes.flatMap((q) => (q.publisher === null ? [] : [q.publisher])))]
  const speakerId = classIds.map((id) => classes.get(id)?.speakerId ?? null).find((s) => s !== null) ?? null
  return {
    id: first.id,
    speakerId,
    text,
    firstQuoteId: first.id,
    firstArticleId: first.articleId,
    firstSeen: first.order,
    quoteCount: quotes.length,
    articleCount: new Set(quotes.map((q) => q.articleId)).size,
    publisherCount: publishers.length,
    variantCount: classIds.length,
    publisherNames: publishers
  }
}
