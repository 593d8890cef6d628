import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import type { ArticleMetadata, ArticleWriter, SaveOutcome } from './db/article-writer.js'
import { parseArticle } from './extract/pipeline.js'
import { EXTRACTOR_VERSION } from './extract/version.js'

/** The project's seed folder, found from this file in src/ or dist/ alike. */
export const SEED_DIR = fileURLToPath(new URL('../seed/', import.meta.url))

/** Parses `text` with the pipeline and stores it with its quotes and entities. */
export function ingestArticle (writer: ArticleWriter, text: string, metadata: ArticleMetadata = {}) {
  return writer.save(text, metadata, parseArticle(text), EXTRACTOR_VERSION)
}

/** What `seed/NAME.json` beside `seed/NAME.txt` may say of the article. */
const SeedMetadata = z.object({
  title: z.string().min(1).optional(),
  publishedAt: z.iso.datetime({ offset: true }).optional(),
  url: z.url().optional(),
  publisher: z.string().min(1).optional(),
  language: z.string().min(2).max(35).optional()
}).strict()

export interface SeedDocument {
  file: string
  text: string
  metadata: ArticleMetadata
}

export function readSeedDocuments (dir = SEED_DIR): SeedDocument[] {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((file) => {
    const sidecar = path.join(dir, `${file.slice(0, -'.txt'.length)}.json`)
    const metadata = fs.existsSync(sidecar) ? SeedMetadata.parse(JSON.parse(fs.readFileSync(sidecar, 'utf8'))) : {}
    return { file, text: fs.readFileSync(path.join(dir, file), 'utf8'), metadata }
  })
}

export type SeedSummary = Record<SaveOutcome, string[]>

/** Upserts every seed document; running it twice changes nothing. */
export function seedDatabase (writer: ArticleWriter, dir = SEED_DIR): SeedSummary {
  const summary: SeedSummary = { created: [], updated: [], unchanged: [] }
  for (const doc of readSeedDocuments(dir)) {
    const { id, outcome } = ingestArticle(writer, doc.text, doc.metadata)
    summary[outcome].push(`${doc.file} → ${id}`)
  }
  return summary
}
