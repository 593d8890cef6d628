import fs from 'node:fs'
import { openDatabase } from '../src/store/sqlite/connection.js'
import { SqliteStatementTables } from '../src/store/sqlite/statement-tables.js'
import { fingerprintQuote } from '../src/store/statements/fingerprint.js'
import { DEFAULT_STATEMENT_SETTINGS } from '../src/store/statements/settings.js'
import { random } from './generator.js'

// The benchmark corpus stores 100k articles as variants of a pool of 2,000 (bench/corpus.ts), so its
// quotes are copies of ~14k wordings: its statement tables are those of 2,000 articles, not 100k,
// and a statement write would meet b-trees a hundred times smaller than an archive's. Padding gives
// the tables the size distinct quotes would give them: one text class (with its bucket rows, a
// statement row and a publisher row) per stored quote, of random words in the corpus's speakers'
// scopes (a quarter unresolved), stored through the store's own class writer. The padding matches
// no real quote (random word runs share no shingle runs with news text), as most of an archive's
// wordings echo nothing; it is ballast, not data: a rebuild of such a file would report the extra
// statements.

/** Bump when the padding changes what it stores. */
export const PADDING_FORMAT = 1
const BATCH = 10_000

export function paddedFileOf (corpusFile: string): string {
  return corpusFile.replace(/\.db$/, `-padded${PADDING_FORMAT}.db`)
}

/** Zipf-ranked words: the vocabulary of the texts, most frequent first. */
function vocabularyOf (texts: readonly string[]): string[] {
  const counts = new Map<string, number>()
  for (const t of texts) for (const w of t.toLowerCase().match(/[a-z]+/g) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1]).map(([w]) => w)
}

export interface PaddedCorpus {
  file: string
  /** Text classes and bucket rows the statement tables hold. */
  classes: number
  bucketRows: number
}

function sizesOf (file: string): PaddedCorpus {
  const db = openDatabase(file)
  const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number
  const sizes = { file, classes: count('statement_texts'), bucketRows: count('statement_buckets') }
  db.close()
  return sizes
}

/** A copy of the corpus with statement tables padded to one class per stored quote (cached). */
export function ensurePaddedCorpus (corpusFile: string, vocabularyTexts: readonly string[], log: (line: string) => void): PaddedCorpus {
  const file = paddedFileOf(corpusFile)
  if (fs.existsSync(file)) return sizesOf(file)
  const partial = `${file}.partial`
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(partial + suffix, { force: true })
  fs.copyFileSync(corpusFile, partial)
  const db = openDatabase(partial)
  const quotes = db.prepare('SELECT count(*) FROM quotes').pluck().get() as number
  const classes = db.prepare('SELECT count(*) FROM statement_texts').pluck().get() as number
  const speakers = db.prepare("SELECT id FROM entities WHERE type = 'person'").pluck().all() as string[]
  const articles = db.prepare('SELECT id FROM articles ORDER BY id LIMIT 1000').pluck().all() as string[]
  const words = vocabularyOf(vocabularyTexts)
  const tables = new SqliteStatementTables(db)
  const statements = db.prepare(`INSERT INTO statements (id, speaker_id, text, first_quote_id, first_article_id, first_seen,
      quote_count, article_count, publisher_count, variant_count)
    SELECT value ->> 'id', value ->> 'speakerId', value ->> 'text', value ->> 'id', value ->> 'articleId', value ->> 'firstSeen', 1, 1, 1, 1
    FROM json_each(?)`)
  const publishers = db.prepare(`INSERT INTO statement_publishers (statement_id, publisher)
    SELECT value ->> 'id', value ->> 'publisher' FROM json_each(?)`)
  const next = random(0xba11a57)
  // Zipf over the vocabulary: rank r drawn with weight 1/r, by inverting the harmonic CDF's log approximation
  const word = () => words[Math.min(words.length - 1, Math.floor(Math.exp(next() * Math.log(words.length + 1))) - 1)] ?? 'word'
  const target = quotes - classes
  const started = performance.now()
  for (let from = 0; from < target; from += BATCH) {
    db.transaction(() => {
      const pads = Array.from({ length: Math.min(BATCH, target - from) }, (_, i) => {
        const n = from + i
        const length = 6 + Math.floor(next() * next() * 40)
        // a word of its own first: no two paddings are the same wording
        const text = [`z${n.toString(36)}`, ...Array.from({ length }, word)].join(' ')
        const speakerId = next() < 0.25 ? null : speakers[Math.floor(next() * speakers.length)] ?? null
        const firstSeen = new Date(Date.UTC(2015, 0, 1) + Math.floor(next() * 3 * 365 * 86_400) * 1000).toISOString()
        return { id: `pad-${n}`, text, speakerId, firstSeen, articleId: articles[n % articles.length] ?? '', publisher: `Outlet ${n % 400}` }
      })
      const prints = pads.map((p) => fingerprintQuote({ id: p.id, articleId: '', text: p.text, speakerId: p.speakerId, order: '' }, DEFAULT_STATEMENT_SETTINGS))
      tables.insertClasses(prints.map((f) => ({ key: f.classKey, speakerId: f.quote.speakerId, canonical: f.canonical, bucketKeys: f.bucketKeys })))
      statements.run(JSON.stringify(pads))
      publishers.run(JSON.stringify(pads))
    })()
    if (from % 100_000 === 0) log(`padding statement tables: ${from}/${target} classes`)
  }
  db.exec('ANALYZE')
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.close()
  fs.renameSync(partial, file)
  const sizes = sizesOf(file)
  log(`padded to ${sizes.classes} classes, ${sizes.bucketRows} bucket rows in ${((performance.now() - started) / 1000).toFixed(0)} s`)
  return sizes
}
