import { spawn } from 'node:child_process'
import pg from 'pg'
import { median } from './ingest.js'
import { startChild } from './processes.js'

// Bulk ingest through queued jobs on PostgreSQL with 1 and with 2 workers: the same texts, sent as
// `jobs` bulk jobs (Prefer: respond-async) to one API process, into a fresh database each run; the
// time is from the first submission until every job has succeeded. Each worker parses on its own
// thread (PARSE_WORKERS=0), so a worker is one core's worth of work, and rounds alternate 1 and 2.

const KEY = 'bench-key-0123456789abcdef'

export interface WorkersResult {
  texts: number
  jobs: number
  rounds: number
  /** Articles per second with 1 and with 2 workers (medians), and their ratio. */
  one: number
  two: number
  ratio: number
}

async function withDatabase<T> (adminUrl: string, name: string, use: (url: string) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name}`)
    await admin.query(`CREATE DATABASE ${name}`)
    const url = new URL(adminUrl)
    url.pathname = `/${name}`
    return await use(url.href)
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {})
    await admin.end()
  }
}

function startWorker (root: string, url: string): Promise<() => Promise<void>> {
  const child = spawn(process.execPath, ['dist/cli/worker.js'], {
    cwd: root, env: { ...process.env, DATABASE_URL: url, PARSE_WORKERS: '0', LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe']
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const stop = async () => { if (child.exitCode === null) { child.kill('SIGTERM'); await exited } }
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      if (out.includes('taking jobs')) resolve(stop)
    })
    child.stderr.on('data', (chunk: Buffer) => { out += chunk.toString() })
    child.once('exit', () => reject(new Error(`worker exited before taking jobs:\n${out}`)))
  })
}

async function oneRun (root: string, adminUrl: string, workers: number, batches: string[], round: number): Promise<number> {
  return withDatabase(adminUrl, `bench_workers_${workers}_${round}`, async (url) => {
    const api = await startChild('api', ['dist/server.js'], { DATABASE_URL: url, API_KEYS: KEY, LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '0' }, root)
    const stops = await Promise.all(Array.from({ length: workers }, () => startWorker(root, url)))
    try {
      const started = performance.now()
      const locations = await Promise.all(batches.map(async (body) => {
        const res = await fetch(`${api.url}/articles/bulk`, {
          method: 'POST', body, headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/x-ndjson', prefer: 'respond-async' }
        })
        if (res.status !== 202) throw new Error(`bulk job: ${res.status} ${await res.text()}`)
        return res.headers.get('location') ?? ''
      }))
      for (const location of locations) {
        for (;;) {
          const job = await (await fetch(api.url + location)).json() as { state: string }
          if (job.state === 'succeeded') break
          if (job.state === 'failed') throw new Error(`bench job failed: ${JSON.stringify(job)}`)
          await new Promise((resolve) => setTimeout(resolve, 50))
        }
      }
      return (performance.now() - started) / 1000
    } finally {
      await Promise.all(stops.map((stop) => stop()))
      await api.stop()
    }
  })
}

export async function benchWorkers (root: string, adminUrl: string, texts: string[], jobs: number, rounds: number,
  log: (line: string) => void): Promise<WorkersResult> {
  const per = Math.ceil(texts.length / jobs)
  const batches = Array.from({ length: jobs }, (_, j) =>
    texts.slice(j * per, (j + 1) * per).map((text) => JSON.stringify({ text })).join('\n') + '\n')
  const seconds: Record<1 | 2, number[]> = { 1: [], 2: [] }
  for (let r = 0; r < rounds; r++) {
    for (const workers of (r % 2 === 0 ? [1, 2] : [2, 1]) as (1 | 2)[]) {
      const s = await oneRun(root, adminUrl, workers, batches, r)
      seconds[workers].push(s)
      log(`workers: ${workers} worker(s) ingested ${texts.length} texts in ${s.toFixed(1)} s`)
    }
  }
  const one = texts.length / median(seconds[1])
  const two = texts.length / median(seconds[2])
  return { texts: texts.length, jobs, rounds, one, two, ratio: two / one }
}
