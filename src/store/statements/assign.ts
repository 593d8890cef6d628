// The reference implementation of statement assignment, in memory: what the stores will do in SQL
// with a bucket table (key → text class), an echo table (class ↔ class) and a statement id per
// quote. Every lookup goes through bucket keys, never a scan of all quotes. A statement is a
// partition of a connected component of the echo graph (partition.ts), named by its earliest quote
// (least `order`, then id); adding or removing a quote recomputes only the component it touches.
import type { EchoMatch, StatementQuote } from '../../domain/statements.js'
import { fingerprintQuote, type Fingerprint } from './fingerprint.js'
import { matchQuotes, mostShared, strongestLinks } from './match.js'
import { componentOf, partitionComponent, type EchoGraph } from './partition.js'
import type { StatementSettings } from './settings.js'

/** A quote whose statement changed: from null when it was just added, to null when removed. */
export interface StatementChange {
  quoteId: string
  from: string | null
  to: string | null
}

export interface AddResult {
  statementId: string
  changes: StatementChange[]
  /** Classes the buckets offered, before matching: the cost of the add. */
  candidates: number
}

interface TextClass {
  key: string
  /** Any member's fingerprint: members share words, speaker scope and keys. */
  fingerprint: Fingerprint
  members: Map<string, Fingerprint>
  /** Arrival order of the class (the stores' class ids): recency breaks candidate ties. */
  seq: number
}

const earlier = (a: StatementQuote, b: StatementQuote): boolean => a.order < b.order || (a.order === b.order && a.id < b.id)

export class StatementIndex implements EchoGraph {
  private readonly classes = new Map<string, TextClass>()
  private readonly classOfQuote = new Map<string, string>()
  private readonly quotesOfArticle = new Map<string, Set<string>>()
  private readonly buckets = new Map<string, Set<string>>()
  private readonly edges = new Map<string, Map<string, EchoMatch>>()
  private readonly statementOfQuote = new Map<string, string>()
  private arrivals = 0

  constructor (private readonly settings: StatementSettings) {}

  neighbours (classKey: string): Iterable<string> {
    return this.edges.get(classKey)?.keys() ?? []
  }

  speakerOf (classKey: string): string | null {
    return this.classes.get(classKey)?.fingerprint.quote.speakerId ?? null
  }

  statementOf (quoteId: string): string | null {
    return this.statementOfQuote.get(quoteId) ?? null
  }

  /** Stores a quote (replacing one of the same id) and assigns it a statement. */
  add (quote: StatementQuote): AddResult {
    const replaced = this.classOfQuote.has(quote.id) ? this.remove(quote.id) : []
    const fingerprint = fingerprintQuote(quote, this.settings)
    this.classOfQuote.set(quote.id, fingerprint.classKey)
    this.addToSet(this.quotesOfArticle, quote.articleId, quote.id)
    const existing = this.classes.get(fingerprint.classKey)
    let candidates = 0
    if (existing) existing.members.set(quote.id, fingerprint)
    else candidates = this.addClass(fingerprint)
    const changes = this.reassign(componentOf(this, [fingerprint.classKey]))
    return { statementId: this.statementOfQuote.get(quote.id) ?? quote.id, changes: mergeChanges(replaced, changes), candidates }
  }

  /** Removes a quote; the statements of its component are recomputed (a statement may split). */
  remove (quoteId: string): StatementChange[] {
    const classKey = this.classOfQuote.get(quoteId)
    const textClass = classKey === undefined ? undefined : this.classes.get(classKey)
    if (classKey === undefined || textClass === undefined) return []
    const fingerprint = textClass.members.get(quoteId)
    textClass.members.delete(quoteId)
    this.classOfQuote.delete(quoteId)
    if (fingerprint) this.deleteFromSet(this.quotesOfArticle, fingerprint.quote.articleId, quoteId)
    const from = this.statementOfQuote.get(quoteId) ?? null
    this.statementOfQuote.delete(quoteId)
    const seeds = textClass.members.size > 0 ? [classKey] : this.removeClass(textClass)
    if (textClass.members.size > 0) textClass.fingerprint = textClass.members.values().next().value ?? textClass.fingerprint
    return [{ quoteId, from, to: null }, ...this.reassign(componentOf(this, seeds))]
  }

  /** Deleting or re-extracting an article: its quotes go, and the statements they held are recomputed. */
  removeArticle (articleId: string): StatementChange[] {
    return [...(this.quotesOfArticle.get(articleId) ?? [])].flatMap((id) => this.remove(id))
  }

  /** The echoes of a quote: its class's other members (exact) and the members of neighbouring classes. */
  echoesOf (quoteId: string): { quoteId: string, match: EchoMatch }[] {
    const classKey = this.classOfQuote.get(quoteId) ?? ''
    const own = this.classes.get(classKey)?.members.get(quoteId)
    if (own === undefined) return []
    const keys = [classKey, ...this.neighbours(classKey)]
    return keys.flatMap((k) => [...(this.classes.get(k)?.members.values() ?? [])])
      .filter((other) => other.quote.id !== quoteId)
      .flatMap((other) => { const match = matchQuotes(own, other, this.settings); return match ? [{ quoteId: other.quote.id, match }] : [] })
  }

  /** Every quote's statement, sorted by quote id. */
  assignments (): Map<string, string> {
    return new Map([...this.statementOfQuote].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
  }

  /** Sizes of the tables a store would keep, for tests and cost figures. */
  tableSizes (): { quotes: number, classes: number, bucketRows: number, edges: number } {
    let bucketRows = 0
    for (const b of this.buckets.values()) bucketRows += b.size
    let edges = 0
    for (const e of this.edges.values()) edges += e.size
    return { quotes: this.classOfQuote.size, classes: this.classes.size, bucketRows, edges: edges / 2 }
  }

  private addClass (fingerprint: Fingerprint): number {
    const key = fingerprint.classKey
    this.classes.set(key, { key, fingerprint, members: new Map([[fingerprint.quote.id, fingerprint]]), seq: ++this.arrivals })
    const shared = new Map<string, [number, number]>()
    for (const bucket of fingerprint.bucketKeys) {
      // a bucket's set holds its classes in arrival order: its most recent are read
      for (const c of [...(this.buckets.get(bucket) ?? [])].slice(-this.settings.bucketReads)) {
        const seen = shared.get(c)
        shared.set(c, [(seen?.[0] ?? 0) + 1, this.classes.get(c)?.seq ?? 0])
      }
    }
    for (const bucket of fingerprint.bucketKeys) this.addToSet(this.buckets, bucket, key)
    const candidates = mostShared(shared, this.settings.maxCandidates)
    const matches = candidates.flatMap((c) => {
      const other = this.classes.get(c)
      const match = other ? matchQuotes(fingerprint, other.fingerprint, this.settings) : null
      return other && match ? [{ key: c, other, match }] : []
    })
    for (const { other, match } of strongestLinks(matches, this.settings.maxLinks)) this.link(fingerprint, other.fingerprint, match)
    return shared.size
  }

  private link (a: Fingerprint, b: Fingerprint, match: EchoMatch): void {
    const mirrored = matchQuotes(b, a, this.settings) ?? match
    this.edgeMap(a.classKey).set(b.classKey, match)
    this.edgeMap(b.classKey).set(a.classKey, mirrored)
  }

  private edgeMap (classKey: string): Map<string, EchoMatch> {
    const existing = this.edges.get(classKey)
    if (existing) return existing
    const created = new Map<string, EchoMatch>()
    this.edges.set(classKey, created)
    return created
  }

  /** Drops an emptied class, its bucket rows and edges; returns its former neighbours. */
  private removeClass (textClass: TextClass): string[] {
    for (const bucket of textClass.fingerprint.bucketKeys) this.deleteFromSet(this.buckets, bucket, textClass.key)
    const neighbours = [...this.neighbours(textClass.key)]
    for (const n of neighbours) this.edges.get(n)?.delete(textClass.key)
    for (const n of neighbours) if (this.edges.get(n)?.size === 0) this.edges.delete(n)
    this.edges.delete(textClass.key)
    this.classes.delete(textClass.key)
    return neighbours
  }

  /** Partitions a component into statements, names each by its earliest quote, records what changed. */
  private reassign (component: Set<string>): StatementChange[] {
    const changes: StatementChange[] = []
    for (const statement of partitionComponent(this, component)) {
      const members = statement.flatMap((c) => [...(this.classes.get(c)?.members.values() ?? [])].map((f) => f.quote))
      const first = members.reduce<StatementQuote | null>((best, q) => (best === null || earlier(q, best) ? q : best), null)
      for (const q of members) {
        const from = this.statementOfQuote.get(q.id) ?? null
        if (first !== null && from !== first.id) changes.push({ quoteId: q.id, from, to: first.id })
        if (first !== null) this.statementOfQuote.set(q.id, first.id)
      }
    }
    return changes
  }

  private addToSet (map: Map<string, Set<string>>, key: string, value: string): void {
    const set = map.get(key)
    if (set) set.add(value)
    else map.set(key, new Set([value]))
  }

  private deleteFromSet (map: Map<string, Set<string>>, key: string, value: string): void {
    const set = map.get(key)
    set?.delete(value)
    if (set?.size === 0) map.delete(key)
  }
}

/** A replaced quote's removal and re-add as one change per quote. */
function mergeChanges (before: StatementChange[], after: StatementChange[]): StatementChange[] {
  const byQuote = new Map<string, StatementChange>()
  for (const c of [...before, ...after]) {
    const prior = byQuote.get(c.quoteId)
    byQuote.set(c.quoteId, prior ? { quoteId: c.quoteId, from: prior.from, to: c.to } : c)
  }
  return [...byQuote.values()].filter((c) => c.from !== c.to)
}
