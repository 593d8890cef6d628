// The committed weights of the attribution models (models/quotes.bin), loaded once, on first use.
import { modelFile, readModelFile } from '../learning/model-file.js'
import { PackedModel } from '../learning/packed-model.js'
import type { Scorer } from '../learning/weights.js'

/** models/quotes.bin at the project root. */
export const MODEL_FILE = modelFile('quotes.bin')

export interface AttributionModels {
  cue: Scorer
  source: Scorer
  content: Scorer
}

let loaded: AttributionModels | null | undefined

/** Reads the three models stored one after another in `buffer`, packed (most of their rows are empty). */
export function modelsFromBuffer (buffer: Buffer): AttributionModels {
  const cue = PackedModel.fromBuffer(buffer, 0)
  const source = PackedModel.fromBuffer(buffer, cue.next)
  const content = PackedModel.fromBuffer(buffer, source.next)
  return { cue: cue.model, source: source.model, content: content.model }
}

/** The trained models, or null when the weights file is missing. */
export function attributionModels (): AttributionModels | null {
  if (loaded === undefined) loaded = readModelFile(MODEL_FILE, modelsFromBuffer)
  return loaded
}
