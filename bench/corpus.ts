import fs from 'node:fs'
import path from 'node:path'
import { openDatabase, type Db } from '../src/store/sqlite/connection.js'
import { migrate, readMigrations } from '../src/store/sqlite/migrate.js'
import { createRepositories } from '../src/store/sqlite/repositories.js'
import { parseArticle } from '../src/extract/pipeline.js'
import type { ParsedArticle } from '../src/domain/extraction.js'
import { EXTRACTOR_VERSION } from '../src/extract/version.js'
import { metadataOf } from '../src/services/submissions.js'
import type { NewArticle } from '../src/schemas/writes.js'
import { generateArticle, PUBLISHERS, random } from './generator.js'
import { DEFAULT_STATEMENT_SETTINGS } from '../src/store/statements/settings.js'
import { createHash } from 'node:crypto'

// The benchmark corpora: N articles stored in a SQLite file through the real writer (the same
// ArticleWriter.create the API and the ingest CLI call: entity resolution, counters, FTS triggers),
// cached under bench/cache/ by size, extractor version, migrations and this builder's version.
//
// Parsing is the slow part (~200–300 articles/s on one core), so a corpus is built from a POOL of
// distinct generated articles parsed once, each stored in many variants. A variant differs from its
// pool article only in a fixed-width story number ("Story 1000042 of the corpus."), so its id (a hash
// of the text) is new while every span of the pool article's parse stays exact; the parse's paragraph
// texts are re-read from the variant's text. Each variant gets its own publication time and publisher.
// The builder checks, on a sample, that the pipeline's own parse of a variant is the patched parse.

/** Bump when the builder or generator changes what is stored: cached corpora are then rebuilt. */
export const CORPUS_FORMAT = 1
/** Distinct texts parsed per corpus (fewer for a smaller corpus). */
export const POOL_SIZE = Number(process.env.BENCH_POOL ?? 2000)
/** Story numbers are 7 digits from this base, so every variant has the same length as its pool text. */
const STORY_BASE = 1_000_000
/** Pool articles whose variant is parsed by the pipeline too, and compared. */
const CHECKED = 50

export interface CorpusInfo {
  file: string
  size: number
  pool: number
  /** Seconds the build took (null when the cached file was used). */
  builtSeconds: number | null
  /** Articles per second through the pipeline while parsing the pool (null when cached). */
  poolParsePerSecond: number | null
}

export function cacheDirOf (root: string): string {
  return path.join(root, 'bench', 'cache')
}

export function corpusFileOf (root: string, size: number): string {
  const migrations = readMigrations().length
  // the statements' bucket keys depend on their settings: a corpus of other settings would not match new quotes
  const statements = createHash('sha256').update(JSON.stringify(DEFAULT_STATEMENT_SETTINGS)).digest('hex').slice(0, 8)
  return path.join(cacheDirOf(root), `corpus-f${CORPUS_FORMAT}-x${EXTRACTOR_VERSION}-m${migrations}-s${statements}-p${POOL_SIZE}-${size}.db`)
}

// The number sits between lower-case words, which the entity recogniser decodes as O without scoring
// (as "Story 1000042", next to a capitalised word, it could move the tagger's decisions nearby).
const STORY = /Story (\d{7}) of the corpus\./
const storySentence = (number: number): string => `It was filed as story number ${number} of the corpus.`

/** The n-th variant of pool article `poolText` (same length as the pool's). */
function variantText (poolText: string, n: number): string {
  return poolText.replace(/story number \d{7} of the corpus\./, `story number ${STORY_BASE + n} of the corpus.`)
}

function patched (parsed: ParsedArticle, text: string): ParsedArticle {
  return { ...parsed, paragraphs: parsed.paragraphs.map((p) => ({ ...p, text: text.slice(p.start, p.end) })) }
}

function metadataFor (n: number, base: NewArticle): NewArticle {
  const next = random(0x5eed + n)
  const date = new Date(Date.UTC(2015, 0, 1) + Math.floor(next() * 3 * 365) * 86_400_000 + Math.floor(next() * 86_400) * 1000)
  return {
    ...base,
    publishedAt: next() < 0.95 ? date.toISOString().replace('.000Z', 'Z') : null,
    publisher: PUBLISHERS[Math.floor(next() * PUBLISHERS.length)] ?? null,
    url: `https://example.com/bench/${n}`
  }
}

/** The story number of the i-th article (rare search terms: each is in exactly one article). */
export function storyNumberOf (n: number): string {
  return String(STORY_BASE + n)
}

/**
 * Builds (or finds cached) the corpus of `size` articles. `log` reports progress.
 */
export function ensureCorpus (root: string, size: number, log: (line: string) => void): CorpusInfo {
  const file = corpusFileOf(root, size)
  const pool = Math.min(POOL_SIZE, size)
  if (fs.existsSync(file)) return { file, size, pool, builtSeconds: null, poolParsePerSecond: null }
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const partial = `${file}.partial`
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(partial + suffix, { force: true })
  const started = performance.now()
  const db = openDatabase(partial)
  migrate(db)
  const repos = createRepositories(db)

  // the pool: distinct generated articles, each with a 7-digit story number, parsed once
  const next = random(2016)
  const poolArticles = Array.from({ length: pool }, (_, i) => {
    const article = generateArticle(next, STORY_BASE + i)
    return { ...article, text: article.text.replace(STORY, storySentence(STORY_BASE + i)) }
  })
  const parseStarted = performance.now()
  const parses = poolArticles.map((a, i) => {
    if (i % 500 === 0) log(`corpus ${size}: parsing the pool, ${i}/${pool}`)
    return parseArticle(a.text)
  })
  const poolParsePerSecond = pool / ((performance.now() - parseStarted) / 1000)

  // the check: the pipeline's parse of a variant is its pool article's parse with the texts re-read
  for (let i = 0; i < Math.min(CHECKED, pool); i++) {
    const n = i + pool * 7
    const text = variantText(poolArticles[i]?.text ?? '', n)
    const own = JSON.stringify(parseArticle(text))
    const ours = JSON.stringify(patched(parses[i] as ParsedArticle, text))
    if (own !== ours) throw new Error(`corpus builder: the variant parse of pool article ${i} differs from the pipeline's`)
  }

  const BATCH = 500
  const write = db.transaction((from: number, to: number) => {
    for (let n = from; n < to; n++) {
      const i = n % pool
      const base = poolArticles[i] as NewArticle
      const text = variantText(base.text, n)
      const input = metadataFor(n, { ...base, text })
      const parsed = patched(parses[i] as ParsedArticle, text)
      repos.writer.create(text, metadataOf(input), () => parsed, EXTRACTOR_VERSION, new Date(Date.UTC(2026, 0, 1) + n * 1000))
    }
  })
  for (let from = 0; from < size; from += BATCH) {
    write(from, Math.min(size, from + BATCH))
    if (from % 10_000 === 0) log(`corpus ${size}: stored ${from}/${size}`)
  }
  db.exec('ANALYZE')
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.close()
  fs.renameSync(partial, file)
  for (const suffix of ['-wal', '-shm']) fs.rmSync(partial + suffix, { force: true })
  const builtSeconds = (performance.now() - started) / 1000
  log(`corpus ${size}: built in ${builtSeconds.toFixed(1)} s (pool of ${pool} parsed at ${poolParsePerSecond.toFixed(0)} articles/s)`)
  return { file, size, pool, builtSeconds, poolParsePerSecond }
}

/** The ids and names the scenarios ask for, read from the corpus. */
export interface Targets {
  articleIds: string[]
  speakerIds: string[]
  /** [speaker, entity it is quoted about] pairs. */
  speakerAbout: [string, string][]
  entityIds: string[]
  rareTerms: string[]
  commonTerm: string
}

export function targetsOf (file: string, size: number): Targets {
  const db: Db = openDatabase(file)
  try {
    const next = random(99)
    // by position, not rowid: rowids follow time (migration 007), with gaps
    const nth = db.prepare('SELECT id FROM articles ORDER BY id LIMIT 1 OFFSET ?').pluck()
    const count = db.prepare('SELECT count(*) FROM articles').pluck().get() as number
    const articleIds = Array.from({ length: 200 }, () => nth.get(Math.floor(next() * count)) as string | undefined)
      .filter((id): id is string => id !== undefined)
    const speakerIds = db.prepare(`SELECT id FROM entities WHERE type = 'person' AND quote_count > 0
      ORDER BY quote_count DESC, id LIMIT 8`).pluck().all() as string[]
    const places = db.prepare(`SELECT id FROM entities WHERE type = 'location' ORDER BY mention_count DESC, id LIMIT 8`).pluck().all() as string[]
    const speakerAbout = speakerIds.flatMap((s) => places.slice(0, 4).map((p) => [s, p] as [string, string]))
    const entityIds = db.prepare('SELECT id FROM entities ORDER BY mention_count DESC, id LIMIT 200').pluck().all() as string[]
    const rareTerms = Array.from({ length: 200 }, () => storyNumberOf(Math.floor(next() * size)))
    return { articleIds, speakerIds, speakerAbout, entityIds, rareTerms, commonTerm: 'budget' }
  } finally {
    db.close()
  }
}
