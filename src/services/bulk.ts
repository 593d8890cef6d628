import { STATUS_CODES } from 'node:http'
import { setImmediate as nextTurn } from 'node:timers/promises'
import type { z } from 'zod'
import { articleIdOf } from '../db/article-writer.js'
import type { Db } from '../db/connection.js'
import type { Repositories } from '../db/repositories.js'
import type { ParsedArticle } from '../extract/types.js'
import type { Problem } from '../schemas/common.js'
import { NewArticle, type BulkLineResult } from '../schemas/writes.js'
import { splitLines, type RawLine } from './ndjson.js'
import { metadataOf, PIPELINE, type Parser } from './submissions.js'
import { decodeUtf8 } from './text-body.js'

export interface BulkOptions {
  /** A line longer than this is refused (413 for that line) without being held in memory. */
  maxLineBytes: number
  /** Lines written per transaction: bigger batches commit less often, smaller ones answer sooner. */
  batchSize?: number
  /** Names the stream in each line's problem (`instance`). */
  instance?: string
}

export const DEFAULT_BATCH_SIZE = 100

type Problems = NonNullable<Problem['invalidParams']>

/** A line ready to write: its input checked and, when its text is new, parsed. */
interface Pending {
  line: number
  input: NewArticle
  parsed: ParsedArticle | null
}

type Outcome = Extract<BulkLineResult, { line: number }>

function lineProblem (line: number, instance: string, status: number, detail: string, invalidParams?: Problems): Outcome {
  return {
    line,
    status: 'failed',
    problem: {
      type: 'about:blank',
      title: STATUS_CODES[status] ?? 'Error',
      status,
      detail: `line ${line}: ${detail}`,
      instance: `${instance}#line=${line}`,
      ...(invalidParams ? { invalidParams } : {})
    }
  }
}

function invalidParamsOf (error: z.ZodError): Problems {
  return error.issues.flatMap((issue) => issue.code === 'unrecognized_keys'
    ? issue.keys.map((key) => ({ name: key, in: 'body' as const, reason: 'is not a known field' }))
    : [{ name: issue.path.join('.') || 'line', in: 'body' as const, reason: issue.message }])
}

/**
 * Ingests an NDJSON stream of articles (one NewArticle per line), yielding each line's outcome in
 * line order and a closing summary. A bad line fails alone. Lines are written in transactions of up
 * to `batchSize`, and a batch is written as soon as the stream pauses, so a slow client sees its
 * answers without waiting for a full batch. Memory is bounded by one batch and one line, whatever
 * the stream's length: the source is pulled only as fast as answers are consumed.
 */
export async function * ingestStream (source: AsyncIterable<Buffer | string>, db: Db, repos: Repositories,
  options: BulkOptions, parser: Parser = PIPELINE): AsyncGenerator<BulkLineResult> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE
  const instance = options.instance ?? 'bulk'
  const totals = { lines: 0, created: 0, existing: 0, failed: 0 }
  const count = (outcome: Outcome) => {
    if (outcome.status === 'failed') totals.failed++
    else totals[outcome.status]++
    return outcome
  }

  /** Checks one line; a line to write comes back as Pending, a refused one as its failure. */
  const check = (raw: RawLine): Pending | Outcome | null => {
    if (raw.bytes === null) return lineProblem(raw.number, instance, 413, `longer than ${options.maxLineBytes} bytes`)
    let text: string
    try {
      text = decodeUtf8(raw.bytes, 'line')
    } catch {
      return lineProblem(raw.number, instance, 400, 'is not valid UTF-8 text')
    }
    if (text.trim() === '') return null // blank lines separate nothing and mean nothing
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch (error) {
      return lineProblem(raw.number, instance, 400, `is not JSON (${error instanceof Error ? error.message : 'unreadable'})`)
    }
    const input = NewArticle.safeParse(json)
    if (!input.success) {
      const params = invalidParamsOf(input.error)
      return lineProblem(raw.number, instance, 400, params.map((p) => `${p.name}: ${p.reason}`).join('; '), params)
    }
    return { line: raw.number, input: input.data, parsed: null }
  }

  const writeOne = (item: Pending): Outcome => {
    const { id, outcome } = repos.writer.create(item.input.text, metadataOf(item.input),
      () => item.parsed ?? parser.parse(item.input.text), parser.version)
    return { line: item.line, status: outcome, id }
  }

  /** One transaction for the batch; if it fails, each line alone, so one bad write cannot sink the rest. */
  const write = (batch: Pending[]): Map<number, Outcome> => {
    const results = new Map<number, Outcome>()
    try {
      repos.writer.batch(() => { for (const item of batch) results.set(item.line, writeOne(item)) })
    } catch {
      results.clear()
      for (const item of batch) {
        try {
          results.set(item.line, writeOne(item))
        } catch {
          results.set(item.line, lineProblem(item.line, instance, 500, 'could not be stored; it has been logged'))
        }
      }
    }
    return results
  }

  for await (const lines of splitLines(source, options.maxLineBytes)) {
    for (let from = 0; from < lines.length; from += batchSize) {
      const group = lines.slice(from, from + batchSize)
      const answers: (Outcome | Pending)[] = []
      const batch: Pending[] = []
      const parsedIds = new Set<string>()
      for (const raw of group) {
        totals.lines++
        const checked = check(raw)
        if (checked === null) continue
        answers.push(checked)
        if (!('input' in checked)) continue
        batch.push(checked)
        // Parse before the transaction, once per new text; a duplicate line is found stored when written.
        const id = articleIdOf(checked.input.text)
        if (!parsedIds.has(id) && !repos.articles.exists(id)) {
          checked.parsed = parser.parse(checked.input.text)
          parsedIds.add(id)
          await nextTurn() // let other requests in between two parses
        }
      }
      const written = batch.length ? write(batch) : new Map<number, Outcome>()
      for (const answer of answers) {
        yield count('input' in answer ? written.get(answer.line) ?? lineProblem(answer.line, instance, 500, 'was not written') : answer)
      }
    }
  }
  yield { status: 'done', ...totals }
}
