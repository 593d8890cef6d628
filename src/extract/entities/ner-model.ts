// The committed NER weights (models/ner.bin), loaded once on first use, and the recogniser the
// pipeline calls: every sentence of a document tagged (twice, see ner-elsewhere.ts), its entities as token ranges.
import type { Doc } from '../text/document.js'
import { modelFile, readModelFile } from '../learning/model-file.js'
import { SparseModel, type Scorer } from '../learning/weights.js'
import { nerView } from './ner-features.js'
import { spansOf, type NerType } from './ner-labels.js'
import { tagDocument } from './ner-tagger.js'

/** models/ner.bin at the project root. */
export const NER_MODEL_FILE = modelFile('ner.bin')

let loaded: Scorer | null | undefined

/** The trained tagger, or null when the weights file is missing. */
export function nerModel (): Scorer | null {
  if (loaded === undefined) loaded = readModelFile(NER_MODEL_FILE, (buffer) => SparseModel.fromBuffer(buffer).model)
  return loaded
}

export interface Recognised {
  /** Index into doc.sentences. */
  sentence: number
  /** First token in the sentence. */
  from: number
  /** One past the last token. */
  to: number
  type: NerType
}

/** The entities the tagger finds in every sentence of `doc` (none without a model). */
export function recognise (doc: Doc, model: Scorer | null = nerModel()): Recognised[] {
  if (!model) return []
  const view = nerView(doc.sentences.map((s) => s.tokens))
  const found: Recognised[] = []
  tagDocument(view, model).forEach((labels, s) => { for (const span of spansOf(labels)) found.push({ sentence: s, ...span }) })
  shareFullNameTypes(doc, found)
  return found
}

/** Names longer than this are not read for their parts. */
const MAX_NAME_WORDS = 6

/**
 * "Clinton" after "Bill Clinton": a mention that is part of a person's longer name earlier in the
 * document is that person (Ratinov & Roth 2009), whatever the tagger read into the shorter form.
 */
function shareFullNameTypes (doc: Doc, found: Recognised[]): void {
  const parts = new Set<string>()
  for (const r of found) {
    const words = (doc.sentences[r.sentence]?.tokens ?? []).slice(r.from, r.to).map((t) => t.text)
    if (parts.has(words.join(' '))) r.type = 'PER'
    // a longer run is no name but a slip, and its parts would cost the square of its length
    if (r.type !== 'PER' || words.length < 2 || words.length > MAX_NAME_WORDS) continue
    for (let a = 0; a < words.length; a++) {
      for (let b = a + 1; b <= words.length; b++) if (b - a < words.length) parts.add(words.slice(a, b).join(' '))
    }
  }
}
