// Cross-article entity resolution: the port of src/store/sqlite/entity-resolver.ts (whose header
// says what is matched and why), run by the article writer inside its write transaction. The rules
// are the same; the reads are batched (one query for all of an article's names, one for its lone
// surnames), and the rare absorptions run statement by statement, as SQLite's do.
//
// Concurrency: the writer holds advisory locks on every key an article's names are looked up by
// (locks.ts) before it resolves, so a concurrent writer about the same referent waits for this one's
// commit. An absorption also locks the absorbed entity's own keys (and re-reads its candidates
// then), since another writer may have found that entity by a key this article does not use.
import { gazetteerKey } from '../../extract/index.js'
import type { ExtractedEntity } from '../../domain/extraction.js'
import type { EntityType } from '../../domain/values.js'
import type { Queryable } from './connection.js'
import { ADVISORY_LOCKS, type Locker } from './entity-locks.js'

interface Candidate { id: string, name: string, type: EntityType }

const words = (name: string): string[] => name.split(/\s+/u).filter(Boolean)
export const isFullName = (e: { type: EntityType, name: string }): boolean => e.type === 'person' && words(e.name).length > 1

/** The key a person is found by from a lone surname: the last word of the full name. */
export const surnameKey = (name: string): string => gazetteerKey(words(name).at(-1) ?? '')

// "al-Sharaa" is often "Sharaa" alone on second mention
const NAME_PARTICLE = /^(?:al|el|ad|as|ash|bin|ibn|abu)[-‐‑]/u

/** Every key a lone surname may use for this full name: "al-sharaa" and "sharaa". */
export function surnameKeys (name: string): string[] {
  const key = surnameKey(name)
  const bare = key.replace(NAME_PARTICLE, '')
  return bare && bare !== key ? [key, bare] : [key]
}

/** Every look-up key an entity is stored under or found by: its names' keys and, for a full name, its surnames. */
export function keysOf (e: { type: EntityType, name: string, aliases: string[] }): string[] {
  const keys = new Set([e.name, ...e.aliases].map(gazetteerKey))
  if (isFullName(e)) for (const key of surnameKeys(e.name)) keys.add(key)
  return [...keys]
}

/** A title's head word ("Foreign Minister" → "minister"): titles that share it can be one person's. */
const titleHead = (title: string): string => words(title.toLowerCase()).at(-1) ?? ''

/** Titles contradict when both sides have some and no head word is shared ("President" vs "Coach"). */
function titlesAgree (titles: string[], stored: string[]): boolean {
  if (titles.length === 0) return true
  const heads = stored.map(titleHead)
  return heads.length === 0 || titles.some((t) => heads.includes(titleHead(t)))
}

const NAMED = `SELECT u.n, EXISTS (SELECT 1 FROM entities WHERE id = u.id) AS stored,
    ARRAY(SELECT e.id FROM entity_keys k JOIN entities e ON e.id = k.entity_id
      WHERE k.key = u.key AND k.kind = 'alias' AND e.type = u.type ORDER BY e.id LIMIT 2) AS found
  FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS u(id, key, type, n)`

// the people a lone surname may stand for (by surname key or alias), with their titles
const SURNAMED = `SELECT DISTINCT u.key, e.id, e.name, e.type, ARRAY(SELECT title FROM entity_titles t WHERE t.entity_id = e.id) AS titles
  FROM unnest($1::text[]) AS u(key)
  JOIN entity_keys k ON k.key = u.key AND k.kind IN ('surname', 'alias')
  JOIN entities e ON e.id = k.entity_id AND e.type = 'person'`

// How many of $2 share an article with $1. Each pair walks the articles of the side stored in fewer
// (CASE evaluates the one branch), so a famous candidate's hundreds of articles are not read.
const COOCCURRING = `SELECT count(*) AS n FROM unnest($2::text[]) AS o(id)
  CROSS JOIN LATERAL (SELECT coalesce((SELECT article_count FROM entities WHERE id = o.id), 0)
    < coalesce((SELECT article_count FROM entities WHERE id = $1), 0) AS walk_other) s
  WHERE CASE WHEN s.walk_other
    THEN EXISTS (SELECT 1 FROM article_entities a WHERE a.entity_id = o.id
      AND EXISTS (SELECT 1 FROM article_entities b WHERE b.article_id = a.article_id AND b.entity_id = $1))
    ELSE EXISTS (SELECT 1 FROM article_entities a WHERE a.entity_id = $1
      AND EXISTS (SELECT 1 FROM article_entities b WHERE b.article_id = a.article_id AND b.entity_id = o.id)) END`

const BY_ALIAS = `SELECT e.id, e.name, e.type FROM entity_keys k JOIN entities e ON e.id = k.entity_id
  WHERE k.key = $1 AND k.kind = 'alias' AND e.type = $2 ORDER BY e.id`
const BY_SURNAME = `SELECT e.id, e.name, e.type FROM entity_keys k JOIN entities e ON e.id = k.entity_id
  WHERE k.key = $1 AND k.kind = 'surname' AND e.type = 'person' ORDER BY e.id`
// a stored person named by one word only, found by that word as an alias
const SURNAME_ONLY = `SELECT e.id FROM entity_keys k JOIN entities e ON e.id = k.entity_id
  WHERE k.key = $1 AND k.kind = 'alias' AND e.type = 'person' AND position(' ' in btrim(e.name, ' ')) = 0 ORDER BY e.id`
const TITLES = 'SELECT title FROM entity_titles WHERE entity_id = $1'

// Moves everything of one entity ($1) onto another ($2), then recounts the other from the rows
// themselves, in this order. SQLite's OR IGNORE (skip a row the target already has: the same
// article) is NOT EXISTS or ON CONFLICT DO NOTHING here. Each statement's parameters are
// (from, into), (from) or (into): PostgreSQL refuses a parameter the statement never uses.
const ABSORB: [sql: string, uses: 'both' | 'from' | 'into'][] = [
  ['INSERT INTO entity_aliases (entity_id, alias) SELECT $2, alias FROM entity_aliases WHERE entity_id = $1 ON CONFLICT DO NOTHING', 'both'],
  ['INSERT INTO entity_titles (entity_id, title) SELECT $2, title FROM entity_titles WHERE entity_id = $1 ON CONFLICT DO NOTHING', 'both'],
  ['INSERT INTO entity_keys (key, kind, entity_id) SELECT key, kind, $2 FROM entity_keys WHERE entity_id = $1 ON CONFLICT DO NOTHING', 'both'],
  [`UPDATE mentions m SET entity_id = $2 WHERE m.entity_id = $1 AND NOT EXISTS (SELECT 1 FROM mentions t
    WHERE t.article_id = m.article_id AND t.start = m.start AND t."end" = m."end" AND t.entity_id = $2)`, 'both'],
  ['DELETE FROM mentions WHERE entity_id = $1', 'from'],
  [`UPDATE article_entities x SET entity_id = $2 WHERE x.entity_id = $1
    AND NOT EXISTS (SELECT 1 FROM article_entities t WHERE t.article_id = x.article_id AND t.entity_id = $2)`, 'both'],
  // articles that named both: the source's place goes, and the article counts one entity less
  ['UPDATE articles SET entity_count = entity_count - 1 WHERE id IN (SELECT article_id FROM article_entities WHERE entity_id = $1)', 'from'],
  ['DELETE FROM article_entities WHERE entity_id = $1', 'from'],
  // their statements are matched again under the new speaker (statements/sync.ts)
  ['UPDATE quotes SET statement_stale = true WHERE speaker_id = $1', 'from'],
  ['UPDATE quotes SET speaker_id = $2 WHERE speaker_id = $1', 'both'],
  // the old id keeps answering: a redirect to the new one, and earlier redirects follow it
  ['UPDATE entity_redirects SET to_id = $2 WHERE to_id = $1', 'both'],
  ['INSERT INTO entity_redirects (from_id, to_id) VALUES ($1, $2) ON CONFLICT (from_id) DO UPDATE SET to_id = excluded.to_id', 'both'],
  [`UPDATE entities SET
    article_count = (SELECT count(*) FROM article_entities WHERE entity_id = $1),
    mention_count = (SELECT count(*) FROM mentions WHERE entity_id = $1),
    quote_count = (SELECT count(*) FROM quotes WHERE speaker_id = $1)
  WHERE id = $1`, 'into'],
  ['DELETE FROM entities WHERE id = $1', 'from']
]

interface SurnameCandidate extends Candidate { key: string, titles: string[] }

// Of each (entity, key) an absorption would look up: whether any stored entity other than that one
// holds the key as an alias, of the type (a lone person, for a surname, when the full name is new).
const MAY_ABSORB = `SELECT DISTINCT u.n FROM unnest($1::int4[], $2::text[], $3::text[], $4::text[], $5::boolean[]) AS u(n, key, type, id, lone)
  WHERE (NOT u.lone OR NOT EXISTS (SELECT 1 FROM entities WHERE id = u.id))
    AND EXISTS (SELECT 1 FROM entity_keys k JOIN entities e ON e.id = k.entity_id
      WHERE k.key = u.key AND k.kind = 'alias' AND e.type = u.type AND e.id <> u.id
        AND (NOT u.lone OR position(' ' in btrim(e.name, ' ')) = 0))`

interface Probe { n: number, key: string, type: EntityType, id: string, lone: boolean }

/** The look-ups absorbShortForms and absorbSurname would make for the entity at `n`. */
function probesOf (e: ExtractedEntity, n: number): Probe[] {
  if (isFullName(e)) return surnameKeys(e.name).map((key) => ({ n, key, type: 'person', id: e.id, lone: true }))
  if (e.type === 'person') return []
  const own = gazetteerKey(e.name)
  return [...new Set(e.aliases.map(gazetteerKey))].filter((key) => key !== own)
    .map((key) => ({ n, key, type: e.type, id: e.id, lone: false }))
}

/** Whether an entity earlier in the same batch would hold the probe's key once written (its keys are not stored yet). */
const heldEarlier = (probe: Probe, earlier: ExtractedEntity[]): boolean => earlier.some((o) => o.id !== probe.id &&
  o.type === probe.type && [o.name, ...o.aliases].some((alias) => gazetteerKey(alias) === probe.key))

export class PgEntityResolver {
  readonly #locks: Locker

  constructor (locks: Locker = ADVISORY_LOCKS) {
    this.#locks = locks
  }

  /**
   * The index of the first of `entities` (about to be written in this order, after what is stored)
   * that may absorb another, or -1. The writer writes the entities before it in one batch, and that
   * one's absorptions on their own, so they see exactly the rows SQLite's one-by-one writer would.
   * It may say yes where the absorption then finds nothing to do (it ignores titles and rivals),
   * never no where one would.
   */
  async firstMayAbsorb (db: Queryable, entities: ExtractedEntity[]): Promise<number> {
    const probes = entities.flatMap(probesOf)
    if (probes.length === 0) return -1
    const { rows } = await db.query<{ n: number }>(MAY_ABSORB, [probes.map((p) => p.n), probes.map((p) => p.key),
      probes.map((p) => p.type), probes.map((p) => p.id), probes.map((p) => p.lone)])
    const stored = new Set(rows.map((row) => row.n))
    const first = probes.find((p) => stored.has(p.n) || heldEarlier(p, entities.slice(0, p.n)))
    return first?.n ?? -1
  }

  /**
   * The stored id each of an article's entities stands for (extracted id → stored id; unchanged when
   * no stored entity matches). Names that identify themselves go first, so that a lone surname is
   * weighed against the article's other, already resolved, entities.
   */
  async resolve (db: Queryable, entities: ExtractedEntity[]): Promise<Map<string, string>> {
    const ids = new Map<string, string>()
    const surnames = entities.filter((e) => e.type === 'person' && !isFullName(e))
    const named = entities.filter((e) => !surnames.includes(e))
    const resolvedNamed = await this.#resolveNamed(db, named)
    named.forEach((e, i) => ids.set(e.id, resolvedNamed[i] ?? e.id))
    const candidates = await this.#surnameCandidates(db, surnames.map((e) => gazetteerKey(e.name)))
    for (const e of surnames) {
      const others = entities.filter((o) => o !== e).map((o) => ids.get(o.id) ?? o.id)
      ids.set(e.id, await this.#resolveSurname(db, e, candidates.get(gazetteerKey(e.name)) ?? [], others))
    }
    return ids
  }

  async #resolveNamed (db: Queryable, named: ExtractedEntity[]): Promise<string[]> {
    if (named.length === 0) return []
    const { rows } = await db.query<{ n: number, stored: boolean, found: string[] }>(NAMED,
      [named.map((e) => e.id), named.map((e) => gazetteerKey(e.name)), named.map((e) => e.type)])
    const byOrdinal = new Map(rows.map((row) => [Number(row.n), row]))
    return named.map((e, i) => {
      const row = byOrdinal.get(i + 1)
      if (!row || row.stored) return e.id
      return row.found.length === 1 && row.found[0] ? row.found[0] : e.id
    })
  }

  async #surnameCandidates (db: Queryable, keys: string[]): Promise<Map<string, SurnameCandidate[]>> {
    const byKey = new Map<string, SurnameCandidate[]>()
    if (keys.length === 0) return byKey
    const { rows } = await db.query<SurnameCandidate>(SURNAMED, [[...new Set(keys)]])
    for (const row of rows) {
      if (!isFullName(row)) continue
      byKey.set(row.key, [...(byKey.get(row.key) ?? []), row])
    }
    return byKey
  }

  async #resolveSurname (db: Queryable, e: ExtractedEntity, candidates: SurnameCandidate[], others: string[]): Promise<string> {
    const fitting = candidates.filter((c) => titlesAgree(e.titles, c.titles))
    if (fitting.length === 1 && fitting[0]) return fitting[0].id
    if (fitting.length === 0) return e.id
    // several people share the surname: the one this article's titles and company point to, if any
    const scored: { id: string, score: number }[] = []
    for (const c of fitting) scored.push({ id: c.id, score: await this.#fit(db, e, c, others) })
    scored.sort((a, b) => b.score - a.score)
    const [best, second] = scored
    return best && best.score > 0 && best.score > (second?.score ?? 0) ? best.id : e.id
  }

  /** A shared title counts most; then each entity of this article the candidate was seen with. */
  async #fit (db: Queryable, e: ExtractedEntity, c: SurnameCandidate, others: string[]): Promise<number> {
    const stored = new Set(c.titles.map((t) => t.toLowerCase()))
    const sameTitle = e.titles.some((t) => stored.has(t.toLowerCase())) ? 2 : 0
    const { rows } = await db.query<{ n: number }>(COOCCURRING, [c.id, [...new Set(others)]])
    return sameTitle + (rows[0]?.n ?? 0)
  }

  /**
   * A name stored with a short form among its aliases ("Syrian Democratic Forces" with "SDF"): an
   * entity of its type stored under that short form alone becomes this one, when no other entity of
   * the type has that alias. People are left to absorbSurname, which weighs their titles.
   */
  async absorbShortForms (db: Queryable, id: string, type: EntityType, name: string, aliases: string[]): Promise<void> {
    if (type === 'person') return
    const own = gazetteerKey(name)
    for (const key of new Set(aliases.map(gazetteerKey))) {
      if (key === own) continue
      const from = await this.#shortFormHolder(db, id, type, key)
      if (from === null) continue
      // lock what the absorbed entity is found by, then decide again on what is committed now
      await this.#locks.entities(db, [from])
      if (await this.#shortFormHolder(db, id, type, key) === from) await this.#absorb(db, from, id)
    }
  }

  async #shortFormHolder (db: Queryable, id: string, type: EntityType, key: string): Promise<string | null> {
    const holders = (await db.query<Candidate>(BY_ALIAS, [key, type])).rows.filter((c) => c.id !== id)
    const named = holders.filter((c) => gazetteerKey(c.name) === key)
    return named.length === 1 && holders.length === 1 && named[0] ? named[0].id : null
  }

  /**
   * A full name just stored: the person stored by that surname alone becomes this one, when no
   * other stored person has the surname (then the surname-only entity stays as it is).
   */
  async absorbSurname (db: Queryable, id: string, type: EntityType, name: string, titles: string[]): Promise<void> {
    if (!isFullName({ type, name })) return
    for (const surname of surnameKeys(name)) {
      const sources = await this.#surnameSources(db, id, surname, titles)
      if (sources.length === 0) continue
      await this.#locks.entities(db, sources)
      for (const from of await this.#surnameSources(db, id, surname, titles)) await this.#absorb(db, from, id)
    }
  }

  async #surnameSources (db: Queryable, id: string, surname: string, titles: string[]): Promise<string[]> {
    const sharing = (await db.query<Candidate>(BY_SURNAME, [surname])).rows.filter((c) => c.id !== id)
    if (sharing.length > 0) return []
    const sources: string[] = []
    for (const { id: from } of (await db.query<{ id: string }>(SURNAME_ONLY, [surname])).rows) {
      if (from === id) continue
      const stored = (await db.query<{ title: string }>(TITLES, [from])).rows.map((row) => row.title)
      if (titlesAgree(titles, stored)) sources.push(from)
    }
    return sources
  }

  async #absorb (db: Queryable, from: string, into: string): Promise<void> {
    for (const [sql, uses] of ABSORB) {
      await db.query(sql, uses === 'both' ? [from, into] : uses === 'from' ? [from] : [into])
    }
  }
}
