// A quick timing of list and search reads on the parity corpus, PostgreSQL against SQLite: not a
// benchmark harness (bench/ is), a loop to see the order of magnitude. Run with a server up:
//   TEST_DATABASE_URL=… npx tsx test/store/postgres/measure-lists.ts
import { performance } from 'node:perf_hooks'
import { createPool } from '../../../src/store/postgres/connection.js'
import type { StoreLists } from '../../../src/store/store.js'
import { postgresCopyOf, sqliteWithCorpus } from './parity-fixture.js'

const RUNS = 300

type Read = (lists: StoreLists) => Promise<unknown>

const READS: Record<string, Read> = {
  'articles newest, 20': (l) => l.articles.page({}, 'newest', 20),
  'articles of an entity, newest, 20': (l) => l.articles.page({ entity: ['person-sergey-lavrov'] }, 'newest', 20),
  'articles q=budget relevance, 20': (l) => l.articles.page({ q: 'budget' }, 'relevance', 20),
  'articles q="military presence" newest, 20': (l) => l.articles.page({ q: '"military presence"' }, 'newest', 20),
  'articles facets entity,publisher': (l) => l.articles.facets({}, ['entity', 'publisher'], 10),
  'quotes about a place, newest, 20': (l) => l.quotes.page({ about: ['location-syria'] }, 'newest', 20),
  'quotes q=talks relevance, 20': (l) => l.quotes.page({ q: 'talks' }, 'relevance', 20),
  'quotes count': (l) => l.quotes.count({}),
  'entities q=lav': (l) => l.entities.page({ q: 'lav' }, 'mentions', 20),
  'related entities': (l) => l.relatedEntities.page({ id: 'person-sergey-lavrov' }, 'shared', 20)
}

async function timings (lists: StoreLists, read: Read): Promise<{ p50: number, p99: number }> {
  for (let i = 0; i < 20; i++) await read(lists) // warm: statements prepared, caches filled
  const ms: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now()
    await read(lists)
    ms.push(performance.now() - start)
  }
  ms.sort((a, b) => a - b)
  return { p50: ms[Math.floor(RUNS * 0.5)] ?? 0, p99: ms[Math.floor(RUNS * 0.99)] ?? 0 }
}

const url = process.env.TEST_DATABASE_URL
if (!url) throw new Error('TEST_DATABASE_URL is not set')
const admin = createPool(url, { max: 1 })
const name = `news_measure_${process.pid}`
await admin.query(`CREATE DATABASE ${name}`)
const target = new URL(url)
target.pathname = `/${name}`
const pool = createPool(target, { max: 4 })
try {
  const sqlite = await sqliteWithCorpus()
  const { lists: pg } = await postgresCopyOf(sqlite, pool)
  console.log('| read | SQLite p50 | SQLite p99 | PostgreSQL p50 | PostgreSQL p99 |\n| --- | --- | --- | --- | --- |')
  for (const [label, read] of Object.entries(READS)) {
    const [lite, post] = [await timings(sqlite.lists, read), await timings(pg, read)]
    const f = (n: number) => `${n.toFixed(2)} ms`
    console.log(`| ${label} | ${f(lite.p50)} | ${f(lite.p99)} | ${f(post.p50)} | ${f(post.p99)} |`)
  }
  await sqlite.close()
} finally {
  await pool.end()
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  await admin.end()
}
