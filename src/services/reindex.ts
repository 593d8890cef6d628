import { setImmediate as nextTurn } from 'node:timers/promises'
import type { Db } from '../store/sqlite/connection.js'
import type { Repositories } from '../store/sqlite/repositories.js'
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
export function staleVersions (repos: Repositories, version: string): { version: string, count: number }[] {
  return [...repos.articles.countByExtractorVersion()]
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
  onProgress?: (articles: number) => void
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
export async function reindex (db: Db, repos: Repositories, options: ReindexOptions = {}): Promise<ReindexSummary> {
  const parser = options.parser ?? PIPELINE
  const batchSize = options.batchSize ?? DEFAULT_REINDEX_BATCH
  let reparsed = 0
  for (const { version } of staleVersions(repos, parser.version)) {
    // The id cursor moves past an article even when it vanished meanwhile, so no batch repeats forever.
    for (let after = ''; !options.signal?.aborted;) {
      const batch = repos.articles.parsedBy(version, after, batchSize)
      if (batch.length === 0) break
      const parsed: { id: string, parse: ParsedArticle }[] = []
      for (const { id, text } of batch) {
        parsed.push({ id, parse: parser.parse(text) })
        await nextTurn() // lets a signal (Ctrl-C) in between two parses
      }
      db.transaction(() => {
        for (const { id, parse } of parsed) if (repos.writer.reparse(id, parse, parser.version)) reparsed++
      }).immediate()
      after = batch.at(-1)?.id ?? after
      options.onProgress?.(batch.length)
    }
  }
  const remaining = staleVersions(repos, parser.version).reduce((sum, v) => sum + v.count, 0)
  return { reparsed, remaining, interrupted: options.signal?.aborted === true }
}
