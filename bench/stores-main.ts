import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { benchStores } from './stores.js'
import { storesCharts, storesTable, storesTargets, type Target } from './stores-report.js'

// npm run bench:stores (and the stores part of npm run bench): writes bench/results/stores.{json,txt}
// and the charts stores.svg, api-processes.svg, workers.svg and cache.svg. Environment:
// BENCH_STORE_SIZES (10000,100000), BENCH_ROUNDS (3), BENCH_DURATION (3 s), BENCH_CONNECTIONS (10),
// BENCH_WORKER_TEXTS (400), BENCH_WORKER_JOBS (8), BENCH_POSTGRES_URL (else a throwaway server).

const env = (name: string, fallback: string): string => process.env[name] ?? fallback

export async function writeStoresBench (root: string, log: (line: string) => void): Promise<{ table: string, targets: Target[] }> {
  const startedAt = new Date().toISOString()
  const result = await benchStores(root, {
    sizes: env('BENCH_STORE_SIZES', '10000,100000').split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0),
    rounds: Number(env('BENCH_ROUNDS', '3')),
    duration: Number(env('BENCH_DURATION', '3')),
    connections: Number(env('BENCH_CONNECTIONS', '10')),
    workerTexts: Number(env('BENCH_WORKER_TEXTS', '400')),
    workerJobs: Number(env('BENCH_WORKER_JOBS', '8'))
  }, log)
  const out = path.join(root, 'bench', 'results')
  fs.mkdirSync(out, { recursive: true })
  const table = storesTable(result)
  const targets = storesTargets(result)
  fs.writeFileSync(path.join(out, 'stores.json'), JSON.stringify({ startedAt, ...result, targets }, null, 2) + '\n')
  fs.writeFileSync(path.join(out, 'stores.txt'), table + '\n')
  for (const [file, svg] of Object.entries(storesCharts(result, startedAt))) fs.writeFileSync(path.join(out, file), svg)
  log('wrote bench/results/stores.{json,txt}, stores.svg, api-processes.svg, workers.svg, cache.svg')
  return { table, targets }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const root = fileURLToPath(new URL('../', import.meta.url))
  if (!fs.existsSync(path.join(root, 'dist', 'server.js'))) throw new Error('dist/server.js is missing: npm run bench:stores builds it first')
  const { table } = await writeStoresBench(root, (line) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`))
  console.log(table)
}
