import fs from 'node:fs'
import { findMentions } from '../src/extract/entities/find-mentions.js'
import { conllDoc, readConll } from './corpora/conll.js'
import type { EntityType } from '../src/domain/values.js'

// npm run --silent predict:ner -- FILE.conll: runs the API's entity recogniser (findMentions) on
// each document of a CoNLL-2003 file, rebuilt as text (tokens joined by spaces, one sentence a
// line), and prints "word<TAB>TAG" (IOB2) for every token, blank and -DOCSTART- lines as the input.
const TAGS: Record<EntityType, string> = { person: 'PER', organization: 'ORG', location: 'LOC', facility: 'LOC', group: 'MISC', other: 'MISC' }

const file = process.argv[2]
if (!file || !fs.existsSync(file)) {
  console.error('usage: npm run --silent predict:ner -- FILE.conll')
  process.exit(2)
}
const { lines, docs } = readConll(fs.readFileSync(file, 'utf8'))
/** Per document, per character: the index of the mention covering it, or -1. */
const owners = docs.map((c) => {
  const owner = new Int32Array(c.text.length).fill(-1)
  const mentions = findMentions(conllDoc(c.text))
  mentions.forEach((m, k) => owner.fill(k, m.start, m.end))
  return { owner, types: mentions.map((m) => TAGS[m.type]) }
})
const out: string[] = []
let previous = -1
for (const line of lines) {
  if (line.kind !== 'token') { out.push(line.kind === 'docstart' ? '-DOCSTART- -X- -X- O' : ''); previous = -1; continue }
  const token = docs[line.doc]?.tokens[line.index]
  const { owner, types } = owners[line.doc] ?? { owner: new Int32Array(0), types: [] }
  if (!token) continue
  // the mention covering any of the token's characters, its first token opening it
  let k = -1
  for (let c = token.start; c < token.end && k < 0; c++) k = owner[c] ?? -1
  out.push(`${token.word}\t${k < 0 ? 'O' : `${k === previous ? 'I' : 'B'}-${types[k]}`}`)
  previous = k
}
process.stdout.write(out.join('\n') + '\n')
