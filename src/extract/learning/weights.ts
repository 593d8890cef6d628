// Weight tables indexed by hashed features. A model scores a feature list for each of its labels;
// training keeps the sums that the averaged perceptron needs (Collins 2002), and the averaged,
// pruned weights are saved as a compact binary: slot indices and values of the non-zero slots.

export interface Scorer {
  readonly labels: number
  /** Sum of the weights of `features` for `label`. */
  score (features: ArrayLike<number>, count: number, label: number): number
  /** The sums for every label at once, into `out`. */
  scoreAll (features: ArrayLike<number>, count: number, out: Float64Array): Float64Array
}

// A feature's weights for all labels sit side by side: one cache line per feature, not per label.
const slotOf = (feature: number, label: number, mask: number, labels: number): number => (feature & mask) * labels + label

function sumOne (table: ArrayLike<number>, features: ArrayLike<number>, count: number, label: number, mask: number, labels: number): number {
  let s = 0
  for (let i = 0; i < count; i++) s += table[slotOf(features[i] ?? 0, label, mask, labels)] ?? 0
  return s
}

function sumAll (table: ArrayLike<number>, features: ArrayLike<number>, count: number, mask: number, labels: number, out: Float64Array): Float64Array {
  if (labels === 3) return sumThree(table, features, count, mask, out)
  out.fill(0)
  for (let i = 0; i < count; i++) {
    const base = ((features[i] ?? 0) & mask) * labels
    for (let l = 0; l < labels; l++) out[l] = (out[l] ?? 0) + (table[base + l] ?? 0)
  }
  return out
}

/** The cue tagger's case, on every token: three labels summed in locals. */
function sumThree (table: ArrayLike<number>, features: ArrayLike<number>, count: number, mask: number, out: Float64Array): Float64Array {
  let s0 = 0
  let s1 = 0
  let s2 = 0
  for (let i = 0; i < count; i++) {
    const base = ((features[i] ?? 0) & mask) * 3
    s0 += table[base] ?? 0
    s1 += table[base + 1] ?? 0
    s2 += table[base + 2] ?? 0
  }
  out[0] = s0
  out[1] = s1
  out[2] = s2
  return out
}

/**
 * HashedModel's binary layout, read once for every model class that loads it: labels, bits, n
 * (uint32 each), then n uint32 slots (row × labels + label) and n float32 values.
 */
export interface StoredWeights {
  labels: number
  bits: number
  n: number
  slot: (i: number) => number
  value: (i: number) => number
  /** The offset just past these weights. */
  next: number
}

export function readStoredWeights (buffer: Buffer, offset = 0): StoredWeights {
  const view = new DataView(buffer.buffer, buffer.byteOffset + offset)
  const labels = view.getUint32(0, true)
  const bits = view.getUint32(4, true)
  const n = view.getUint32(8, true)
  return {
    labels,
    bits,
    n,
    slot: (i) => view.getUint32(12 + 4 * i, true),
    value: (i) => view.getFloat32(12 + 4 * n + 4 * i, true),
    next: offset + 12 + 8 * n
  }
}

export class HashedModel implements Scorer {
  readonly labels: number
  readonly #mask: number
  readonly #table: Float32Array

  constructor (labels: number, bits: number, table?: Float32Array) {
    this.labels = labels
    this.#mask = (1 << bits) - 1
    this.#table = table ?? new Float32Array((1 << bits) * labels)
  }

  score (features: ArrayLike<number>, count: number, label: number): number {
    return sumOne(this.#table, features, count, label, this.#mask, this.labels)
  }

  scoreAll (features: ArrayLike<number>, count: number, out: Float64Array): Float64Array {
    return sumAll(this.#table, features, count, this.#mask, this.labels, out)
  }

  /** Reads the layout toBuffer writes (readStoredWeights). */
  static fromBuffer (buffer: Buffer, offset = 0): { model: HashedModel, next: number } {
    const { labels, bits, n, slot, value, next } = readStoredWeights(buffer, offset)
    const table = new Float32Array((1 << bits) * labels)
    for (let i = 0; i < n; i++) table[slot(i)] = value(i)
    return { model: new HashedModel(labels, bits, table), next }
  }
}

export class HashedTrainer implements Scorer {
  readonly labels: number
  readonly bits: number
  readonly #mask: number
  readonly #weights: Float64Array
  readonly #totals: Float64Array
  readonly #stamps: Float64Array
  #instances = 0
  /** Only these features get weights (those seen often enough), when set: fewer collisions, smaller tables. */
  allowed: Set<number> | null = null

  constructor (labels: number, bits: number) {
    this.labels = labels
    this.bits = bits
    this.#mask = (1 << bits) - 1
    this.#weights = new Float64Array((1 << bits) * labels)
    this.#totals = new Float64Array((1 << bits) * labels)
    this.#stamps = new Float64Array((1 << bits) * labels)
  }

  score (features: ArrayLike<number>, count: number, label: number): number {
    return sumOne(this.#weights, features, count, label, this.#mask, this.labels)
  }

  scoreAll (features: ArrayLike<number>, count: number, out: Float64Array): Float64Array {
    return sumAll(this.#weights, features, count, this.#mask, this.labels, out)
  }

  /** Counts one training decision; call before its updates. */
  tick (): void {
    this.#instances++
  }

  update (features: ArrayLike<number>, count: number, label: number, delta: number): void {
    for (let i = 0; i < count; i++) {
      if (this.allowed && !this.allowed.has(features[i] ?? 0)) continue
      const slot = slotOf(features[i] ?? 0, label, this.#mask, this.labels)
      this.#totals[slot] = (this.#totals[slot] ?? 0) + (this.#instances - (this.#stamps[slot] ?? 0)) * (this.#weights[slot] ?? 0)
      this.#stamps[slot] = this.#instances
      this.#weights[slot] = (this.#weights[slot] ?? 0) + delta
    }
  }

  /** The averaged weights, those under `minWeight` dropped, in HashedModel's binary layout. */
  toBuffer (minWeight = 1e-3): Buffer {
    const slots: number[] = []
    const values: number[] = []
    const n = Math.max(1, this.#instances)
    for (let slot = 0; slot < this.#weights.length; slot++) {
      const w = this.#weights[slot] ?? 0
      const total = (this.#totals[slot] ?? 0) + (this.#instances - (this.#stamps[slot] ?? 0)) * w
      const mean = total / n
      if (Math.abs(mean) >= minWeight) { slots.push(slot); values.push(mean) }
    }
    const buffer = Buffer.alloc(12 + 8 * slots.length)
    buffer.writeUInt32LE(this.labels, 0)
    buffer.writeUInt32LE(this.bits, 4)
    buffer.writeUInt32LE(slots.length, 8)
    slots.forEach((slot, i) => {
      buffer.writeUInt32LE(slot, 12 + 4 * i)
      buffer.writeFloatLE(values[i] ?? 0, 12 + 4 * slots.length + 4 * i)
    })
    return buffer
  }
}

/**
 * The same weights read-only and packed by feature row: for each row, only its non-zero labels.
 * A table of many labels (the NER tagger's 17) is mostly zeros; packed, it is a few MB instead
 * of tens, so scoring a token stays in cache rather than waiting on memory.
 */
export class SparseModel implements Scorer {
  readonly labels: number
  readonly #mask: number
  readonly #rowStart: Int32Array
  readonly #label: Uint8Array
  readonly #value: Float32Array

  private constructor (labels: number, bits: number, rowStart: Int32Array, label: Uint8Array, value: Float32Array) {
    this.labels = labels
    this.#mask = (1 << bits) - 1
    this.#rowStart = rowStart
    this.#label = label
    this.#value = value
  }

  score (features: ArrayLike<number>, count: number, label: number): number {
    return this.scoreAll(features, count, new Float64Array(this.labels))[label] ?? 0
  }

  scoreAll (features: ArrayLike<number>, count: number, out: Float64Array): Float64Array {
    out.fill(0)
    const rowStart = this.#rowStart
    const labels = this.#label
    const values = this.#value
    const mask = this.#mask
    for (let i = 0; i < count; i++) {
      const row = (features[i] ?? 0) & mask
      const end = rowStart[row + 1] as number
      for (let q = rowStart[row] as number; q < end; q++) out[labels[q] as number] = (out[labels[q] as number] as number) + (values[q] as number)
    }
    return out
  }

  /** Reads HashedModel's binary layout (its slots are written in ascending order). */
  static fromBuffer (buffer: Buffer, offset = 0): { model: SparseModel, next: number } {
    const { labels, bits, n, slot: slotOf, value: valueOf, next } = readStoredWeights(buffer, offset)
    const rowStart = new Int32Array((1 << bits) + 1)
    const label = new Uint8Array(n)
    const value = new Float32Array(n)
    for (let i = 0; i < n; i++) {
      const slot = slotOf(i)
      const row = Math.floor(slot / labels)
      label[i] = slot - row * labels
      value[i] = valueOf(i)
      rowStart[row + 1] = i + 1
    }
    // rows without weights start where the previous row ended
    for (let r = 1; r < rowStart.length; r++) if ((rowStart[r] as number) < (rowStart[r - 1] as number)) rowStart[r] = rowStart[r - 1] as number
    return { model: new SparseModel(labels, bits, rowStart, label, value), next }
  }
}
