import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import type { Store } from '../store/store.js'
import { DEFAULT_MAX_ARTICLE_BYTES } from '../domain/limits.js'
import { NewArticle } from '../schemas/writes.js'
import { ingestStream } from './bulk.js'
import { ArticleSubmissions, PIPELINE, type Parser } from './submissions.js'
import { decodeUtf8 } from './text-body.js'

/** The project's seed folder, found from this file in src/ or dist/ alike. */
export const SEED_DIR = fileURLToPath(new URL('../../seed/', import.meta.url))


const TEXT = /\.txt$/i
const NDJSON = /\.(ndjson|jsonl)$/i

/** What `NAME.json` beside `NAME.txt` may say of the article: what a client may send besides the text. */
const Sidecar = NewArticle.omit({ text: true })

function describe (error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'document'}: ${i.message}` +
    (i.code === 'unrecognized_keys' ? ` (${i.keys.join(', ')})` : '')).join('; ')
}

/** Reads `file` (strict UTF-8) with its sidecar metadata, checked as POST /articles checks a body. Throws a message. */
export function readTextDocument (file: string, maxBytes = DEFAULT_MAX_ARTICLE_BYTES): NewArticle {
  const bytes = fs.readFileSync(file)
  if (bytes.length > maxBytes) throw new Error(`larger than ${maxBytes} bytes`)
  const text = decodeUtf8(bytes, 'text')
  const sidecarFile = file.replace(TEXT, '.json')
  let metadata: unknown = {}
  if (fs.existsSync(sidecarFile)) {
    try {
      metadata = JSON.parse(fs.readFileSync(sidecarFile, 'utf8'))
    } catch (error) {
      throw new Error(`${path.basename(sidecarFile)} is not JSON: ${error instanceof Error ? error.message : ''}`, { cause: error })
    }
    const checked = Sidecar.safeParse(metadata)
    if (!checked.success) throw new Error(`${path.basename(sidecarFile)}: ${describe(checked.error)}`)
  }
  const input = NewArticle.safeParse({ ...(metadata as object), text })
  if (!input.success) throw new Error(describe(input.error))
  return input.data
}

export interface Failure {
  /** The file, or `file:line` for a line of an NDJSON file. */
  source: string
  detail: string
}

export interface IngestSummary {
  created: number
  existing: number
  failed: number
  failures: Failure[]
}

/** The files that `paths` name: .txt and .ndjson/.jsonl files as given, folders walked in name order. */
export function expandPaths (paths: string[]): { files: string[], failures: Failure[] } {
  const files: string[] = []
  const failures: Failure[] = []
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (TEXT.test(entry.name) || NDJSON.test(entry.name)) files.push(full)
    }
  }
  for (const given of paths) {
    const stat = fs.statSync(given, { throwIfNoEntry: false })
    if (!stat) failures.push({ source: given, detail: 'no such file or folder' })
    else if (stat.isDirectory()) walk(given)
    else if (TEXT.test(given) || NDJSON.test(given)) files.push(given)
    else failures.push({ source: given, detail: 'not a .txt, .ndjson or .jsonl file, nor a folder' })
  }
  return { files, failures }
}

/** How many documents the files hold: one per text, one per NDJSON line; for a progress bar's total. */
export async function countDocuments (files: string[]): Promise<number> {
  let total = 0
  for (const file of files) {
    if (!NDJSON.test(file)) { total++; continue }
    let lines = 0
    let last = 0x0a
    for await (const chunk of fs.createReadStream(file) as AsyncIterable<Buffer>) {
      for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, i + 1)) lines++
      last = chunk.at(-1) ?? last
    }
    total += lines + (last === 0x0a ? 0 : 1)
  }
  return total
}

export interface IngestOptions {
  parser?: Parser
  maxArticleBytes?: number
  /** Called as documents are done (blank NDJSON lines count too), to move a progress bar. */
  onProgress?: (documents: number) => void
}

/**
 * Ingests .txt files (with NAME.json metadata beside them), .ndjson files and folders of them, the
 * way POST /articles and POST /articles/bulk do: a text already stored is left as it is ("existing").
 */
export async function ingestPaths (paths: string[], store: Store, options: IngestOptions = {}): Promise<IngestSummary> {
  const maxArticleBytes = options.maxArticleBytes ?? DEFAULT_MAX_ARTICLE_BYTES
  const parser = options.parser ?? PIPELINE
  const submissions = new ArticleSubmissions(store, parser)
  const { files, failures } = expandPaths(paths)
  const summary: IngestSummary = { created: 0, existing: 0, failed: failures.length, failures }
  for (const file of files) {
    if (NDJSON.test(file)) {
      let seen = 0
      const lines = ingestStream(fs.createReadStream(file), store, { maxLineBytes: maxArticleBytes, instance: file }, parser)
      for await (const result of lines) {
        if (result.status === 'done') {
          options.onProgress?.(result.lines - seen)
          continue
        }
        options.onProgress?.(result.line - seen)
        seen = result.line
        if (result.status === 'failed') {
          summary.failed++
          summary.failures.push({ source: `${file}:${result.line}`, detail: result.problem.detail ?? result.problem.title })
        } else summary[result.status]++
      }
      continue
    }
    try {
      summary[(await submissions.submit(readTextDocument(file, maxArticleBytes))).outcome]++
    } catch (error) {
      summary.failed++
      summary.failures.push({ source: file, detail: error instanceof Error ? error.message : String(error) })
    }
    options.onProgress?.(1)
  }
  return summary
}

/** Ingests every document of the seed folder; running it twice changes nothing. */
export function seedDatabase (store: Store, dir = SEED_DIR): Promise<IngestSummary> {
  return ingestPaths([dir], store)
}

/** Seeds from `dir` when the schema is current and the store holds no article; null when it had to do nothing. */
export async function seedIfEmpty (store: Store, dir: string): Promise<IngestSummary | null> {
  const ready = await store.readiness()
  if (ready.problem !== null || ready.pending > 0 || !await store.isEmpty()) return null
  return await seedDatabase(store, dir)
}
