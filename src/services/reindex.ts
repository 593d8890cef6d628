import { setImmediate as nextTurn } from 'node:timers/promises'
import type { Store } from '../store/store.js'
import type { ParsedArticle } from '../domain/extraction.js'
import { PIPELINE, type Parser } from './submissions.js'

/** Orders dotted versions part by part, numerically where both parts are numbers ("0.10.0" > "0.9.1"). */
export function compareVersions (a: string, b: string): number {
  const pa = a.split(/[.+-]/)
  const pb = b.split(/[.+-]/)
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '0'
    const y = pb[i] ?? '0'
    const byNumber = /^\d+$/.test(x) && /^\d+$/.test(y) ? Number(x) - Number(y) : x.localeCompare(y)
    if (byNumber !== 0) return Math.sign(byNumber)
  }
  return 0
}

/** Articles parsed by an extractor older than `version`, per version, oldest first. */
export async function staleVersions (store: Store, version: string): Promise<{ version: string, count: number }[]> {
  return [...await store.countByExtractorVersion()]
    .filter(([v]) => compareVersions(v, version) < 0)
    .sort(([a], [b]) => compareVersions(a, b))
    .map(([v, count]) => ({ version: v, count }))
}

export interface ReindexOptions {
  parser?: Parser
  /** Articles parsed, then written in one transaction. */
  batchSize?: number
  /** Stops after the batch in progress: what is done stays done, and a later run goes on from there. */
  signal?: AbortSignal
  /** Called after each batch is committed with the number it re-parsed. */
  onProgress?: (articles: number) => void | Promise<void>
}

export interface ReindexSummary {
  reparsed: number
  /** Articles still older than the current extractor (left by an interruption). */
  remaining: number
  interrupted: boolean
}

export const DEFAULT_REINDEX_BATCH = 50

/**
 * Re-parses every stored article whose extractor version is older than the parser's, in batches:
 * a batch is parsed outside any transaction, then written in one. Ids, metadata and creation times
 * stay. Progress is the data itself (each article records its version), so an interrupted run, even
 * a killed one, resumes where it stopped: a batch is written whole or not at all.
 */
export async function reindex (store: Store, options: ReindexOptions = {}): Promise<ReindexSummary> {
  const parser = options.parser ?? PIPELINE
  const batchSize = options.batchSize ?? DEFAULT_REINDEX_BATCH
  let reparsed = 0
  for (const { version } of await staleVersions(store, parser.version)) {
    // The id cursor moves past an article even when it vanished meanwhile, so no batch repeats forever.
    for (let after = ''; !options.signal?.aborted;) {
      const batch = await store.articlesParsedBy(version, after, batchSize)
      if (batch.length === 0) break
      const parses: { id: string, parsed: ParsedArticle }[] = []
      for (const { id, text } of batch) {
        parses.push({ id, parsed: parser.parse(text) })
        await nextTurn() // lets a signal (Ctrl-C) in between two parses
      }
      reparsed += await store.reparseArticles(parses, parser.version)
      after = batch.at(-1)?.id ?? after
      await options.onProgress?.(batch.length)
    }
  }
  const remaining = (await staleVersions(store, parser.version)).reduce((sum, v) => sum + v.count, 0)
  return { reparsed, remaining, interrupted: options.signal?.aborted === true }
}
