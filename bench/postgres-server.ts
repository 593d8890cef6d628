import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'

// The PostgreSQL the store benchmarks run on: BENCH_POSTGRES_URL when given (a role that may create
// databases), else a throwaway primary started by .ci/postgres.sh with PostgreSQL's durable defaults
// (PG_DURABLE=1: fsync and synchronous commit on, as a user runs it) and stopped afterwards.

const run = promisify(execFile)

export interface BenchPostgres {
  /** A URL whose role may create the benchmark's databases. */
  url: string
  /** Where it came from, for the report. */
  source: string
  stop: () => Promise<void>
}

export async function benchPostgres (root: string): Promise<BenchPostgres> {
  const given = process.env.BENCH_POSTGRES_URL
  if (given) return { url: given, source: 'BENCH_POSTGRES_URL', stop: async () => {} }
  const script = path.join(root, '.ci', 'postgres.sh')
  const { stdout } = await run('bash', [script, 'start'], { env: { ...process.env, PG_DURABLE: '1' }, maxBuffer: 1 << 20 })
  const exports = Object.fromEntries([...stdout.matchAll(/^export (\w+)='([^']*)'$/gm)].map((m) => [m[1], m[2]]))
  const url = exports.TEST_DATABASE_URL
  const ciRoot = exports.PG_CI_ROOT
  if (!url || !ciRoot) throw new Error(`.ci/postgres.sh start printed no URL:\n${stdout}`)
  return {
    url,
    source: 'a throwaway PostgreSQL 15 (.ci/postgres.sh, PG_DURABLE=1: fsync on; shared_buffers 128 MB, the default)',
    stop: async () => { await run('bash', [script, 'stop'], { env: { ...process.env, PG_CI_ROOT: ciRoot } }) }
  }
}
