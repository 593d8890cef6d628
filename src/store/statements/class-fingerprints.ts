// The matching fingerprints of stored classes, kept by a writer across its writes.
import { matchingFingerprint, type Fingerprint } from './fingerprint.js'
import type { StatementSettings } from './settings.js'
import type { ClassRow } from './tables.js'

/**
 * Stored classes' matching fingerprints by key, kept by the writer across its writes: the classes a
 * new quote is matched against are mostly the same few (its statement's other wordings). Bounded:
 * emptied when full.
 */
export class ClassFingerprints {
  readonly #byKey = new Map<string, Fingerprint>()

  constructor (readonly settings: StatementSettings, private readonly max = 20_000) {}

  of (row: ClassRow): Fingerprint {
    const known = this.#byKey.get(row.key)
    if (known) return known
    if (this.#byKey.size >= this.max) this.#byKey.clear()
    const made = matchingFingerprint({ id: row.key, articleId: '', text: row.canonical, speakerId: row.speakerId, order: '' }, this.settings)
    this.#byKey.set(row.key, made)
    return made
  }
}
