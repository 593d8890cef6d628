import { STATUS_CODES } from 'node:http'
import { setImmediate as nextTurn } from 'node:timers/promises'
import type { z } from 'zod'
import { articleIdOf } from '../store/ids.js'
import type { NewArticle as StoredArticle, Store } from '../store/store.js'
import type { ParsedArticle } from '../domain/extraction.js'
import type { Problem } from '../schemas/common.js'
import { NewArticle, type BulkLineResult } from '../schemas/writes.js'
import { splitLines, type RawLine } from './ndjson.js'
import { ReadAhead } from './read-ahead.js'
import { metadataOf, PIPELINE, type Parser } from './submissions.js'
import { decodeUtf8 } from './text-body.js'

export interface BulkOptions {
  /** A line longer than this is refused (413 for that line) without being held in memory. */
  maxLineBytes: number
  /** Lines written per transaction: bigger batches commit less often, smaller ones answer sooner. */
  batchSize?: number
  /** Names the stream in each line's problem (`instance`). */
  instance?: string
  /**
   * Parses new texts off the main thread (a ParsePool), so that one batch is parsed while the one
   * before is written. Without it texts are parsed in-thread by `parser`. It must run the same
   * pipeline as `parser`: their parses are stored under `parser.version`.
   */
  pool?: { parse: (text: string) => Promise<ParsedArticle> }
}

export const DEFAULT_BATCH_SIZE = 100

type Problems = NonNullable<Problem['invalidParams']>

/** A line ready to write: its input checked and, when its text is new, parsed. */
interface Pending {
  line: number
  input: NewArticle
  parsed: ParsedArticle | null
  /** Set when this line's text is parsed for it (the first line of a text not stored yet). */
  parsing: { id: string, done: Promise<void> } | null
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
 * answers without waiting for a full batch. Lines are read, checked and parsed (on a worker, given
 * a pool) while the batch before them is written, up to two batches ahead, so memory is bounded by
 * three batches and one line, whatever the stream's length: the source is pulled only as fast as
 * answers are consumed.
 */
export async function * ingestStream (source: AsyncIterable<Buffer | string>, store: Store,
  options: BulkOptions, parser: Parser = PIPELINE): AsyncGenerator<BulkLineResult> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE
  const instance = options.instance ?? 'bulk'
  const totals = { lines: 0, created: 0, existing: 0, failed: 0 }
  const count = (outcome: Outcome) => {
    if (outcome.status === 'failed') totals.failed++
    else totals[outcome.status]++
    return outcome
  }
  /** Texts parsed (or being parsed) for a group not written yet: a duplicate among them is found stored. */
  const parsing = new Set<string>()
  const pool = options.pool

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
    return { line: raw.number, input: input.data, parsed: null, parsing: null }
  }

  /**
   * Starts parsing a line's text when it is new (before any transaction, once per text): in a
   * worker when there is a pool (a parse that fails there is left to the write, in-thread).
   */
  const startParse = async (item: Pending): Promise<void> => {
    const id = articleIdOf(item.input.text)
    if (parsing.has(id) || await store.articleExists(id)) return
    parsing.add(id)
    if (pool) {
      const done = pool.parse(item.input.text).then((parsed) => { item.parsed = parsed }, () => {})
      item.parsing = { id, done }
      return
    }
    item.parsed = parser.parse(item.input.text)
    item.parsing = { id, done: Promise.resolve() }
    await nextTurn() // let other requests in between two parses
  }

  const toStore = (item: Pending): StoredArticle => ({
    text: item.input.text,
    metadata: metadataOf(item.input),
    parse: () => item.parsed ?? parser.parse(item.input.text),
    extractorVersion: parser.version
  })

  /** The batch in as few transactions as the store can; a line it could not store fails alone. */
  const write = async (batch: Pending[]): Promise<Map<number, Outcome>> => {
    const stored = await store.createArticles(batch.map(toStore))
    return new Map(batch.map((item, i) => {
      const result = stored[i]
      const outcome: Outcome = result === undefined || result instanceof Error
        ? lineProblem(item.line, instance, 500, 'could not be stored; it has been logged')
        : { line: item.line, status: result.outcome, id: result.id }
      return [item.line, outcome]
    }))
  }

  // Lines are checked and their parses started as they arrive, up to two batches ahead of the writes.
  const ahead = new ReadAhead<Pending | Outcome>(2 * batchSize)
  ahead.start(async (queue) => {
    for await (const lines of splitLines(source, options.maxLineBytes)) {
      for (const raw of lines) {
        totals.lines++
        const checked = check(raw)
        if (checked === null) continue
        queue.push(checked)
        if ('input' in checked) await startParse(checked)
      }
      await queue.room()
      if (queue.stopped) return
    }
  })
  try {
    // each group is what has arrived, up to a batch: a slow stream is answered without waiting for more
    for (let group = await ahead.take(batchSize); group.length > 0; group = await ahead.take(batchSize)) {
      const batch = group.filter((item): item is Pending => 'input' in item)
      await Promise.all(batch.map((item) => item.parsing?.done))
      const written = batch.length ? await write(batch) : new Map<number, Outcome>()
      for (const item of batch) if (item.parsing) parsing.delete(item.parsing.id)
      for (const answer of group) {
        yield count('input' in answer ? written.get(answer.line) ?? lineProblem(answer.line, instance, 500, 'was not written') : answer)
      }
    }
  } finally {
    ahead.stop() // a consumer that stops early stops the reading too
  }
  yield { status: 'done', ...totals }
}
