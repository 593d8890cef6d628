// A named-entity mention, the entity stages' working form: what the rules (find-mentions.ts) and
// the learned tagger (learned-mentions.ts) find, and what clusters.ts groups into entities.
import type { TextSpan } from '../../domain/extraction.js'
import type { EntityType } from '../../domain/values.js'

export interface Mention extends TextSpan {
  type: EntityType
  /** The name this mention stands for ("United States" for "U.S."). */
  canonical: string
  /** 2: lexicon or gazetteer, 1: context, 0: a guess from shape alone. */
  confidence: number
  titles: string[]
  /** Country of a nationality adjective before the name ("Syrian President X" → "Syria"). */
  nationality: string | null
  sentence: number
  paragraph: number
}
