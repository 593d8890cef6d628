import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import t, { type Test } from 'tap'
import { extensionsOf, migrate, pendingMigrations, readMigrations } from '../../../src/store/postgres/migrate.js'
import { poolFor, SKIP_WITHOUT_POSTGRES, throwawayDatabase } from './database.js'

function migrationsDir (t: Test, files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-migrations-'))
  t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }))
  for (const [name, sql] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), sql)
  return dir
}

t.test('the migrations folder: NNN_name.sql files in version order, and the extensions they create', async (t) => {
  const all = readMigrations()
  t.ok(all.length >= 1, 'there is at least one migration')
  t.same(all.map((m) => m.version), [...all.map((m) => m.version)].sort((a, b) => a - b))
  t.same(extensionsOf(all[0]?.sql ?? ''), ['unaccent'])
  t.same(extensionsOf('create extension "pg_trgm"; CREATE EXTENSION IF NOT EXISTS btree_gin WITH SCHEMA public'), ['pg_trgm', 'btree_gin'])
})

t.test('against PostgreSQL', { skip: SKIP_WITHOUT_POSTGRES }, async (t) => {
  t.test('the project migrations apply to a new database, are recorded, and apply once', async (t) => {
    const pool = poolFor(t, await throwawayDatabase(t))
    const all = readMigrations()
    t.same((await pendingMigrations(pool)).map((m) => m.version), all.map((m) => m.version), 'a new database has every one pending')
    t.same((await migrate(pool)).map((m) => m.version), all.map((m) => m.version))
    const ledger = await pool.query('SELECT version, name FROM schema_migrations ORDER BY version')
    t.same(ledger.rows, all.map((m) => ({ version: m.version, name: m.name })))
    t.same(await migrate(pool), [], 'a second run applies nothing')
    t.same(await pendingMigrations(pool), [])
    const tables = await pool.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'")
    for (const table of ['articles', 'paragraphs', 'quotes', 'entities', 'mentions', 'entity_keys', 'idempotency_keys']) {
      t.ok(tables.rows.some((row) => row.name === table), `${table} exists`)
    }
  })

  t.test('two processes migrating at once apply each migration once', async (t) => {
    const url = await throwawayDatabase(t)
    // two pools: two processes' connections, each taking the advisory lock on its own session
    const [one, two] = await Promise.all([migrate(poolFor(t, url)), migrate(poolFor(t, url))])
    const versions = readMigrations().map((m) => m.version)
    t.same([...one, ...two].map((m) => m.version).sort((a, b) => a - b), versions, 'between them, each applied once')
    t.ok(one.length === 0 || two.length === 0, 'the one that waited found nothing pending')
    const ledger = await poolFor(t, url).query('SELECT count(*) AS n FROM schema_migrations')
    t.equal(ledger.rows[0]?.n, versions.length)
  })

  t.test('a new migration applies after those recorded; a failing one leaves nothing behind', async (t) => {
    const pool = poolFor(t, await throwawayDatabase(t))
    const dir = migrationsDir(t, { '001_first.sql': 'CREATE TABLE one (x integer);', 'README.md': 'not a migration' })
    t.same((await migrate(pool, readMigrations(dir))).map((m) => m.name), ['first'])
    fs.writeFileSync(path.join(dir, '002_broken.sql'), 'CREATE TABLE fine (x integer); CREATE TABLE broken (;')
    t.same((await pendingMigrations(pool, readMigrations(dir))).map((m) => m.version), [2])
    await t.rejects(migrate(pool, readMigrations(dir)), /Migration 002_broken failed: syntax error/)
    t.equal((await pool.query("SELECT to_regclass('fine') AS t")).rows[0]?.t, null, 'its first statement rolled back too')
    t.same((await pendingMigrations(pool, readMigrations(dir))).map((m) => m.version), [2], 'and it is still pending')
    const locks = await pool.query("SELECT count(*) AS n FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE l.locktype = 'advisory' AND d.datname = current_database()")
    t.equal(locks.rows[0]?.n, 0, 'the advisory lock is released after a failure')
  })

  t.test('an extension the server lacks stops the migration with a message saying how to install it', async (t) => {
    const pool = poolFor(t, await throwawayDatabase(t))
    const dir = migrationsDir(t, { '001_needs_it.sql': 'CREATE EXTENSION IF NOT EXISTS no_such_extension; CREATE TABLE after_it (x integer);' })
    await t.rejects(migrate(pool, readMigrations(dir)),
      /Migration 001_needs_it needs the PostgreSQL extension "no_such_extension", which this server does not have: .*apt-get install postgresql-contrib/)
    t.same((await pendingMigrations(pool, readMigrations(dir))).length, 1)
  })

  t.test('an extension the role may not create is explained: who can, and what to run', async (t) => {
    const pool = poolFor(t, await throwawayDatabase(t))
    const { rows } = await pool.query<{ superuser: boolean }>('SELECT rolsuper AS superuser FROM pg_roles WHERE rolname = current_user')
    if (rows[0]?.superuser) return t.plan(0, 'TEST_DATABASE_URL connects as a superuser, who may create any extension')
    // file_fdw ships with PostgreSQL and is not trusted: only a superuser creates it
    const dir = migrationsDir(t, { '001_untrusted.sql': 'CREATE EXTENSION file_fdw;' })
    await t.rejects(migrate(pool, readMigrations(dir)),
      /could not create the PostgreSQL extension "file_fdw" .*CREATE EXTENSION file_fdw; in this database once/)
  })
})
