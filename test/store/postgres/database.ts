// Throwaway databases on the PostgreSQL that TEST_DATABASE_URL names (.ci/postgres.sh starts one):
// each test gets a database of its own, dropped after it. Without the variable (a clone without
// PostgreSQL) the PostgreSQL tests skip, saying why.
import { randomBytes } from 'node:crypto'
import type { Test } from 'tap'
import type pg from 'pg'
import { createPool } from '../../../src/store/postgres/connection.js'

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL

export const SKIP_WITHOUT_POSTGRES = TEST_DATABASE_URL
  ? false
  : 'no TEST_DATABASE_URL: PostgreSQL tests need a server (.ci/run starts one with .ci/postgres.sh)'

/**
 * DROP … WITH (FORCE) ends the database's sessions, but not an autovacuum worker's (a superuser's
 * process: "must be a member of the role whose process is being terminated"), which a test's many
 * writes may have started there. Such a worker ends soon; the drop is tried again meanwhile.
 */
async function dropWhenFree (admin: pg.Pool, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      return
    } catch (error) {
      const code = (error as { code?: string }).code
      if (attempt >= 40 || (code !== '42501' && code !== '55006')) throw error
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
  }
}

/** A new, empty database, dropped when `t` ends; returns its URL. */
export async function throwawayDatabase (t: Test): Promise<URL> {
  if (!TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set')
  const name = `news_test_${randomBytes(6).toString('hex')}`
  const admin = createPool(TEST_DATABASE_URL, { max: 1 })
  await admin.query(`CREATE DATABASE ${name}`)
  t.teardown(async () => {
    try {
      await dropWhenFree(admin, name)
    } finally {
      await admin.end()
    }
  })
  const url = new URL(TEST_DATABASE_URL)
  url.pathname = `/${name}`
  return url
}

/** A pool on `url`, ended when `t` ends (before its database is dropped: teardowns run in reverse). */
export function poolFor (t: Test, url: URL, max = 2): pg.Pool {
  const pool = createPool(url, { max, applicationName: 'structured-news-api tests' })
  t.teardown(() => pool.end())
  return pool
}
