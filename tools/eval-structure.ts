import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

// npm run eval:structure [-- --json]: predicts the structure of ../shared/data/polnear/dev and
// scores it against ../shared/gold/polnear-dev-structure.jsonl with ../shared/eval/score-structure.mjs.
// SHARED_DIR points elsewhere when needed. (The same figures through a running server:
// ../shared/eval/predict-structure.mjs, see docs/extraction.md.)
const root = fileURLToPath(new URL('../', import.meta.url))
const shared = path.resolve(root, process.env.SHARED_DIR ?? '../shared')
const textDir = path.join(shared, 'data', 'polnear', 'dev', 'text')
const gold = path.join(shared, 'gold', 'polnear-dev-structure.jsonl')
if (!fs.existsSync(textDir) || !fs.existsSync(gold)) {
  console.error(`no PolNeAR dev texts or structure gold under ${shared}: this evaluation needs ../shared beside the project`)
  process.exit(2)
}
const predictions = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'structure-')), 'dev.jsonl')
fs.writeFileSync(predictions, execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'tools/predict-structure.ts'), textDir],
  { maxBuffer: 1 << 28 }))
console.log(`predicted → ${predictions}`)
execFileSync(process.execPath, [path.join(shared, 'eval', 'score-structure.mjs'), gold, predictions, ...process.argv.slice(2)],
  { stdio: 'inherit' })
