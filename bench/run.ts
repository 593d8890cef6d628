import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ensureCorpus, targetsOf, type Targets } from './corpus.js'
import { benchIngest, median, type IngestResult } from './ingest.js'
import { interleaved, load as loadOne, mix, sameAnswers, type Sample } from './load.js'
import { startChild, type Child } from './processes.js'
import { writeStoresBench } from './stores-main.js'
import { lineChartSvg } from './svg.js'

// npm run bench: read load against the real server and a bare Fastify + better-sqlite3 server at each
// corpus size, then ingest throughput. Every figure that is compared is a ratio measured in the same
// run (ours ÷ bare, rounds interleaved) or a growth factor between sizes, from medians of rounds.
// Environment: BENCH_SIZES (1000,10000,100000), BENCH_ROUNDS (3), BENCH_DURATION (seconds a round, 3),
// BENCH_CONNECTIONS (10), BENCH_INGEST=0 to skip ingest, BENCH_INGEST_TEXTS (200), BENCH_BULK_TEXTS (840),
// BENCH_POOL (2000 distinct texts per corpus), BENCH_NAME (latest), BENCH_SCENARIOS (all: a comma-separated
// subset of the scenario names below, e.g. "entity by id,mixed"). Writes bench/results/NAME.{json,svg}.
// Then SQLite against PostgreSQL (bench/stores-main.ts, its settings there; BENCH_STORES=0 skips it).

const root = fileURLToPath(new URL('../', import.meta.url))
const env = (name: string, fallback: string): string => process.env[name] ?? fallback
const sizes = env('BENCH_SIZES', '1000,10000,100000').split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n > 0)
const rounds = Number(env('BENCH_ROUNDS', '3'))
const duration = Number(env('BENCH_DURATION', '3'))
const connections = Number(env('BENCH_CONNECTIONS', '10'))
const load = (server: Child, paths: string[], seconds: number) => loadOne(server, paths, seconds, connections)
const log = (line: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`)

interface Scenario {
  name: string
  /** The paths a round cycles through. */
  paths: (t: Targets) => string[]
}

const SCENARIOS: Scenario[] = [
  { name: 'list articles', paths: () => ['/articles?limit=20'] },
  { name: 'get article', paths: (t) => t.articleIds.map((id) => `/articles/${id}`) },
  { name: 'article quotes', paths: (t) => t.articleIds.map((id) => `/articles/${id}/quotes`) },
  { name: 'quotes by speaker', paths: (t) => t.speakerIds.map((id) => `/quotes?speaker=${id}`) },
  { name: 'speaker about entity', paths: (t) => t.speakerAbout.map(([s, a]) => `/quotes?speaker=${s}&about=${a}`) },
  { name: 'entity by id', paths: (t) => t.entityIds.map((id) => `/entities/${id}`) },
  { name: 'search rare term', paths: (t) => t.rareTerms.map((term) => `/articles?q=${term}`) },
  { name: 'search common term', paths: (t) => [`/articles?q=${t.commonTerm}`] }
]
const MIXED = 'mixed'
const ALL_SCENARIOS = [...SCENARIOS.map((s) => s.name), MIXED]
const only = env('BENCH_SCENARIOS', '').split(',').map((s) => s.trim()).filter(Boolean)
const unknown = only.filter((name) => !ALL_SCENARIOS.includes(name))
if (unknown.length) throw new Error(`BENCH_SCENARIOS: no scenario ${unknown.map((n) => JSON.stringify(n)).join(', ')} (there are ${ALL_SCENARIOS.join(', ')})`)
const selected = only.length ? ALL_SCENARIOS.filter((name) => only.includes(name)) : ALL_SCENARIOS

function pathsOf (name: string, targets: Targets): string[] {
  if (name !== MIXED) return SCENARIOS.find((s) => s.name === name)?.paths(targets) ?? []
  return mix(SCENARIOS.map((s) => s.paths(targets)))
}

interface ScenarioResult {
  scenario: string
  ours: { rps: number, p50: number, p99: number, peakRssMB: number | null, rounds: Sample[] }
  bare: { rps: number, p50: number, p99: number, peakRssMB: number | null, rounds: Sample[] }
  /** Median of the per-round ratios ours ÷ bare (rounds interleave the two servers). */
  ratio: number
  sameJson: boolean
}

interface SizeResult {
  size: number
  corpus: { file: string, builtSeconds: number | null, pool: number }
  scenarios: ScenarioResult[]
}

const mb = (bytes: number | null) => bytes === null ? null : Math.round(bytes / 1024 / 1024)

async function benchSize (size: number): Promise<SizeResult> {
  const corpus = ensureCorpus(root, size, log)
  const targets = targetsOf(corpus.file, size)
  const ours = await startChild('api', ['--max-semi-space-size=64', 'dist/server.js'], {
    // the response cache off: these rounds compare the same SQL and JSON (the cache has its own, in stores-main.ts)
    DATABASE_PATH: corpus.file, LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '0', MAX_EVENT_LOOP_DELAY_MS: '0', RESPONSE_CACHE_ENTRIES: '0'
  }, root)
  const bare = await startChild('bare', ['--import', 'tsx', 'bench/bare-server.ts'], { DATABASE_PATH: corpus.file }, root)
  const scenarios: ScenarioResult[] = []
  try {
    for (const name of selected) {
      const paths = pathsOf(name, targets)
      const sameJson = await sameAnswers(ours, bare, paths, log)
      const [o, b] = await interleaved([ours, bare].map((server) => (seconds: number) => load(server, paths, seconds)),
        rounds, duration, log, `${size} ${name}`) as [Sample[], Sample[]]
      const summary = (s: Sample[]) => ({
        rps: median(s.map((x) => x.rps)),
        p50: median(s.map((x) => x.p50)),
        p99: median(s.map((x) => x.p99)),
        peakRssMB: mb(Math.max(...s.map((x) => x.peakRss ?? 0)) || null),
        rounds: s
      })
      const result: ScenarioResult = {
        scenario: name,
        ours: summary(o),
        bare: summary(b),
        ratio: median(o.map((x, i) => x.rps / (b[i]?.rps ?? NaN))),
        sameJson
      }
      log(`${size} ${name}: ours ${result.ours.rps.toFixed(0)}/s p99 ${result.ours.p99} ms, bare ${result.bare.rps.toFixed(0)}/s, ratio ${result.ratio.toFixed(2)}`)
      scenarios.push(result)
    }
  } finally {
    await ours.stop()
    await bare.stop()
  }
  return { size, corpus: { file: path.relative(root, corpus.file), builtSeconds: corpus.builtSeconds, pool: corpus.pool }, scenarios }
}

interface Report {
  startedAt: string
  seconds: number
  machine: { node: string, platform: string, cpus: number }
  settings: { sizes: number[], rounds: number, durationSeconds: number, connections: number }
  reads: SizeResult[]
  /** p99 at the largest size ÷ p99 at the smallest, per scenario (ours). */
  p99Growth: Record<string, number>
  ingest: IngestResult | null
  targets: { name: string, met: boolean | null, detail: string }[]
}

function targetsMet (reads: SizeResult[], growth: Record<string, number>, ingest: IngestResult | null): Report['targets'] {
  const out: Report['targets'] = []
  for (const r of reads.filter((x) => x.size >= 10_000)) {
    const worst = r.scenarios.reduce((a, b) => (b.ratio < a.ratio ? b : a))
    out.push({ name: `every read ≥ 0.8 × bare at ${r.size}`, met: worst.ratio >= 0.8, detail: `lowest: ${worst.scenario} ${worst.ratio.toFixed(2)}` })
  }
  const sizes = reads.map((r) => r.size)
  if (sizes.length > 1) {
    const entries = Object.entries(growth).filter(([name]) => name !== 'search common term')
    const worst = entries.reduce((a, b) => (b[1] > a[1] ? b : a))
    out.push({ name: `p99 growth ${Math.min(...sizes)} → ${Math.max(...sizes)} ≤ 2× (but common-term search)`, met: worst[1] <= 2, detail: `highest: ${worst[0]} ${worst[1].toFixed(2)}×` })
  }
  const largest = reads.find((r) => r.size === 100_000)
  const mixed = largest?.scenarios.find((s) => s.scenario === MIXED)
  out.push({ name: 'RSS under mixed load at 100,000 ≤ 300 MB', met: mixed?.ours.peakRssMB == null ? null : mixed.ours.peakRssMB <= 300, detail: mixed ? `${mixed.ours.peakRssMB} MB` : 'not measured (100,000 not in BENCH_SIZES)' })
  if (ingest) {
    out.push({ name: 'pipeline ≥ 7 × compromise', met: ingest.pipelineOverCompromise >= 7, detail: `${ingest.pipelineOverCompromise.toFixed(1)}×` })
    out.push({ name: 'bulk ingest ≥ 200 articles/s', met: ingest.bulk.perSecond >= 200, detail: `${ingest.bulk.perSecond.toFixed(0)}/s` })
  }
  return out
}

function table (report: Report): string {
  const lines: string[] = []
  const pad = (s: string | number, n: number) => String(s).padStart(n)
  lines.push(`reads: ${connections} connections, ${report.settings.rounds} rounds of ${duration} s per server, medians; ratio = ours ÷ bare (median of paired rounds)`)
  lines.push(`${'size'.padStart(7)}  ${'scenario'.padEnd(22)} ${pad('ours/s', 8)} ${pad('bare/s', 8)} ${pad('ratio', 6)} ${pad('p50 ms', 7)} ${pad('p99 ms', 7)} ${pad('bare p99', 8)} ${pad('RSS MB', 7)} same`)
  for (const r of report.reads) {
    for (const s of r.scenarios) {
      lines.push(`${pad(r.size, 7)}  ${s.scenario.padEnd(22)} ${pad(s.ours.rps.toFixed(0), 8)} ${pad(s.bare.rps.toFixed(0), 8)} ${pad(s.ratio.toFixed(2), 6)} ` +
        `${pad(s.ours.p50, 7)} ${pad(s.ours.p99, 7)} ${pad(s.bare.p99, 8)} ${pad(s.ours.peakRssMB ?? '-', 7)} ${s.sameJson ? 'yes' : 'NO'}`)
    }
  }
  if (Object.keys(report.p99Growth).length) {
    lines.push('', `p99 growth ${Math.min(...report.settings.sizes)} → ${Math.max(...report.settings.sizes)}: ` +
      Object.entries(report.p99Growth).map(([k, v]) => `${k} ${v.toFixed(2)}×`).join(', '))
  }
  if (report.ingest) {
    const i = report.ingest
    lines.push('', `ingest (${i.texts} texts from ${i.source}, mean ${(i.meanBytes / 1024).toFixed(1)} KB; medians of ${i.rounds} rounds):`,
      `  pipeline alone   ${i.pipeline.perSecond.toFixed(0)} articles/s`,
      `  compromise       ${i.compromise.perSecond.toFixed(1)} articles/s (people, places, organizations, quotations)`,
      `  pipeline ÷ compromise ${i.pipelineOverCompromise.toFixed(1)}×`,
      `  POST /articles/bulk end to end ${i.bulk.perSecond.toFixed(0)} articles/s (${i.bulk.articles} articles into a fresh database)`)
  }
  lines.push('', 'targets:')
  for (const t of report.targets) lines.push(`  ${t.met === null ? '  -' : t.met ? ' met' : 'MISS'}  ${t.name}: ${t.detail}`)
  return lines.join('\n')
}

function chart (report: Report): string {
  const names = selected
  const series = (value: (s: ScenarioResult) => number) => names.map((name) => ({
    name,
    points: report.reads.map((r) => [r.size, (() => { const s = r.scenarios.find((x) => x.scenario === name); return s ? value(s) : null })()] as [number, number | null])
  }))
  return lineChartSvg(`npm run bench, ${report.startedAt.slice(0, 16).replace('T', ' ')} UTC`, [
    { title: 'throughput (requests/s)', yLabel: 'requests/s', series: series((s) => s.ours.rps) },
    { title: 'ours ÷ bare server', yLabel: 'ratio', series: series((s) => s.ratio) },
    { title: 'p99 latency (ms)', yLabel: 'ms', series: series((s) => s.ours.p99) }
  ])
}

const started = Date.now()
const startedAt = new Date(started).toISOString()
if (!fs.existsSync(path.join(root, 'dist', 'server.js'))) throw new Error('dist/server.js is missing: npm run bench builds it first')
const reads: SizeResult[] = []
for (const size of sizes) reads.push(await benchSize(size))
const growth: Record<string, number> = {}
if (reads.length > 1) {
  const [first, last] = [reads[0], reads.at(-1)]
  for (const s of last?.scenarios ?? []) {
    const before = first?.scenarios.find((x) => x.scenario === s.scenario)
    if (before) growth[s.scenario] = s.ours.p99 / Math.max(1, before.ours.p99)
  }
}
const ingest = env('BENCH_INGEST', '1') === '0' ? null : await benchIngest(root, {
  texts: Number(env('BENCH_INGEST_TEXTS', '200')), bulkTexts: Number(env('BENCH_BULK_TEXTS', '840')), rounds
}, log)
const report: Report = {
  startedAt,
  seconds: Math.round((Date.now() - started) / 1000),
  machine: { node: process.version, platform: `${process.platform} ${process.arch}`, cpus: (await import('node:os')).cpus().length },
  settings: { sizes, rounds, durationSeconds: duration, connections },
  reads,
  p99Growth: growth,
  ingest,
  targets: targetsMet(reads, growth, ingest)
}
const out = path.join(root, 'bench', 'results')
fs.mkdirSync(out, { recursive: true })
const name = env('BENCH_NAME', 'latest').replace(/[^\w.-]/g, '_')
fs.writeFileSync(path.join(out, `${name}.json`), JSON.stringify(report, null, 2) + '\n')
fs.writeFileSync(path.join(out, `${name}.svg`), chart(report))
console.log(table(report))
// the stores side by side (bench/stores-main.ts): its own files, its table after this one
if (env('BENCH_STORES', '1') !== '0') console.log('\n' + (await writeStoresBench(root, log)).table)
log(`done in ${report.seconds} s; wrote bench/results/${name}.json and ${name}.svg`)
