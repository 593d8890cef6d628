import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import t from 'tap'
import { openDatabase } from '../../../src/store/sqlite/connection.js'
import { migrate, pendingMigrations, readMigrations } from '../../../src/store/sqlite/migrate.js'
import { createRepositories } from '../../../src/store/sqlite/repositories.js'
import { parseArticle } from '../../../src/extract/index.js'
import { SLOTS, articleKeyBase } from '../../../src/store/sqlite/search-key.js'

t.test('the project migrations apply in order, are recorded, and apply once', async (t) => {
  const db = openDatabase(':memory:')
  t.teardown(() => db.close())
  const all = readMigrations()
  t.ok(all.length >= 1, 'there is at least one migration')
  t.same(all.map((m) => m.version), [...all.map((m) => m.version)].sort((a, b) => a - b), 'in version order')
  t.equal(pendingMigrations(db).length, all.length, 'a new database has every migration pending')
  t.same(migrate(db).map((m) => m.version), all.map((m) => m.version))
  t.same(db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all(), all.map((m) => m.version))
  t.same(migrate(db), [], 'a second run applies nothing')
  t.equal(pendingMigrations(db).length, 0)
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all()
  for (const table of ['articles', 'paragraphs', 'quotes', 'entities', 'mentions']) t.ok(tables.includes(table), `${table} exists`)
})

t.test('a new migration file is applied after the ones already recorded; others in the folder are ignored', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migrations-'))
  t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }))
  fs.writeFileSync(path.join(dir, '001_first.sql'), 'CREATE TABLE one (x INTEGER) STRICT;')
  fs.writeFileSync(path.join(dir, 'README.md'), 'not a migration')
  const db = openDatabase(':memory:')
  t.teardown(() => db.close())
  t.same(migrate(db, readMigrations(dir)).map((m) => m.name), ['first'])
  fs.writeFileSync(path.join(dir, '002_second.sql'), 'CREATE TABLE two (x INTEGER) STRICT;')
  t.same(pendingMigrations(db, readMigrations(dir)).map((m) => m.version), [2])
  t.same(migrate(db, readMigrations(dir)).map((m) => m.name), ['second'])
})

t.test('a failing migration leaves nothing half-applied', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migrations-'))
  t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }))
  fs.writeFileSync(path.join(dir, '001_broken.sql'), 'CREATE TABLE fine (x INTEGER) STRICT; CREATE TABLE broken (;')
  const db = openDatabase(':memory:')
  t.teardown(() => db.close())
  t.throws(() => migrate(db, readMigrations(dir)))
  t.equal(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'fine'").pluck().get(), 0)
  t.equal(pendingMigrations(db, readMigrations(dir)).length, 1)
})

t.test('a file database is opened in WAL mode with foreign keys on, its folder created', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'db-'))
  t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }))
  const db = openDatabase(path.join(dir, 'nested', 'news.db'))
  t.teardown(() => db.close())
  t.equal(db.pragma('journal_mode', { simple: true }), 'wal')
  t.equal(db.pragma('foreign_keys', { simple: true }), 1)
})

t.test('002 applies over a database of 001 with articles: their titles are kept on re-parse', async (t) => {
  const db = openDatabase(':memory:')
  t.teardown(() => db.close())
  const [first, ...rest] = readMigrations()
  if (!first) throw new Error('no migrations')
  migrate(db, [first])
  db.prepare(`INSERT INTO articles (id, title, text, lede, extractor_version, created_at, sort_at)
    VALUES ('a1', 'A title', 'A title\n\nBody.', 'Body.', '0.1.0', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`).run()
  migrate(db, [first, ...rest])
  t.equal(db.prepare("SELECT title_from_text FROM articles WHERE id = 'a1'").pluck().get(), 0)
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all()
  t.ok(tables.includes('idempotency_keys'))
})

t.test('003 indexes the articles and quotes already stored, and compares offsets in UTC', async (t) => {
  const db = openDatabase(':memory:')
  t.teardown(() => db.close())
  const migrations = readMigrations()
  migrate(db, migrations.filter((m) => m.version < 3))
  db.prepare(`INSERT INTO articles (id, title, text, lede, extractor_version, created_at, sort_at, published_at)
    VALUES ('a1', 'Budget deal', 'Budget deal\n\nThe budget passed, she said.', 'The budget passed.', '0.1.0',
      '2026-01-01T00:00:00Z', '2026-01-01T01:30:00+02:00', '2026-01-01T01:30:00+02:00')`).run()
  db.prepare(`INSERT INTO quotes (id, article_id, position, kind, text, spans, sort_at)
    VALUES ('a1-q1', 'a1', 0, 'indirect', 'The budget passed', '[{"start":13,"end":30}]', '2026-01-01T00:00:00Z')`).run()
  migrate(db, migrations)
  t.equal(db.prepare("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'budget'").pluck().get(), 1)
  t.equal(db.prepare("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'pass*'").pluck().get(), 1)
  t.equal(db.prepare("SELECT published_utc FROM articles WHERE id = 'a1'").pluck().get(), '2025-12-31T23:30:00.000Z')
})

t.test('004 gives the entities already stored their look-up keys: aliases, and surnames of full names', async (t) => {
  const db = openDatabase(':memory:')
  t.teardown(() => db.close())
  const migrations = readMigrations()
  migrate(db, migrations.filter((m) => m.version < 4))
  db.exec(`INSERT INTO entities (id, name, type) VALUES ('person-ahmad-al-sharaa', 'Ahmad al-Sharaa', 'person'),
      ('person-asaad-al-shaibani', 'Asaad al Shaibani', 'person'), ('location-united-states', 'United States', 'location');
    INSERT INTO entity_aliases (entity_id, alias) VALUES ('person-ahmad-al-sharaa', 'Ahmad al-Sharaa'),
      ('location-united-states', 'U.S.'), ('location-united-states', 'United States')`)
  migrate(db, migrations)
  t.same(db.prepare('SELECT key, kind, entity_id FROM entity_keys ORDER BY kind, key').all(), [
    { key: 'ahmad al-sharaa', kind: 'alias', entity_id: 'person-ahmad-al-sharaa' },
    { key: 'united states', kind: 'alias', entity_id: 'location-united-states' },
    { key: 'us', kind: 'alias', entity_id: 'location-united-states' },
    { key: 'al-sharaa', kind: 'surname', entity_id: 'person-ahmad-al-sharaa' },
    { key: 'shaibani', kind: 'surname', entity_id: 'person-asaad-al-shaibani' },
    { key: 'sharaa', kind: 'surname', entity_id: 'person-ahmad-al-sharaa' }
  ])
  t.same(db.prepare("SELECT iso3166, geonames_id FROM entities WHERE id = 'location-united-states'").get(), { iso3166: null, geonames_id: null },
    'identifiers come with the next write that names the place')
  const text = 'Talks\n\nThe United States said the talks would go on.'
  createRepositories(db).writer.save(text, {}, parseArticle(text), 'v1')
  t.same(db.prepare("SELECT iso3166, article_count FROM entities WHERE id = 'location-united-states'").get(), { iso3166: 'US', article_count: 1 })
})

t.test('007 keys articles by time as the writer does, and the articles already stored stay found', async (t) => {
  const db = openDatabase(':memory:')
  t.teardown(() => db.close())
  const migrations = readMigrations()
  migrate(db, migrations.filter((m) => m.version < 7))
  const insert = db.prepare(`INSERT INTO articles (id, title, text, lede, extractor_version, created_at, sort_at, published_at)
    VALUES (?, 'Budget', ?, 'The budget.', '0.1.0', '2026-04-01T00:00:00Z', ?, ?)`)
  for (const [id, publishedAt] of [['a1', '2026-03-01T10:15:30Z'], ['a2', '2026-03-01T10:15:59+02:00'], ['a3', '2025-12-31T23:59:00Z']]) {
    insert.run(id, `Budget\n\nThe budget of ${id}.`, publishedAt, publishedAt)
  }
  db.exec("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')")
  migrate(db, migrations)
  const after = 'Budget four\n\nThe budget was signed.'
  createRepositories(db).writer.save(after, { publishedAt: '2026-03-01T10:15:01Z' }, parseArticle(after), 'v1')
  const rows = db.prepare('SELECT sort_at, rowid AS key FROM articles ORDER BY rowid').all() as Array<{ sort_at: string, key: number }>
  t.same(rows.map((row) => row.sort_at), ['2025-12-31T23:59:00Z', '2026-03-01T10:15:30Z', '2026-03-01T10:15:59+02:00', '2026-03-01T10:15:01Z'],
    'ordered by minute, then by arrival within one')
  t.same(rows.map((row) => Math.floor(row.key / SLOTS) * SLOTS), rows.map((row) => articleKeyBase(row.sort_at)),
    'the migration\'s minute is the writer\'s')
  t.equal(db.prepare("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'budget'").pluck().get(), 4)
  t.doesNotThrow(() => db.prepare("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)").run())
})
