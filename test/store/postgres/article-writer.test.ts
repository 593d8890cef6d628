// The PostgreSQL article writer and entity resolver: what the SQLite writer's tests ask of it, and
// every sequence of writes leaving exactly the rows the SQLite writer leaves for the same inputs.
import t, { type Test } from 'tap'
import { parseArticle } from '../../../src/extract/index.js'
import type { ParsedArticle } from '../../../src/domain/extraction.js'
import { articleIdOf } from '../../../src/store/ids.js'
import { PgIdempotencyKeys } from '../../../src/store/postgres/idempotency-keys.js'
import { SqliteStore } from '../../../src/store/sqlite/store.js'
import { parsedArticle, quotedText } from '../../helpers.js'
import { SKIP_WITHOUT_POSTGRES } from './database.js'
import { migratedPool, pgDump, pgProblems, sqliteDump, writerOn } from './writer-harness.js'

const SERGEY = 'Russia talks\n\nMOSCOW\n\nForeign Minister Sergey Lavrov met officials in Moscow on Monday, the ministry said. ' +
  'Russia wants calm, Lavrov said.'
const SURNAME_IN_MOSCOW = 'Course kept\n\nMOSCOW\n\nLavrov said Russia would not change course, speaking in Moscow on Friday.'
const TITLED_SURNAME = 'Ministers meet\n\nBERLIN\n\nForeign Minister Lavrov said the talks in Berlin would go on.'
const ANNA = 'Chess final\n\nLONDON\n\nThe chess player Anna Lavrov won the final in London on Sunday. Lavrov said she was tired.'
const SURNAME_ALONE = 'A statement\n\nLavrov said the decision was final, and nobody else commented.'
const SDF_SPELLED = 'Forces advance\n\nThe Syrian Democratic Forces (SDF) said they held the town. The SDF is backed by the US.'
const SDF_ALONE = 'Town held\n\nThe SDF said on Monday that it still held the town near the border.'
const SHARAA_FULL = 'Talks\n\nDAMASCUS\n\nSyrian President Ahmad al-Sharaa met envoys in Damascus on Monday.'
const SHARAA_BARE = 'More\n\nDAMASCUS\n\nSharaa said Syria would hold elections, speaking in Damascus.'
const ONE_ARTICLE = 'Talks\n\nMOSCOW\n\nForeign Minister Sergey Lavrov met U.S. officials on Monday. ' +
  'Lavrov said the US and Russia would talk again.\n\n"We are ready," the top Russian diplomat said of the United States.'

type Step =
  | { save: string, parsed?: ParsedArticle, metadata?: Record<string, string>, version?: string }
  | { delete: string }
  | { reparse: string[], version: string }

const NOW = new Date('2026-04-01T00:00:00Z')

/** Runs `steps` through SQLite's store and PostgreSQL's writer alike; the two dumps must be equal. */
async function bothWays (t: Test, steps: Step[]) {
  const sqlite = new SqliteStore({ database: ':memory:' })
  t.teardown(() => sqlite.close())
  const pool = await migratedPool(t)
  const pg = writerOn(pool)
  for (const step of steps) {
    if ('save' in step) {
      const parsed = step.parsed ?? parseArticle(step.save)
      const expected = await sqlite.saveArticle(step.save, step.metadata ?? {}, parsed, step.version ?? 'v1', NOW)
      t.same(await pg.save(step.save, step.metadata ?? {}, parsed, step.version ?? 'v1', NOW), expected)
    } else if ('delete' in step) {
      t.equal(await pg.delete(articleIdOf(step.delete)), await sqlite.deleteArticle(articleIdOf(step.delete)))
    } else {
      const parses = step.reparse.map((text) => ({ id: articleIdOf(text), parsed: parseArticle(text) }))
      t.equal(await pg.reparse(parses, step.version), await sqlite.reparseArticles(parses, step.version))
    }
  }
  t.equal(await pgDump(pool), sqliteDump(sqlite.db), 'PostgreSQL stores what SQLite stores')
  t.same(await pgProblems(pool), [], 'counters agree with their rows')
  return { pool, sqlite }
}

const saves = (...texts: string[]): Step[] => texts.map((save) => ({ save }))

t.test('the PostgreSQL writer', { skip: SKIP_WITHOUT_POSTGRES }, async (t) => {
  t.test('a save stores the article whole; the same again is unchanged; a new version replaces it, keeping id and creation time', async (t) => {
    const pool = await migratedPool(t)
    const pg = writerOn(pool)
    const text = quotedText(1)
    t.same(await pg.save(text, { publisher: 'Example' }, parsedArticle(text), 'v1', new Date('2026-01-01T00:00:00Z')),
      { id: articleIdOf(text), outcome: 'created' })
    t.same(await pg.save(text, { publisher: 'Example' }, parsedArticle(text)), { id: articleIdOf(text), outcome: 'unchanged' })
    t.same(await pg.save(text, { publisher: 'Example' }, parsedArticle(text), 'v2'), { id: articleIdOf(text), outcome: 'updated' })
    const { rows } = await pool.query('SELECT created_at, extractor_version, sort_at FROM articles')
    t.same(rows, [{ created_at: '2026-01-01T00:00:00.000Z', extractor_version: 'v2', sort_at: '2026-01-01T00:00:00.000Z' }])
    const entity = await pool.query('SELECT article_count, mention_count, quote_count FROM entities')
    t.same(entity.rows, [{ article_count: 1, mention_count: 1, quote_count: 1 }], 'counters not doubled')
  })

  t.test('writes, replacements, deletes and re-parses of hand-made parses store what SQLite stores', async (t) => {
    const split = 'The Syrian Democratic Forces (SDF) held it; the SDF said so.'
    const org = (id: string, name: string, aliases: string[], start: number, text: string) =>
      ({ id, name, type: 'organization' as const, aliases, titles: [], mentions: [{ start, end: start + text.length, text }] })
    await bothWays(t, [
      ...[3, 4, 5].map((i) => ({ save: quotedText(i), parsed: parsedArticle(quotedText(i)), metadata: { publishedAt: `2026-03-0${i}T00:00:00Z` } })),
      { save: quotedText(3), parsed: parsedArticle(quotedText(3)), metadata: { title: 'Given' } },
      { save: quotedText(4), parsed: parsedArticle(quotedText(4)), version: 'v2' },
      { delete: quotedText(5) },
      { delete: quotedText(5) },
      { save: 'The SDF held the town.', parsed: parsedArticle('The SDF held the town.', { entities: [org('organization-sdf', 'SDF', ['SDF'], 4, 'SDF')], quotes: [] }) },
      {
        save: split,
        parsed: parsedArticle(split, {
          quotes: [],
          entities: [org('organization-sdf', 'SDF', ['SDF'], 44, 'SDF'),
            org('organization-syrian-democratic-forces', 'Syrian Democratic Forces', ['Syrian Democratic Forces', 'SDF'], 4, 'Syrian Democratic Forces')]
        })
      }
    ])
  })

  t.test('one article: every mention of a referent one entity, places with their identifiers', async (t) => {
    const { pool } = await bothWays(t, saves(ONE_ARTICLE, SDF_SPELLED, SERGEY))
    const { rows } = await pool.query(`SELECT id, iso3166, geonames_id FROM entities WHERE type = 'location' ORDER BY id`)
    t.match(rows, [{ id: 'location-moscow', geonames_id: 524901 }, { id: 'location-russia', iso3166: 'RU' }, { id: 'location-united-states', iso3166: 'US' }])
  })

  t.test('one person named two ways in three articles is one entity', async (t) => {
    const { pool } = await bothWays(t, saves(SERGEY, SURNAME_IN_MOSCOW, TITLED_SURNAME))
    const { rows } = await pool.query(`SELECT id, article_count, quote_count FROM entities WHERE type = 'person'`)
    t.same(rows, [{ id: 'person-sergey-lavrov', article_count: 3, quote_count: 3 }])
  })

  t.test('a full name after its surname alone takes that entity over, and the old id redirects', async (t) => {
    const { pool } = await bothWays(t, saves(SURNAME_ALONE, SERGEY))
    t.same((await pool.query('SELECT from_id, to_id FROM entity_redirects')).rows, [{ from_id: 'person-lavrov', to_id: 'person-sergey-lavrov' }])
  })

  t.test('a surname without its particle finds the full name, in either order', async (t) => {
    await bothWays(t, saves(SHARAA_FULL, SHARAA_BARE))
    await bothWays(t, saves(SHARAA_BARE, SHARAA_FULL))
  })

  t.test('a surname two stored people share: the one whose company fits, else its own entity', async (t) => {
    const { pool } = await bothWays(t, saves(SERGEY, ANNA, SURNAME_IN_MOSCOW, SURNAME_ALONE, TITLED_SURNAME))
    const { rows } = await pool.query(`SELECT id, article_count FROM entities WHERE type = 'person' ORDER BY id`)
    t.same(rows, [{ id: 'person-anna-lavrov', article_count: 1 }, { id: 'person-lavrov', article_count: 1 }, { id: 'person-sergey-lavrov', article_count: 3 }])
  })

  t.test('an acronym joins the organisation spelled out, before or after it', async (t) => {
    await bothWays(t, saves(SDF_SPELLED, SDF_ALONE, SERGEY))
    await bothWays(t, saves(SDF_ALONE, SDF_SPELLED))
  })

  t.test('deleting and re-parsing keep every counter right; entities left without mentions go', async (t) => {
    const all = [SERGEY, SURNAME_IN_MOSCOW, ANNA, SURNAME_ALONE, TITLED_SURNAME, SDF_SPELLED, SDF_ALONE]
    await bothWays(t, [...saves(...all), { reparse: all, version: 'v2' }, { delete: ANNA }, { delete: SURNAME_ALONE },
      { delete: SERGEY }, { delete: SURNAME_IN_MOSCOW }])
  })

  t.test('an id merged into another lives again when stored again; redirects go with their entities', async (t) => {
    const { pool } = await bothWays(t, [...saves(SURNAME_ALONE, SERGEY, ANNA), { delete: SURNAME_ALONE }, ...saves(SURNAME_ALONE)])
    t.same((await pool.query(`SELECT id FROM entities WHERE id = 'person-lavrov'`)).rows, [{ id: 'person-lavrov' }])
    t.same((await pool.query('SELECT * FROM entity_redirects')).rows, [])
    await bothWays(t, [...saves(SURNAME_ALONE, SERGEY, ANNA), { delete: SERGEY }, { delete: ANNA }, { delete: SURNAME_ALONE }])
  })

  t.test('create stores a new text once, parses only what is new, and never rewrites a stored one', async (t) => {
    const pool = await migratedPool(t)
    const pg = writerOn(pool)
    const text = quotedText(5)
    let parses = 0
    const parse = () => { parses++; return parsedArticle(text) }
    t.same(await pg.create(text, { publisher: 'First' }, parse, 'v1'), { id: articleIdOf(text), outcome: 'created' })
    t.same(await pg.create(text, { publisher: 'Second' }, parse, 'v2'), { id: articleIdOf(text), outcome: 'existing' })
    t.equal(parses, 1)
    t.same((await pool.query('SELECT publisher, extractor_version FROM articles')).rows, [{ publisher: 'First', extractor_version: 'v1' }])
    await t.rejects(pg.create('Broken.', {}, () => { throw new Error('pipeline bug') }), /pipeline bug/)
    t.equal((await pool.query('SELECT count(*) AS n FROM articles')).rows[0].n, 1, 'a failed create rolls back whole')
  })

  t.test('a re-parse keeps id, metadata and creation time, drops entities no longer found, skips a missing article', async (t) => {
    const pool = await migratedPool(t)
    const pg = writerOn(pool)
    const text = quotedText(6)
    const { id } = await pg.save(text, { publisher: 'Wire' }, parsedArticle(text), 'v1', new Date('2026-01-01T00:00:00Z'))
    t.equal(await pg.reparse([{ id, parsed: parsedArticle(text, { entities: [], quotes: [] }) }, { id: 'missing', parsed: parsedArticle(text) }], 'v2'), 1)
    t.same((await pool.query('SELECT publisher, extractor_version, created_at, quote_count, entity_count FROM articles')).rows,
      [{ publisher: 'Wire', extractor_version: 'v2', created_at: '2026-01-01T00:00:00.000Z', quote_count: 0, entity_count: 0 }])
    t.equal((await pool.query('SELECT count(*) AS n FROM entities')).rows[0].n, 0)
  })

  t.test('idempotency keys: remembered per client, found while live, expired after a day', async (t) => {
    const pool = await migratedPool(t)
    const keys = new PgIdempotencyKeys()
    const now = new Date('2026-05-01T00:00:00Z')
    t.equal(await keys.find(pool, 'client', 'key-1', now), null)
    await keys.remember(pool, 'client', 'key-1', { fingerprint: 'f1', articleId: 'a1', status: 201 }, now)
    t.same(await keys.find(pool, 'client', 'key-1', now), { fingerprint: 'f1', articleId: 'a1', status: 201 })
    t.equal(await keys.find(pool, 'other-client', 'key-1', now), null)
    t.equal(await keys.find(pool, 'client', 'key-1', new Date('2026-05-03T00:00:00Z')), null, 'expired')
    const later = new Date('2026-05-03T00:00:00Z')
    await keys.remember(pool, 'client', 'key-2', { fingerprint: 'f2', articleId: 'a2', status: 200 }, later)
    t.same((await pool.query('SELECT key FROM idempotency_keys')).rows, [{ key: 'key-2' }], 'expired keys are forgotten')
    await keys.remember(pool, 'client', 'key-2', { fingerprint: 'f3', articleId: 'a3', status: 201 }, later)
    t.same(await keys.find(pool, 'client', 'key-2', later), { fingerprint: 'f3', articleId: 'a3', status: 201 })
  })
})
