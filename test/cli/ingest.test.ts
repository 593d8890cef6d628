import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import t from 'tap'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

/** Runs a CLI as `npm run` would, on its own database file. */
function run (script: string, args: string[], databasePath: string) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, DATABASE_PATH: databasePath }
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

t.test('ingest and reindex CLIs: summary on stdout, failures on stderr, exit 1 when any document failed', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-'))
  t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }))
  fs.writeFileSync(path.join(dir, 'a.txt'), 'Dock strike ends\n\nHULL\n\nUnion leader Sam Reed said the deal was fair.\n')
  fs.writeFileSync(path.join(dir, 'feed.ndjson'), `${JSON.stringify({ text: 'One\n\nThe minister said yes.' })}\nbad\n`)
  const databasePath = path.join(dir, 'news.db')

  const first = run('src/cli/ingest.ts', [dir], databasePath)
  t.equal(first.status, 1, 'a failed line fails the run')
  t.match(first.stdout, /ingest: 2 created, 0 existing, 1 failed/)
  t.match(first.stderr, /feed\.ndjson:2: line 2: is not JSON/)

  const again = run('src/cli/ingest.ts', [path.join(dir, 'a.txt')], databasePath)
  t.equal(again.status, 0)
  t.match(again.stdout, /ingest: 0 created, 1 existing, 0 failed/)

  t.equal(run('src/cli/ingest.ts', [], databasePath).status, 2, 'no path is a usage error')
  const reindex = run('src/cli/reindex.ts', [], databasePath)
  t.equal(reindex.status, 0)
  t.match(reindex.stdout, /every article is parsed by extractor/)
})
