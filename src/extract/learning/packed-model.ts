// HashedModel's weights, read-only, with only the feature rows that have a weight kept, in an
// open-addressing table. The attribution models are trained over 2^20 rows and fill few of them
// (the cue tagger 209,000 of its 1M rows, the source and content rankers about 40,000): stored
// whole they take 20 MB, packed about 10 MB, and each score is the same sum in the same order.
import { readStoredWeights, type Scorer } from './weights.js'

/** Most rows are looked up and missing: at half load a miss probes two keys on average. */
const MAX_LOAD = 0.5
const EMPTY = -1

export class PackedModel implements Scorer {
  readonly labels: number
  readonly #mask: number
  readonly #capacityMask: number
  /** Per table position, the feature row it holds, or EMPTY. */
  readonly #rows: Int32Array
  /** Per table position, the row's weight for each label, side by side. */
  readonly #values: Float32Array

  private constructor (labels: number, bits: number, rows: Int32Array, values: Float32Array) {
    this.labels = labels
    this.#mask = (1 << bits) - 1
    this.#capacityMask = rows.length - 1
    this.#rows = rows
    this.#values = values
  }

  /** The row's position in the table, or -1. Rows are already the low bits of hashes: no rehash. */
  #find (row: number): number {
    const rows = this.#rows
    const capacityMask = this.#capacityMask
    for (let at = row & capacityMask; ; at = (at + 1) & capacityMask) {
      const held = rows[at] as number
      if (held === row) return at
      if (held === EMPTY) return -1
    }
  }

  score (features: ArrayLike<number>, count: number, label: number): number {
    let s = 0
    for (let i = 0; i < count; i++) {
      const at = this.#find((features[i] ?? 0) & this.#mask)
      if (at >= 0) s += this.#values[at * this.labels + label] as number
    }
    return s
  }

  scoreAll (features: ArrayLike<number>, count: number, out: Float64Array): Float64Array {
    const labels = this.labels
    const values = this.#values
    if (labels === 3) return this.#scoreThree(features, count, out)
    out.fill(0)
    for (let i = 0; i < count; i++) {
      const at = this.#find((features[i] ?? 0) & this.#mask)
      if (at < 0) continue
      for (let l = 0; l < labels; l++) out[l] = (out[l] as number) + (values[at * labels + l] as number)
    }
    return out
  }

  /** The cue tagger's case, on every token: three labels summed in locals. */
  #scoreThree (features: ArrayLike<number>, count: number, out: Float64Array): Float64Array {
    const values = this.#values
    let s0 = 0
    let s1 = 0
    let s2 = 0
    for (let i = 0; i < count; i++) {
      const at = this.#find((features[i] ?? 0) & this.#mask)
      if (at < 0) continue
      s0 += values[at * 3] as number
      s1 += values[at * 3 + 1] as number
      s2 += values[at * 3 + 2] as number
    }
    out[0] = s0
    out[1] = s1
    out[2] = s2
    return out
  }

  /** Reads HashedModel's binary layout (readStoredWeights). */
  static fromBuffer (buffer: Buffer, offset = 0): { model: PackedModel, next: number } {
    const { labels, bits, n, slot: slotOf, value, next } = readStoredWeights(buffer, offset)
    const rowOf = (i: number): number => Math.floor(slotOf(i) / labels)
    let distinct = 0
    for (let i = 0; i < n; i++) if (i === 0 || rowOf(i) !== rowOf(i - 1)) distinct++
    let capacity = 1
    while (capacity * MAX_LOAD < distinct) capacity *= 2
    const rows = new Int32Array(capacity).fill(EMPTY)
    const values = new Float32Array(capacity * labels)
    const model = new PackedModel(labels, bits, rows, values)
    for (let i = 0; i < n; i++) {
      const slot = slotOf(i)
      const row = Math.floor(slot / labels)
      let at = model.#find(row)
      if (at < 0) {
        at = row & (capacity - 1)
        while (rows[at] !== EMPTY) at = (at + 1) & (capacity - 1)
        rows[at] = row
      }
      values[at * labels + slot - row * labels] = value(i)
    }
    return { model, next }
  }
}
