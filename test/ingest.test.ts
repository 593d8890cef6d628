import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import t, { type Test } from 'tap'
import { openDatabase } from '../src/db/connection.js'
import { migrate } from '../src/db/migrate.js'
import { createRepositories } from '../src/db/repositories.js'
import { readSeedDocuments, seedDatabase } from '../src/ingest.js'

function seedFolder (t: Test, files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seed-'))
  t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }))
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content)
  return dir
}

const STORY = 'A headline\n\nLONDON\nThe minister said the plan would work.\n'

t.test('a seed/NAME.json beside a text gives its metadata; other files are ignored', async (t) => {
  const dir = seedFolder(t, {
    'story.txt': STORY,
    'story.json': JSON.stringify({ publishedAt: '2025-12-17T09:00:00Z', url: 'https://example.com/story', publisher: 'Example' }),
    'plain.txt': 'Another story.\n\nIts body.\n',
    'notes.md': '# not a document'
  })
  const docs = readSeedDocuments(dir)
  t.same(docs.map((d) => d.file), ['plain.txt', 'story.txt'])
  t.same(docs[1]?.metadata, { publishedAt: '2025-12-17T09:00:00Z', url: 'https://example.com/story', publisher: 'Example' })
  t.same(docs[0]?.metadata, {})
})

t.test('a sidecar with an unknown field or a bad date is refused, naming the problem', async (t) => {
  t.throws(() => readSeedDocuments(seedFolder(t, { 'a.txt': STORY, 'a.json': '{"publishedAt":"yesterday"}' })), /publishedAt/)
  t.throws(() => readSeedDocuments(seedFolder(t, { 'a.txt': STORY, 'a.json': '{"author":"x"}' })), /author/)
})

t.test('seeding upserts: twice changes nothing, changed metadata updates in place under the same id', async (t) => {
  const dir = seedFolder(t, { 'story.txt': STORY, 'story.json': '{"publisher":"Example"}' })
  const db = openDatabase(':memory:')
  t.teardown(() => db.close())
  migrate(db)
  const { writer, articles } = createRepositories(db)
  const first = seedDatabase(writer, dir)
  t.equal(first.created.length, 1)
  t.same(seedDatabase(writer, dir), { created: [], updated: [], unchanged: first.created })
  fs.writeFileSync(path.join(dir, 'story.json'), '{"publisher":"Example News"}')
  const updated = seedDatabase(writer, dir)
  t.same(updated.updated, first.created, 'same file, same id')
  t.equal(articles.list({ limit: 10 }).items[0]?.publisher, 'Example News')
})
