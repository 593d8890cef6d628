// The committed weights of the attribution models (models/quotes.bin), loaded once, on first use.
import { modelFile, readModelFile } from '../learning/model-file.js'
import { HashedModel, type Scorer } from '../learning/weights.js'

/** models/quotes.bin at the project root. */
export const MODEL_FILE = modelFile('quotes.bin')

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
  if (loaded === undefined) loaded = readModelFile(MODEL_FILE, modelsFromBuffer)
  return loaded
}
