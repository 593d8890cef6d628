import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import nlp from 'compromise'
import { parseArticle } from '../src/extract/pipeline.js'
import { generateArticle, random } from './generator.js'
import { startChild } from './processes.js'

// Ingest throughput: articles per second through the pipeline alone (parseArticle), through
// compromise (nlp(text) with people, places, organizations and quotations: a user's obvious
// alternative, which finds names and quoted strings but no attribution) over the same texts, and end
// to end through POST /articles/bulk of the real server into a fresh database file.

export interface IngestTexts {
  source: string
  texts: string[]
  meanBytes: number
}

/** PolNeAR train texts when ../shared is there, else generated articles. */
export function ingestTexts (root: string, count: number): IngestTexts {
  const dir = path.resolve(root, '../shared/data/polnear/train/text')
  let texts: string[]
  let source: string
  if (fs.existsSync(dir)) {
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()
    texts = files.slice(0, count).map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
    source = `PolNeAR train (${path.relative(root, dir)})`
  } else {
    const next = random(7)
    texts = Array.from({ length: count }, (_, i) => generateArticle(next, i).text)
    source = 'generated (bench/generator.ts; ../shared is not there)'
  }
  const meanBytes = texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0) / Math.max(1, texts.length)
  return { source, texts, meanBytes }
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length === 0 ? NaN : sorted.length % 2 ? sorted[mid] ?? NaN : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2
}

let sink = 0

function perSecond (texts: string[], run: (text: string) => number): number {
  const started = performance.now()
  for (const text of texts) sink += run(text)
  return texts.length / ((performance.now() - started) / 1000)
}

const ours = (text: string): number => {
  const parsed = parseArticle(text)
  return parsed.quotes.length + parsed.entities.length
}

const theirs = (text: string): number => {
  const doc = nlp(text)
  return doc.people().out('array').length + doc.places().out('array').length +
    doc.organizations().out('array').length + doc.quotations().out('array').length
}

export interface IngestResult {
  source: string
  texts: number
  meanBytes: number
  rounds: number
  pipeline: { perSecond: number, rounds: number[] }
  compromise: { perSecond: number, rounds: number[] }
  /** pipeline ÷ compromise, the median of the per-round ratios (rounds interleave the two). */
  pipelineOverCompromise: number
  bulk: { perSecond: number, rounds: number[], articles: number, created: number }
}

/** Bulk: POST the texts as NDJSON to a fresh server and database, time it to the `done` line. */
async function bulkRound (root: string, texts: string[], round: number): Promise<{ perSecond: number, created: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-ingest-'))
  const key = 'bench-ingest-key-0123456789abcdef'
  const server = await startChild('api (bulk)', ['--max-semi-space-size=64', 'dist/server.js'], {
    DATABASE_PATH: path.join(dir, 'news.db'), API_KEYS: key, LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '0', MAX_EVENT_LOOP_DELAY_MS: '0'
  }, root)
  try {
    // the seed article is stored at start; every text here is new (a round number keeps rounds apart)
    const body = texts.map((text, i) => JSON.stringify({ text, url: `https://example.com/ingest/${round}/${i}` })).join('\n') + '\n'
    const started = performance.now()
    const res = await fetch(`${server.url}/articles/bulk`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson' },
      body
    })
    const answer = await res.text()
    const seconds = (performance.now() - started) / 1000
    const done = JSON.parse(answer.trimEnd().split('\n').at(-1) ?? '{}') as { status?: string, created?: number }
    if (done.status !== 'done') throw new Error(`bulk did not finish: ${answer.slice(-500)}`)
    return { perSecond: texts.length / seconds, created: done.created ?? 0 }
  } finally {
    await server.stop()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

export async function benchIngest (root: string, options: { texts: number, bulkTexts: number, rounds: number },
  log: (line: string) => void): Promise<IngestResult> {
  const { source, texts, meanBytes } = ingestTexts(root, options.texts)
  log(`ingest: ${texts.length} texts from ${source}, mean ${(meanBytes / 1024).toFixed(1)} KB; warming up`)
  perSecond(texts.slice(0, 20), ours)
  perSecond(texts.slice(0, 20), theirs)
  const pipeline: number[] = []
  const compromise: number[] = []
  for (let r = 0; r < options.rounds; r++) {
    pipeline.push(perSecond(texts, ours))
    compromise.push(perSecond(texts, theirs))
    log(`ingest round ${r + 1}: pipeline ${pipeline.at(-1)?.toFixed(0)}/s, compromise ${compromise.at(-1)?.toFixed(1)}/s`)
  }
  const bulkTexts = ingestTexts(root, options.bulkTexts).texts
  const bulk: number[] = []
  let created = 0
  for (let r = 0; r < options.rounds; r++) {
    const result = await bulkRound(root, bulkTexts, r)
    bulk.push(result.perSecond)
    created = result.created
    log(`ingest round ${r + 1}: bulk ${result.perSecond.toFixed(0)}/s (${result.created} created)`)
  }
  if (sink < 0) log(String(sink))
  return {
    source,
    texts: texts.length,
    meanBytes,
    rounds: options.rounds,
    pipeline: { perSecond: median(pipeline), rounds: pipeline },
    compromise: { perSecond: median(compromise), rounds: compromise },
    pipelineOverCompromise: median(pipeline.map((p, i) => p / (compromise[i] ?? NaN))),
    bulk: { perSecond: median(bulk), rounds: bulk, articles: bulkTexts.length, created }
  }
}
