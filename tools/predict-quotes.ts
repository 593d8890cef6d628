import fs from 'node:fs'
import path from 'node:path'
import { parseArticle } from '../src/extract/pipeline.js'
import type { ExtractedQuote, Span } from '../src/domain/extraction.js'

// npm run --silent predict:quotes -- TEXT_DIR
// One JSON line per TEXT_DIR/*.txt: {"id", "quotes": [{"content": [span...], "cue": span|null, "source": span|null}]},
// offsets into the file's exact text, from the same pipeline the API uses.

const span = (s: Span | null) => (s ? { start: s.start, end: s.end } : null)

function toPrediction (id: string, quotes: ExtractedQuote[]) {
  return {
    id,
    quotes: quotes.map((q) => ({ content: q.spans.map((s) => ({ start: s.start, end: s.end })), cue: span(q.cue), source: span(q.source) }))
  }
}

const dir = process.argv[2]
if (!dir) {
  console.error('usage: npm run --silent predict:quotes -- TEXT_DIR')
  process.exit(2)
}
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()
for (const file of files) {
  const text = fs.readFileSync(path.join(dir, file), 'utf8')
  process.stdout.write(`${JSON.stringify(toPrediction(file.slice(0, -'.txt'.length), parseArticle(text).quotes))}\n`)
}
