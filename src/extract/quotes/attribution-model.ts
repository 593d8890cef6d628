// The committed weights of the attribution models (models/quotes.bin), loaded once, on first use.
import fs from 'node:fs'
import { fileURLToPath } from 'node:url'
import { HashedModel, type Scorer } from '../learning/weights.js'

/** models/quotes.bin at the project root, from src/extract/attribution or dist/extract/attribution alike. */
export const MODEL_FILE = fileURLToPath(new URL('../../../models/quotes.bin', import.meta.url))

export interface AttributionModels {
  cue: Scorer
  source: Scorer
  content: Scorer
}

let loaded: AttributionModels | null | undefined

/** Reads the three models stored one after another in `buffer`. */
export function modelsFromBuffer (buffer: Buffer): AttributionModels {
  const cue = HashedModel.fromBuffer(buffer, 0)
  const source = HashedModel.fromBuffer(buffer, cue.next)
  const content = HashedModel.fromBuffer(buffer, source.next)
  return { cue: cue.model, source: source.model, content: content.model }
}

/** The trained models, or null when the weights file is missing. */
export function attributionModels (): AttributionModels | null {
  if (loaded === undefined) loaded = fs.existsSync(MODEL_FILE) ? modelsFromBuffer(fs.readFileSync(MODEL_FILE)) : null
  return loaded
}
