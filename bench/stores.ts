import { ensureCorpus, targetsOf, type Targets } from './corpus.js'
import { ingestTexts, median } from './ingest.js'
import { interleaved, load, loadAll, mix, sameAnswers, type Sample } from './load.js'
import { ensurePostgresCorpus } from './postgres-corpus.js'
import { benchPostgres } from './postgres-server.js'
import { startChild, type Child } from './processes.js'
import { benchWorkers, type WorkersResult } from './workers.js'

// The stores side by side (issue 15): at each corpus size the same reads against the bare Fastify +
// better-sqlite3 server, the API on SQLite and the API on PostgreSQL (the same rows, copied), with the
// response cache off so that the stores are measured; then one against two API processes on one
// PostgreSQL; the response cache against a bare Fastify replaying the same bytes from memory; and
// bulk ingest through queued jobs with one and two workers. Every compared figure is a ratio of
// rounds run in turn in this one run.

export interface StoresSettings {
  sizes: number[]
  rounds: number
  duration: number
  connections: number
  workerTexts: number
  workerJobs: number
}

const SCENARIOS: Array<{ name: string, paths: (t: Targets) => string[] }> = [
  { name: 'list articles', paths: () => ['/articles?limit=20'] },
  { name: 'get article', paths: (t) => t.articleIds.map((id) => `/articles/${id}`) },
  { name: 'quotes by speaker', paths: (t) => t.speakerIds.map((id) => `/quotes?speaker=${id}`) },
  { name: 'search rare term', paths: (t) => t.rareTerms.map((term) => `/articles?q=${term}`) },
  { name: 'search common term', paths: (t) => [`/articles?q=${t.commonTerm}`] }
]
const CACHED = ['list articles', 'get article', 'article quotes', 'entity by id']
const cachedPaths = (name: string, t: Targets): string[] => {
  switch (name) {
    case 'article quotes': return t.articleIds.map((id) => `/articles/${id}/quotes`)
    case 'entity by id': return t.entityIds.map((id) => `/entities/${id}`)
    default: return SCENARIOS.find((s) => s.name === name)?.paths(t) ?? []
  }
}

/** A server's figures in one scenario: medians of its rounds. */
export interface Figures { rps: number, p50: number, p99: number }

export interface StoreScenario {
  scenario: string
  bare: Figures
  sqlite: Figures
  postgres: Figures
  /** Medians of paired rounds. */
  postgresOverSqlite: number
  sqliteOverBare: number
  /** Whether SQLite and PostgreSQL answered the scenario's first paths with the same JSON. */
  sameJson: boolean
}

export interface CacheScenario {
  scenario: string
  replay: Figures
  sqlite: Figures
  postgres: Figures
  sqliteOverReplay: number
  postgresOverReplay: number
}

export interface StoresSize {
  size: number
  scenarios: StoreScenario[]
  /** The five scenarios mixed, on one and on two API processes over one PostgreSQL. */
  processes: { one: Figures, two: Figures, ratio: number }
  cache: CacheScenario[]
}

export interface StoresResult {
  postgres: string
  settings: StoresSettings
  sizes: StoresSize[]
  workers: WorkersResult & { source: string }
}

const summary = (samples: Sample[]): Figures => ({
  rps: median(samples.map((s) => s.rps)),
  p50: median(samples.map((s) => s.p50)),
  p99: median(samples.map((s) => s.p99))
})

const pairedRatio = (a: Sample[], b: Sample[]): number => median(a.map((x, i) => x.rps / (b[i]?.rps ?? NaN)))

const API_ENV = { LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '0', MAX_EVENT_LOOP_DELAY_MS: '0' }
const api = (root: string, name: string, env: Record<string, string>) =>
  startChild(name, ['--max-semi-space-size=64', 'dist/server.js'], { ...API_ENV, ...env }, root)

async function benchSize (root: string, adminUrl: string, size: number, s: StoresSettings, log: (line: string) => void): Promise<StoresSize> {
  const corpus = ensureCorpus(root, size, log)
  const targets = targetsOf(corpus.file, size)
  const pgUrl = await ensurePostgresCorpus(adminUrl, corpus.file, size, log)
  const servers: Child[] = []
  const start = async (child: Promise<Child>) => { const c = await child; servers.push(c); return c }
  try {
    const bare = await start(startChild('bare', ['--import', 'tsx', 'bench/bare-server.ts'], { DATABASE_PATH: corpus.file }, root))
    const sqlite = await start(api(root, 'sqlite', { DATABASE_PATH: corpus.file, RESPONSE_CACHE_ENTRIES: '0' }))
    const postgres = await start(api(root, 'postgres', { DATABASE_URL: pgUrl, RESPONSE_CACHE_ENTRIES: '0' }))
    const scenarios: StoreScenario[] = []
    for (const scenario of SCENARIOS) {
      const paths = scenario.paths(targets)
      const sameJson = await sameAnswers(sqlite, postgres, paths, log)
      const [b, q, p] = await interleaved([bare, sqlite, postgres].map((server) => (seconds: number) => load(server, paths, seconds, s.connections)),
        s.rounds, s.duration, log, `${size} ${scenario.name}`) as [Sample[], Sample[], Sample[]]
      const result = { scenario: scenario.name, bare: summary(b), sqlite: summary(q), postgres: summary(p), postgresOverSqlite: pairedRatio(p, q), sqliteOverBare: pairedRatio(q, b), sameJson }
      log(`${size} ${scenario.name}: bare ${result.bare.rps.toFixed(0)}/s, sqlite ${result.sqlite.rps.toFixed(0)}/s p99 ${result.sqlite.p99} ms, ` +
        `postgres ${result.postgres.rps.toFixed(0)}/s p99 ${result.postgres.p99} ms; postgres ÷ sqlite ${result.postgresOverSqlite.toFixed(2)}`)
      scenarios.push(result)
    }

    const second = await start(api(root, 'postgres 2', { DATABASE_URL: pgUrl, RESPONSE_CACHE_ENTRIES: '0' }))
    const mixed = mix(SCENARIOS.map((x) => x.paths(targets)))
    const [one, two] = await interleaved([
      (seconds: number) => loadAll([postgres], mixed, seconds, s.connections),
      (seconds: number) => loadAll([postgres, second], mixed, seconds, s.connections)
    ], s.rounds, s.duration, log, `${size} processes`) as [Sample[], Sample[]]
    const processes = { one: summary(one), two: summary(two), ratio: pairedRatio(two, one) }
    log(`${size} mixed on PostgreSQL: 1 process ${processes.one.rps.toFixed(0)}/s, 2 processes ${processes.two.rps.toFixed(0)}/s (${processes.ratio.toFixed(2)}×)`)
    await Promise.all(servers.splice(0).map((c) => c.stop()))

    const cachedSqlite = await start(api(root, 'sqlite cached', { DATABASE_PATH: corpus.file }))
    const cachedPostgres = await start(api(root, 'postgres cached', { DATABASE_URL: pgUrl }))
    const replay = await start(startChild('replay', ['--import', 'tsx', 'bench/replay-server.ts'], { UPSTREAM: cachedSqlite.url }, root))
    const cache: CacheScenario[] = []
    for (const name of CACHED) {
      const paths = cachedPaths(name, targets)
      const [r, q, p] = await interleaved([replay, cachedSqlite, cachedPostgres].map((server) => (seconds: number) => load(server, paths, seconds, s.connections)),
        s.rounds, s.duration, log, `${size} cached ${name}`) as [Sample[], Sample[], Sample[]]
      const result = { scenario: name, replay: summary(r), sqlite: summary(q), postgres: summary(p), sqliteOverReplay: pairedRatio(q, r), postgresOverReplay: pairedRatio(p, r) }
      log(`${size} cached ${name}: replay ${result.replay.rps.toFixed(0)}/s, sqlite ${result.sqliteOverReplay.toFixed(2)}×, postgres ${result.postgresOverReplay.toFixed(2)}×`)
      cache.push(result)
    }
    return { size, scenarios, processes, cache }
  } finally {
    await Promise.all(servers.map((c) => c.stop()))
  }
}

export async function benchStores (root: string, settings: StoresSettings, log: (line: string) => void): Promise<StoresResult> {
  const postgres = await benchPostgres(root)
  log(`stores: PostgreSQL from ${postgres.source}`)
  try {
    const sizes: StoresSize[] = []
    for (const size of settings.sizes) sizes.push(await benchSize(root, postgres.url, size, settings, log))
    const texts = ingestTexts(root, settings.workerTexts)
    const workers = await benchWorkers(root, postgres.url, texts.texts, settings.workerJobs, settings.rounds, log)
    return { postgres: postgres.source, settings, sizes, workers: { ...workers, source: texts.source } }
  } finally {
    await postgres.stop()
  }
}
