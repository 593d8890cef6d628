import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import t from 'tap'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

/** Starts src/server.ts as `npm start` would, on a free port; resolves with its base URL once it listens. */
function startServer (databasePath: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_PATH: databasePath, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let log = ''
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      log += chunk.toString()
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(log)
      if (match?.[1]) resolve(match[1])
    })
    child.stderr.on('data', (chunk: Buffer) => { log += chunk.toString() })
    void exited.then((code) => reject(new Error(`server exited with ${code} before listening:\n${log}`)))
  })
  return { child, listening, exited, log: () => log }
}

t.test('the server migrates and seeds an empty database, serves it, and closes on SIGTERM', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-server-'))
  t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }))
  const databasePath = path.join(dir, 'data', 'news.db')

  const first = startServer(databasePath)
  t.teardown(() => { first.child.kill('SIGKILL') })
  const base = await first.listening
  t.equal((await fetch(`${base}/ready`)).status, 200)
  const articles = await (await fetch(`${base}/articles`)).json() as { data: { id: string, title: string }[] }
  t.equal(articles.data.length, 1, 'the seed article is there on the first request')
  t.match(articles.data[0]?.title, /^Russia in discussions with Syria/)

  first.child.kill('SIGTERM')
  t.equal(await first.exited, 0, 'SIGTERM closes the server cleanly')
  t.match(first.log(), /closing/)
  const wal = `${databasePath}-wal`
  t.ok(!fs.existsSync(wal) || fs.statSync(wal).size === 0, 'the WAL was checkpointed into the database on close')

  const second = startServer(databasePath)
  t.teardown(() => { second.child.kill('SIGKILL') })
  const again = await second.listening
  const reopened = await (await fetch(`${again}/articles`)).json() as { data: { id: string }[] }
  t.same(reopened.data.map((a) => a.id), articles.data.map((a) => a.id), 'a restart serves the same data, seeded once')
  second.child.kill('SIGINT')
  t.equal(await second.exited, 0, 'SIGINT closes it too')
})
