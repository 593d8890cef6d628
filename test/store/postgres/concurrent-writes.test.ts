// Four pools (as four API processes would) writing overlapping articles about the same people at
// once end with the entities that writing them one by one gives: never two for one referent, every
// counter equal to the rows it counts. Both ways of keeping writers apart are run and timed: read
// committed with advisory locks (the default), and serializable with retries and no locks; and
// read committed with neither, to show what the locks prevent. Timings are reported, never asserted.
import t, { type Test } from 'tap'
import type pg from 'pg'
import type { ExtractedEntity, ParsedArticle } from '../../../src/domain/extraction.js'
import type { ArticleWriterOptions } from '../../../src/store/postgres/article-writer.js'
import type { TransactionOptions } from '../../../src/store/postgres/transaction.js'
import { parsedArticle } from '../../helpers.js'
import { migrate } from '../../../src/store/postgres/migrate.js'
import { poolFor, SKIP_WITHOUT_POSTGRES, throwawayDatabase } from './database.js'
import { DUMPED_TABLES, migratedPool, pgDump, pgProblems, writerOn } from './writer-harness.js'

const NAMES = ['Sergey Lavrov', 'Anna Petrova', 'Ahmad Sharif', 'Maria Okafor', 'Jonas Lindqvist', 'Lena Novak']
/** Each round's people are new ones (their surnames suffixed), so that every round races to create them. */
const peopleOf = (round: number): string[] => NAMES.map((name) => `${name}${String.fromCharCode(97 + (round % 26))}${round >= 26 ? round : ''}`)
const TAKES = 2
const PROCESSES = 4
const ROUNDS = Number(process.env.WRITE_ROUNDS ?? 8)

interface Article { text: string, parsed: ParsedArticle }

const slug = (name: string) => name.toLowerCase().replace(/\s+/g, '-')

function entityAt (text: string, surface: string, id: string, name: string, type: ExtractedEntity['type'], aliases: string[]): ExtractedEntity {
  const start = text.indexOf(surface)
  return { id, name, type, aliases, titles: [], mentions: [{ text: surface, start, end: start + surface.length }] }
}

/** An article naming `surface` (a full name or its surname alone) as the speaker, and perhaps the United States. */
function article (round: number, take: number, surface: string, shared: boolean): Article {
  const place = shared ? ' in the United States' : ''
  const text = `Round ${round}, take ${take}: ${surface} said the talks${place} would go on.`
  const id = `person-${slug(surface)}`
  const speaker = entityAt(text, surface, id, surface, 'person', [surface])
  const entities = [speaker]
  if (shared) entities.push(entityAt(text, 'United States', 'location-united-states', 'United States', 'location', ['United States', 'US']))
  const said = text.indexOf('said')
  const quote = {
    text: text.slice(said + 5, -1), kind: 'indirect' as const, spans: [{ start: said + 5, end: text.length - 1 }],
    cue: { text: 'said', start: said, end: said + 4 }, source: speaker.mentions[0] ?? null, speakerId: id, paragraph: 0
  }
  return { text, parsed: parsedArticle(text, { entities, quotes: [quote] }) }
}

/** An organisation spelled out, or by its short form alone. */
function organisation (round: number, take: number, spelled: boolean): Article {
  const short = `SDF${String.fromCharCode(65 + (round % 26))}${round >= 26 ? round : ''}`
  const surface = spelled ? `Syrian Democratic Forces ${short}` : short
  const text = `Round ${round}, take ${take}: the ${surface} held the town.`
  const entity = spelled
    ? entityAt(text, surface, `organization-${slug(surface)}`, surface, 'organization', [surface, short])
    : entityAt(text, surface, `organization-${slug(short)}`, short, 'organization', [short])
  return { text, parsed: parsedArticle(text, { entities: [entity], quotes: [] }) }
}

/** A small deterministic generator, so every run shuffles alike. */
function shuffled<T> (items: T[], seed: number): T[] {
  const out = [...items]
  let state = seed
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31
    const j = state % (i + 1)
    ;[out[i], out[j]] = [out[j] as T, out[i] as T]
  }
  return out
}

function rounds (shared: boolean): Article[][] {
  const takes = Array.from({ length: TAKES }, (_, take) => take)
  return Array.from({ length: ROUNDS }, (_, r) => shuffled(takes.flatMap((take) => [
    ...peopleOf(r).flatMap((p) => [article(r, take, p, shared), article(r, take, p.split(' ')[1] ?? p, shared)]),
    organisation(r, take, true), organisation(r, take, false)
  ]), r + 1))
}

type Mode = ArticleWriterOptions & TransactionOptions

/** Each round's articles split among the processes, each writing its share in turn, all at once. */
async function concurrently (pools: pg.Pool[], all: Article[][], mode: Mode) {
  let retries = 0
  const writers = pools.map((pool) => writerOn(pool, { ...mode, onRetry: () => { retries++ } }))
  const started = performance.now()
  for (const round of all) {
    await Promise.all(writers.map(async (w, i) => {
      for (const a of round.filter((_, n) => n % PROCESSES === i)) await w.save(a.text, {}, a.parsed)
    }))
  }
  return { ms: performance.now() - started, retries }
}

async function oneByOne (pool: pg.Pool, all: Article[][]) {
  const w = writerOn(pool)
  const started = performance.now()
  for (const a of all.flat()) await w.save(a.text, {}, a.parsed)
  return performance.now() - started
}

// where the redirects point depends on which came first (a surname absorbed, or found): not compared
const COMPARED = DUMPED_TABLES.filter((table) => table !== 'entity_redirects')
const LONE_IDS = Array.from({ length: ROUNDS }, (_, r) => [...peopleOf(r).map((p) => `person-${slug(p.split(' ')[1] ?? p)}`),
  `organization-sdf${String.fromCharCode(97 + (r % 26))}${r >= 26 ? r : ''}`]).flat()

async function duplicates (pool: pg.Pool): Promise<string[]> {
  return (await pool.query<{ id: string }>('SELECT id FROM entities WHERE id = ANY($1) ORDER BY id', [LONE_IDS])).rows.map((r) => r.id)
}

async function poolsFor (t: Test, n: number): Promise<pg.Pool[]> {
  const url = await throwawayDatabase(t)
  const pools = Array.from({ length: n }, () => poolFor(t, url, 2))
  await migrate(pools[0] as pg.Pool)
  return pools
}

const rate = (n: number, ms: number) => `${Math.round(n / (ms / 1000))} articles/s`

for (const shared of [false, true]) {
  const workload = shared ? 'every article also names the United States' : 'people and an organisation only'
  t.test(`concurrent writers (${workload})`, { skip: SKIP_WITHOUT_POSTGRES }, async (t) => {
    const all = rounds(shared)
    const total = all.flat().length
    const baseline = await migratedPool(t)
    const sequentialMs = await oneByOne(baseline, all)
    const expected = await pgDump(baseline, COMPARED)
    t.same(await pgProblems(baseline), [])
    t.same(await duplicates(baseline), [], 'one by one, each referent is one entity')
    t.comment(`one writer: ${total} articles in ${Math.round(sequentialMs)} ms, ${rate(total, sequentialMs)}`)

    const modes: [string, Mode][] = [
      ['read committed + advisory locks', {}],
      ['serializable + retries, no locks', { advisoryLocks: false, isolation: 'serializable', retries: 50 }]
    ]
    for (const [name, mode] of modes) {
      const pools = await poolsFor(t, PROCESSES)
      const { ms, retries } = await concurrently(pools, all, mode)
      t.comment(`${PROCESSES} writers, ${name}: ${Math.round(ms)} ms, ${rate(total, ms)}, ${retries} retries`)
      const [first] = pools
      if (!first) throw new Error('no pool')
      t.same(await pgProblems(first), [], `${name}: counters agree with their rows`)
      t.same(await duplicates(first), [], `${name}: no second entity for one referent`)
      t.equal(await pgDump(first, COMPARED), expected, `${name}: the same rows as one by one`)
    }

    // the control: without locks or serializable isolation, the same workload goes wrong
    const pools = await poolsFor(t, PROCESSES)
    const failed = await concurrently(pools, all, { advisoryLocks: false, retries: 0 }).then(() => 'none', (error: Error) => error.message)
    const [first] = pools
    if (first) t.comment(`${PROCESSES} writers, read committed without locks: ${(await duplicates(first)).length} duplicate referents, ` +
      `${(await pgProblems(first)).length} counter problems, failure: ${failed}`)
  })
}
