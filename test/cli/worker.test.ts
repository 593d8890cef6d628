// npm run worker on PostgreSQL: a worker killed with SIGKILL in the middle of a bulk job loses nothing
// and doubles nothing; the next worker takes the job over (once the dead one's lease has run out) and
// runs it from its start.
import { spawn } from 'node:child_process'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import t, { type Test } from 'tap'
import { queueBulkJob } from '../../src/services/jobs.js'
import { PostgresStore } from '../../src/store/postgres/store.js'
import { SKIP_WITHOUT_POSTGRES, throwawayDatabase } from '../store/postgres/database.js'
import { storyLines } from '../stories.js'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

function startWorker (t: Test, databaseUrl: URL) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/worker.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: String(databaseUrl), PARSE_WORKERS: '0' },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let log = ''
  child.stdout.on('data', (chunk: Buffer) => { log += chunk.toString() })
  child.stderr.on('data', (chunk: Buffer) => { log += chunk.toString() })
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()))
  t.teardown(() => { if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL') })
  return { child, exited, log: () => log }
}

async function until<T> (what: string, check: () => Promise<T | null | undefined | false>, ms = 60_000): Promise<T> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(50)) {
    const value = await check()
    if (value) return value
  }
  throw new Error(`timed out waiting for ${what}`)
}

t.test('a worker killed mid-job: the next one takes the job over, nothing lost or doubled', { skip: SKIP_WITHOUT_POSTGRES }, async (t) => {
  const url = await throwawayDatabase(t)
  const store = await PostgresStore.open({ primary: url, poolSize: 2 })
  t.teardown(() => store.close())
  // 600 stories, a poisoned line, and 20 of the stories again
  const lines = [...storyLines(600, 1, 6), '{"text": oops}', ...storyLines(20, 1, 6)].map((line) => line.trimEnd())
  const job = await queueBulkJob(store, Buffer.from(`${lines.join('\n')}\n`))

  const first = startWorker(t, url)
  await until('the first worker to be part way', async () => {
    const state = await store.getJob(job.id)
    if (state?.state === 'succeeded') throw new Error('the job finished before the worker could be killed')
    return state !== null && state.state === 'running' && state.counts.done >= 20
  }).catch((error: Error) => { throw new Error(`${error.message}\n${first.log()}`) })
  first.child.kill('SIGKILL')
  await first.exited
  const midway = await store.getJob(job.id)
  t.equal(midway?.state, 'running', 'the killed worker left it running')
  // the dead worker's lease would run out in 30 s; the test ends it now
  await store.primary.query("UPDATE jobs SET lease_until = now() - interval '1 second' WHERE id = $1", [job.id])

  const second = startWorker(t, url)
  const done = await until('the job to finish', async () => {
    const state = await store.getJob(job.id)
    return state?.state === 'succeeded' || state?.state === 'failed' ? state : null
  })
  t.match(done, { state: 'succeeded', counts: { done: 621, total: 621, failed: 1 } }, 'counted from its start')
  // what the killed worker stored is found stored ("existing") by the rerun: stored once either way
  t.equal(done.counts.created + done.counts.existing, 620)
  t.ok(done.counts.existing > 20, `the rerun found the killed worker's ${done.counts.existing - 20} articles stored`)
  t.match(done.failures, [{ line: 601, problem: { status: 400 } }], 'the poisoned line fails alone')
  const { rows } = await store.primary.query<{ articles: number, distinct: number }>(
    'SELECT count(*)::int AS articles, count(DISTINCT text)::int AS distinct FROM articles')
  t.same(rows[0], { articles: 600, distinct: 600 }, 'every article once')
  second.child.kill('SIGTERM')
  await second.exited
})
