// The committed model files (models/*.bin at the project root), found and read the same way for the
// NER tagger (entities/ner-model.ts) and the attribution models (quotes/attribution-model.ts).
import fs from 'node:fs'
import { fileURLToPath } from 'node:url'

/** models/ at the project root, from src/extract/learning or dist/extract/learning alike. */
const MODELS = new URL('../../../models/', import.meta.url)

/** The path of models/NAME. */
export const modelFile = (name: string): string => fileURLToPath(new URL(name, MODELS))

/** The model `parse` reads from `file`, or null when the file is missing. */
export function readModelFile<T> (file: string, parse: (buffer: Buffer) => T): T | null {
  return fs.existsSync(file) ? parse(fs.readFileSync(file)) : null
}
