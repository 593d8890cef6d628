// The docs send a reader to files: every path they name in backticks must exist, so a file that moves
// takes its mentions with it (the layout moved most of src/ once; stale paths were the result).
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import t from 'tap'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const DOCS = ['README.md', 'models/README.md', ...fs.readdirSync(path.join(ROOT, 'docs')).map((f) => `docs/${f}`)]

// `src/store/sqlite/quote-list.ts`, `tools/`, `migrations/sqlite/005_search_indexed_by_writer.sql`;
// not patterns such as `migrations/sqlite/NNN_name.sql` or `test/extract/<stage>/`
const PATH = /`((?:src|tools|bench|test|migrations|models|seed|docs)\/[\w./-]*)`/g
const isPattern = (p: string): boolean => /NNN|\*|<|\.\.\./.test(p) || /\/[A-Z_]+(\.\w+)?$/.test(p)

t.test('every path the docs name exists', async (t) => {
  let named = 0
  for (const doc of DOCS) {
    const text = fs.readFileSync(path.join(ROOT, doc), 'utf8')
    for (const [, mentioned] of text.matchAll(PATH)) {
      if (mentioned === undefined || isPattern(mentioned) || mentioned.endsWith('api.generated.ts')) continue
      named++
      t.ok(fs.existsSync(path.join(ROOT, mentioned)), `${doc}: ${mentioned}`)
    }
  }
  t.ok(named > 50, `${named} paths checked`)
})
