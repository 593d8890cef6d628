import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import t, { type Test } from 'tap'
import { openDatabase } from '../../src/store/sqlite/connection.js'
import { SqliteStore } from '../../src/store/sqlite/store.js'
import { countDocuments, expandPaths, ingestPaths, readTextDocument, seedDatabase } from '../../src/services/ingest.js'

function folder (t: Test, files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ingest-'))
  t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }))
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
    fs.writeFileSync(path.join(dir, name), content)
  }
  return dir
}

function database (t: Test) {
  const db = openDatabase(':memory:')
  t.teardown(() => db.close())
  const store = new SqliteStore({ database: db })
  return { db, repos: store.repos, store }
}

const STORY = 'A headline\n\nLONDON\nThe minister said the plan would work.\n'

t.test('a NAME.json beside a text gives its metadata, checked as a POST body is', async (t) => {
  const dir = folder(t, {
    'story.txt': STORY,
    'story.json': JSON.stringify({ publishedAt: '2025-12-17T09:00:00Z', url: 'https://example.com/story', publisher: 'Example' }),
    'plain.txt': 'Another story.\n\nIts body.\n'
  })
  t.same(readTextDocument(path.join(dir, 'story.txt')),
    { text: STORY, publishedAt: '2025-12-17T09:00:00Z', url: 'https://example.com/story', publisher: 'Example' })
  t.same(readTextDocument(path.join(dir, 'plain.txt')), { text: 'Another story.\n\nIts body.\n' })
})

t.test('a bad sidecar, a binary or empty file or one past the limit is refused, naming the problem', async (t) => {
  const dir = folder(t, {
    'a.txt': STORY,
    'a.json': '{"publishedAt":"yesterday"}',
    'b.txt': STORY,
    'b.json': '{"author":"x"}',
    'c.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0x00]),
    'd.txt': '  \n',
    'e.txt': 'x'.repeat(2048)
  })
  t.throws(() => readTextDocument(path.join(dir, 'a.txt')), /publishedAt/)
  t.throws(() => readTextDocument(path.join(dir, 'b.txt')), /author/)
  t.throws(() => readTextDocument(path.join(dir, 'c.txt')), /UTF-8/)
  t.throws(() => readTextDocument(path.join(dir, 'd.txt')), /whitespace/)
  t.throws(() => readTextDocument(path.join(dir, 'e.txt'), 1024), /larger than 1024 bytes/)
})

t.test('paths expand to .txt and .ndjson files, folders walked in name order; the rest is named as a failure', async (t) => {
  const dir = folder(t, { 'b.txt': STORY, 'a/x.ndjson': '', 'a/notes.md': '#', 'a/x.json': '{}', 'c.jsonl': '' })
  const { files, failures } = expandPaths([dir, path.join(dir, 'a/notes.md'), path.join(dir, 'missing.txt')])
  t.same(files.map((f) => path.relative(dir, f)), ['a/x.ndjson', 'b.txt', 'c.jsonl'])
  t.match(failures, [{ detail: /not a \.txt/ }, { detail: /no such file/ }])
})

t.test('ingestPaths stores texts and NDJSON lines, counts each outcome and names each failure', async (t) => {
  const lines = [
    JSON.stringify({ text: 'First line story.\n\nIt said something.', publisher: 'Wire' }),
    '',
    'not json',
    JSON.stringify({ text: STORY }), // the same text as story.txt: stored once
    JSON.stringify({ text: 'Another.', author: 'x' })
  ]
  const dir = folder(t, { 'story.txt': STORY, 'feed.ndjson': `${lines.join('\n')}\n`, 'broken.txt': Buffer.from([0xc3, 0x28]) })
  const { repos, store } = database(t)
  const progress: number[] = []
  const summary = await ingestPaths([dir], store, { onProgress: (n) => progress.push(n) })
  t.match(summary, { created: 2, existing: 1, failed: 3 })
  t.match(summary.failures.map((f) => path.basename(f.source)), ['broken.txt', 'feed.ndjson:3', 'feed.ndjson:5'])
  t.match(summary.failures[2], { detail: /author/ })
  t.equal(progress.reduce((a, b) => a + b, 0), await countDocuments(expandPaths([dir]).files), 'progress reaches the total')
  t.equal(repos.lists.articles.page({}, 'newest', 10).items.length, 2)
  const again = await ingestPaths([dir], store)
  t.match(again, { created: 0, existing: 3, failed: 3 }, 'a second run stores nothing new')
})

t.test('seeding twice changes nothing', async (t) => {
  const dir = folder(t, { 'story.txt': STORY, 'story.json': '{"publisher":"Example"}' })
  const { repos, store } = database(t)
  t.match(await seedDatabase(store, dir), { created: 1, existing: 0, failed: 0 })
  t.match(await seedDatabase(store, dir), { created: 0, existing: 1, failed: 0 })
  t.equal(repos.lists.articles.page({}, 'newest', 10).items[0]?.publisher, 'Example')
})
