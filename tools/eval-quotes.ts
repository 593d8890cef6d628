import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

// npm run eval:quotes [-- SPLIT]: predicts quotes for ../shared/data/polnear/SPLIT (dev by default)
// and scores them with ../shared/eval/score-quotes.mjs. SHARED_DIR points elsewhere when needed.
const root = fileURLToPath(new URL('../', import.meta.url))
const shared = path.resolve(root, process.env.SHARED_DIR ?? '../shared')
const split = process.argv[2] ?? 'dev'
const splitDir = path.join(shared, 'data', 'polnear', split)
if (!fs.existsSync(splitDir)) {
  console.error(`no PolNeAR split at ${splitDir}: this evaluation needs ../shared beside the project`)
  process.exit(2)
}
const predictions = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'quotes-')), `${split}.jsonl`)
const started = performance.now()
const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'tools/predict-quotes.ts'), path.join(splitDir, 'text')],
  { maxBuffer: 1 << 28 })
fs.writeFileSync(predictions, out)
console.log(`predicted ${split} in ${((performance.now() - started) / 1000).toFixed(1)} s → ${predictions}`)
execFileSync(process.execPath, [path.join(shared, 'eval', 'score-quotes.mjs'), path.join(splitDir, 'gold.jsonl'), predictions,
  ...process.argv.slice(3)], { stdio: 'inherit' })
