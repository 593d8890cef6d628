import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

// npm run eval:ner: predicts ../shared/data/conllpp/dev.txt with predict:ner and scores it with
// ../shared/eval/score-ner.mjs. SHARED_DIR points elsewhere when needed.
const root = fileURLToPath(new URL('../', import.meta.url))
const shared = path.resolve(root, process.env.SHARED_DIR ?? '../shared')
const gold = path.join(shared, 'data', 'conllpp', 'dev.txt')
if (!fs.existsSync(gold)) {
  console.error(`no CoNLL++ dev split at ${gold}: this evaluation needs ../shared beside the project`)
  process.exit(2)
}
const predictions = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ner-')), 'dev.tsv')
const started = performance.now()
const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'tools/predict-ner.ts'), gold], { maxBuffer: 1 << 28 })
fs.writeFileSync(predictions, out)
console.log(`predicted dev in ${((performance.now() - started) / 1000).toFixed(1)} s → ${predictions}`)
execFileSync(process.execPath, [path.join(shared, 'eval', 'score-ner.mjs'), gold, predictions, ...process.argv.slice(2)], { stdio: 'inherit' })
