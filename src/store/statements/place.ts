// Placing a write's stale quotes in text classes, set-wise. Placed one at a time, each quote cost
// several queries (its class by key, its buckets, the candidates' rows, its class and each bucket
// row inserted): ~20 statement runs and 200 µs a quote at 100k articles. Here the classes the
// batch's words already have and the bucket rows its new words share are read in one query each,
// the new classes and their bucket rows written in one, and each new class matched in memory
// against exactly the candidates a one-at-a-time placement would have read: the stored classes of
// its keys and the batch's earlier new ones, the `bucketReads` most recent of each key. So the
// classes, edges and statements are the same whatever the batch size (the property test checks).
import { fingerprintQuote, type Fingerprint } from './fingerprint.js'
import { matchQuotes, mostShared, strongestLinks } from './match.js'
import type { ClassFingerprints } from './class-fingerprints.js'
import { table, type BucketRow, type ClassRow, type EdgeRow, type StaleQuote, type TableWork } from './tables.js'

export interface Placement {
  quote: StaleQuote
  fingerprint: Fingerprint
  classId: number
  /** The classes a new class was linked to; null when the class was there already (stored, or made by an earlier quote). */
  linked: ClassRow[] | null
  /** Classes the buckets offered: the matching cost. */
  candidates: number
}

/** Places every stale quote in its class, making (and linking) the classes new words need. */
export function * placeQuotes (stale: readonly StaleQuote[], fingerprints: ClassFingerprints): TableWork<Placement[]> {
  const settings = fingerprints.settings
  const prints = stale.map((q) => fingerprintQuote(q, settings))
  const stored = new Map((yield * table('classesByKeys', unique(prints.map((p) => p.classKey)))).map((c) => [c.key, c]))
  const makers = firstOfEachNewKey(prints, stored)
  const bucketRows = yield * table('bucketRows', unique(makers.flatMap((p) => p.bucketKeys)), settings.bucketReads)
  const ids = yield * table('insertClasses', makers.map((p) => ({
    key: p.classKey, speakerId: p.quote.speakerId, canonical: p.canonical, bucketKeys: p.bucketKeys
  })))
  const made = makers.map((p, i): ClassRow => ({ id: ids[i] ?? -1, key: p.classKey, speakerId: p.quote.speakerId, canonical: p.canonical }))
  const chosen = candidatesOf(makers, made, bucketRows, settings.bucketReads, settings.maxCandidates)
  const madeById = new Map(made.map((c) => [c.id, c]))
  const readIds = unique(chosen.flatMap((c) => c.ids).filter((id) => !madeById.has(id)))
  const rows = new Map([...(yield * table('classes', readIds)).map((c) => [c.id, c] as const), ...madeById])
  const edges: EdgeRow[] = []
  const linked = new Map<string, ClassRow[]>()
  makers.forEach((maker, i) => {
    const own = made[i]
    const others = (chosen[i]?.ids ?? []).flatMap((id) => rows.get(id) ?? [])
    if (own !== undefined) linked.set(own.key, linkClass(maker, own.id, others, fingerprints, edges))
  })
  yield * table('insertEdges', edges)
  const classOf = new Map([...stored, ...made.map((c) => [c.key, c] as const)])
  const candidates = new Map(made.map((c, i) => [c.key, chosen[i]?.total ?? 0]))
  const makerOf = new Set(makers)
  return stale.map((quote, i): Placement => {
    const fingerprint = prints[i] ?? fingerprintQuote(quote, settings)
    const key = fingerprint.classKey
    const isMaker = makerOf.has(fingerprint)
    return {
      quote,
      fingerprint,
      classId: classOf.get(key)?.id ?? -1,
      linked: isMaker ? linked.get(key) ?? [] : null,
      candidates: isMaker ? candidates.get(key) ?? 0 : 0
    }
  })
}

const unique = <T>(values: T[]): T[] => [...new Set(values)]

/** The quotes that make a class: the first of each class key no stored class has. */
function firstOfEachNewKey (prints: Fingerprint[], stored: ReadonlyMap<string, ClassRow>): Fingerprint[] {
  const seen = new Set(stored.keys())
  const makers: Fingerprint[] = []
  for (const p of prints) {
    if (seen.has(p.classKey)) continue
    seen.add(p.classKey)
    makers.push(p)
  }
  return makers
}

/**
 * Each new class's candidates: per bucket key its `perKey` most recent classes, the batch's earlier
 * new ones (ids above every stored one) before the stored; then the `limit` sharing the most keys,
 * ties by the most recent (mostShared), with how many distinct classes were read.
 */
function candidatesOf (makers: Fingerprint[], made: ClassRow[], stored: BucketRow[], perKey: number, limit: number): { ids: number[], total: number }[] {
  const storedByKey = new Map<string, number[]>()
  for (const r of stored) pushTo(storedByKey, r.key, r.id)
  for (const ids of storedByKey.values()) ids.sort((a, b) => b - a)
  // the batch's new classes of each key, in arrival (ascending id) order
  const batchByKey = new Map<string, number[]>()
  return makers.map((maker, i) => {
    // class → [keys shared, arrival]: ids rise with arrival
    const shared = new Map<number, [number, number]>()
    const count = (id: number) => shared.set(id, [(shared.get(id)?.[0] ?? 0) + 1, id])
    for (const key of maker.bucketKeys) {
      const batch = batchByKey.get(key) ?? []
      const fromBatch = Math.min(perKey, batch.length)
      for (let j = batch.length - 1; j >= batch.length - fromBatch; j--) count(batch[j] ?? -1)
      for (const id of (storedByKey.get(key) ?? []).slice(0, perKey - fromBatch)) count(id)
    }
    const id = made[i]?.id ?? -1
    for (const key of maker.bucketKeys) pushTo(batchByKey, key, id)
    return { ids: mostShared(shared, limit), total: shared.size }
  })
}

function pushTo (map: Map<string, number[]>, key: string, value: number): void {
  const values = map.get(key)
  if (values) values.push(value)
  else map.set(key, [value])
}

/** Matches a new class against its candidates both ways, keeps the strongest links, adds their edges. */
function linkClass (fingerprint: Fingerprint, classId: number, others: ClassRow[], fingerprints: ClassFingerprints, edges: EdgeRow[]): ClassRow[] {
  const settings = fingerprints.settings
  const matches = others.flatMap((other) => {
    const theirs = fingerprints.of(other)
    const match = matchQuotes(fingerprint, theirs, settings)
    const mirrored = match && matchQuotes(theirs, fingerprint, settings)
    return match && mirrored ? [{ key: other.key, other, match, mirrored }] : []
  })
  const links = strongestLinks(matches, settings.maxLinks)
  for (const { other, match, mirrored } of links) {
    edges.push({ from: classId, to: other.id, relation: match.relation, similarity: match.similarity },
      { from: other.id, to: classId, relation: mirrored.relation, similarity: mirrored.similarity })
  }
  return links.map((l) => l.other)
}
