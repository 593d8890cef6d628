import fs from 'node:fs'
import path from 'node:path'
import { segment } from '../src/extract/text/segment.js'

// npm run --silent predict:structure -- TEXT_DIR
// One JSON line per TEXT_DIR/*.txt in score-structure.mjs's PRED format: title, dek, byline, the
// dateline's text and the body's paragraphs, from the segmentation stage the API's parse starts with.

const dir = process.argv[2]
if (!dir) {
  console.error('usage: npm run --silent predict:structure -- TEXT_DIR')
  process.exit(2)
}
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
  const s = segment(fs.readFileSync(path.join(dir, file), 'utf8'))
  process.stdout.write(`${JSON.stringify({
    file,
    title: s.title?.text ?? null,
    dek: s.dek?.text ?? null,
    byline: s.byline?.text ?? null,
    dateline: s.dateline?.text ?? null,
    body: s.paragraphs.map((p) => p.text)
  })}\n`)
}
