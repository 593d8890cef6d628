import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { ParsedArticle } from '../src/domain/extraction.js'
import { parseArticle } from '../src/extract/pipeline.js'
import { EXTRACTOR_VERSION } from '../src/extract/version.js'
import { SqliteStore } from '../src/store/sqlite/store.js'
import { ensureCorpus } from './corpus.js'
import { ensurePaddedCorpus } from './statement-padding.js'
import { ingestTexts, median } from './ingest.js'

// What statement assignment costs ingest at scale (issue 17: at most 10 %): new articles written
// into a copy of the 100k-article corpus, its statement tables padded to the size 100k articles of
// distinct quotes would give them (bench/statement-padding.ts), with statements assigned in each write ("on") and with
// assignment deferred ("off": the quotes left for the start-up backfill), rounds interleaved. The
// texts are parsed once beforehand, so the write-only ratio is the assignment's whole cost; the
// end-to-end ratio adds the parse each article needs anyway (measured in the same run).
// Environment: BENCH_STATEMENTS_SIZE (100000), BENCH_STATEMENTS_TEXTS (300), BENCH_ROUNDS (3).

export interface StatementsBench {
  corpus: number
  /** The padded statement tables' text classes and bucket rows. */
  statementClasses: number
  bucketRows: number
  texts: number
  source: string
  rounds: number
  on: number[]
  off: number[]
  parsePerSecond: number
  /** Median articles/s written, assignment on ÷ off. */
  writeRatio: number
  /** The same with each article's parse added: what ingest throughput keeps. */
  ingestRatio: number
}

const BATCH = 50

function writeRound (corpus: string, texts: { text: string, parsed: ParsedArticle }[], assignStatements: boolean): number {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-statements-'))
  const file = path.join(dir, 'news.db')
  fs.copyFileSync(corpus, file)
  const store = new SqliteStore({ database: file, assignStatements })
  const started = performance.now()
  for (let i = 0; i < texts.length; i += BATCH) {
    store.repos.writer.batch(() => {
      for (const { text, parsed } of texts.slice(i, i + BATCH)) store.repos.writer.create(text, {}, () => parsed, EXTRACTOR_VERSION)
    })
  }
  const perSecond = texts.length / ((performance.now() - started) / 1000)
  store.db.close()
  fs.rmSync(dir, { recursive: true, force: true })
  return perSecond
}

export function benchStatements (root: string, log: (line: string) => void): StatementsBench {
  const size = Number(process.env.BENCH_STATEMENTS_SIZE ?? 100_000)
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3)
  const corpus = ensureCorpus(root, size, log)
  const { source, texts } = ingestTexts(root, Number(process.env.BENCH_STATEMENTS_TEXTS ?? 300))
  const padded = ensurePaddedCorpus(corpus.file, texts, log)
  const parseStarted = performance.now()
  const parsed = texts.map((text) => ({ text, parsed: parseArticle(text) }))
  const parsePerSecond = texts.length / ((performance.now() - parseStarted) / 1000)
  const on: number[] = []
  const off: number[] = []
  for (let r = 0; r < rounds; r++) {
    // alternate which goes first, so neither always meets a warmer page cache
    const order = r % 2 === 0 ? [true, false] : [false, true]
    for (const assign of order) (assign ? on : off).push(writeRound(padded.file, parsed, assign))
    log(`statements: round ${r + 1}/${rounds}: on ${on.at(-1)?.toFixed(0)} / off ${off.at(-1)?.toFixed(0)} articles/s written`)
  }
  const [wOn, wOff] = [median(on), median(off)]
  const endToEnd = (write: number) => 1 / (1 / parsePerSecond + 1 / write)
  return {
    corpus: size,
    statementClasses: padded.classes,
    bucketRows: padded.bucketRows,
    texts: texts.length,
    source,
    rounds,
    on,
    off,
    parsePerSecond,
    writeRatio: wOn / wOff,
    ingestRatio: endToEnd(wOn) / endToEnd(wOff)
  }
}
