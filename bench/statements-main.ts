import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { benchStatements } from './statements.js'

// npm run bench:statements: the statements' cost to ingest at 100k articles (bench/statements.ts),
// written to bench/results/statements.json.
const root = fileURLToPath(new URL('../', import.meta.url))
const log = (line: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`)
const result = benchStatements(root, log)
fs.mkdirSync(path.join(root, 'bench', 'results'), { recursive: true })
fs.writeFileSync(path.join(root, 'bench', 'results', 'statements.json'), JSON.stringify(result, null, 2) + '\n')
const pct = (ratio: number) => `${((1 - ratio) * 100).toFixed(1)} %`
console.log(`statements at ${result.corpus} articles, ${result.statementClasses} text classes, ${result.bucketRows} bucket rows (${result.texts} ${result.source} texts, ${result.rounds} rounds):`)
console.log(`  written: on ${result.on.map((n) => n.toFixed(0)).join(' / ')}, off ${result.off.map((n) => n.toFixed(0)).join(' / ')} articles/s`)
console.log(`  write-only throughput kept ${result.writeRatio.toFixed(3)} (a drop of ${pct(result.writeRatio)})`)
console.log(`  ingest (parse ${result.parsePerSecond.toFixed(0)} articles/s + write) kept ${result.ingestRatio.toFixed(3)} (a drop of ${pct(result.ingestRatio)})`)
