// Cross-article entity resolution, run by the article writer inside its write transaction. The
// pipeline groups one article's mentions into entities whose ids come from their names alone; here
// each is matched against the entities already stored, so that the same referent keeps one id:
// "Lavrov" (or "Foreign Minister Lavrov") in article B joins the "Sergey Lavrov" of article A.
//
// - A surname alone joins the stored person whose full name ends with it. When several do, the one
//   whose titles and co-occurring entities fit this article wins; with no clear winner it stays
//   its own entity ("person-lavrov"), never a guess.
// - Any other name joins a stored entity of its type that has it as an alias ("SDF" after an article
//   said "Syrian Democratic Forces (SDF)"), when exactly one does.
// - A full name arriving after its surname was stored alone absorbs that surname-only entity, when
//   no other stored person has that surname; likewise a name stored with a short form among its
//   aliases absorbs the entity stored under that short form alone ("SDF"). The absorbed id is kept
//   in entity_redirects, so links to it answer a redirect rather than a 404.
import type { Statement } from 'better-sqlite3'
import { gazetteerKey } from '../../extract/index.js'
import type { ExtractedEntity } from '../../domain/extraction.js'
import type { Db } from './connection.js'
import type { EntityType } from '../../domain/values.js'

interface Candidate { id: string, name: string, type: EntityType }

const words = (name: string): string[] => name.split(/\s+/u).filter(Boolean)
const isFullName = (e: { type: EntityType, name: string }): boolean => e.type === 'person' && words(e.name).length > 1

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

/** A title's head word ("Foreign Minister" → "minister"): titles that share it can be one person's. */
const titleHead = (title: string): string => words(title.toLowerCase()).at(-1) ?? ''

export class EntityResolver {
  readonly #exists: Statement<[string], { id: string }>
  readonly #byAlias: Statement<[string, string], Candidate>
  readonly #bySurname: Statement<[string], Candidate>
  readonly #titles: Statement<[string], { title: string }>
  readonly #articleCount: Statement<[string], number>
  readonly #together: Statement<{ walk: string, probe: string }, number>
  readonly #insertKey: Statement<[string, string, string]>
  readonly #surnameOnly: Statement<[string], { id: string }>
  readonly #absorb: Statement<{ from: string, into: string }>[]

  constructor (db: Db) {
    this.#exists = db.prepare('SELECT id FROM entities WHERE id = ?')
    this.#byAlias = db.prepare(`SELECT e.id, e.name, e.type FROM entity_keys k JOIN entities e ON e.id = k.entity_id
      WHERE k.key = ? AND k.kind = 'alias' AND e.type = ? ORDER BY e.id`)
    this.#bySurname = db.prepare(`SELECT e.id, e.name, e.type FROM entity_keys k JOIN entities e ON e.id = k.entity_id
      WHERE k.key = ? AND k.kind = 'surname' AND e.type = 'person' ORDER BY e.id`)
    this.#titles = db.prepare('SELECT title FROM entity_titles WHERE entity_id = ?')
    this.#articleCount = db.prepare<[string], number>('SELECT article_count FROM entities WHERE id = ?').pluck()
    // whether two entities share an article: walks one's articles (stopping at the first shared),
    // looking each up for the other
    this.#together = db.prepare<{ walk: string, probe: string }, number>(`SELECT EXISTS (SELECT 1 FROM article_entities a
      WHERE a.entity_id = @walk AND EXISTS (SELECT 1 FROM article_entities b WHERE b.article_id = a.article_id AND b.entity_id = @probe))`).pluck()
    this.#insertKey = db.prepare('INSERT OR IGNORE INTO entity_keys (key, kind, entity_id) VALUES (?, ?, ?)')
    // a stored person named by one word only, found by that word as an alias
    this.#surnameOnly = db.prepare(`SELECT e.id FROM entity_keys k JOIN entities e ON e.id = k.entity_id
      WHERE k.key = ? AND k.kind = 'alias' AND e.type = 'person' AND instr(trim(e.name), ' ') = 0`)
    // Moves everything of one entity onto another, then recounts the other from the rows themselves.
    // Statements run in this order; "OR IGNORE" skips a row the target already has (the same article).
    this.#absorb = [
      'INSERT OR IGNORE INTO entity_aliases (entity_id, alias) SELECT @into, alias FROM entity_aliases WHERE entity_id = @from',
      'INSERT OR IGNORE INTO entity_titles (entity_id, title) SELECT @into, title FROM entity_titles WHERE entity_id = @from',
      'INSERT OR IGNORE INTO entity_keys (key, kind, entity_id) SELECT key, kind, @into FROM entity_keys WHERE entity_id = @from',
      'UPDATE OR IGNORE mentions SET entity_id = @into WHERE entity_id = @from',
      'DELETE FROM mentions WHERE entity_id = @from',
      'UPDATE OR IGNORE article_entities SET entity_id = @into WHERE entity_id = @from',
      // articles that named both: the source's place goes, and the article counts one entity less
      `UPDATE articles SET entity_count = entity_count - 1
        WHERE id IN (SELECT article_id FROM article_entities WHERE entity_id = @from)`,
      'DELETE FROM article_entities WHERE entity_id = @from',
      // their statements are matched again under the new speaker (statements/sync.ts)
      'UPDATE quotes SET statement_stale = 1 WHERE speaker_id = @from',
      'UPDATE quotes SET speaker_id = @into WHERE speaker_id = @from',
      // the old id keeps answering: a redirect to the new one, and earlier redirects follow it
      'UPDATE entity_redirects SET to_id = @into WHERE to_id = @from',
      'INSERT OR REPLACE INTO entity_redirects (from_id, to_id) VALUES (@from, @into)',
      `UPDATE entities SET
        article_count = (SELECT count(*) FROM article_entities WHERE entity_id = @into),
        mention_count = (SELECT count(*) FROM mentions WHERE entity_id = @into),
        quote_count = (SELECT count(*) FROM quotes WHERE speaker_id = @into)
      WHERE id = @into`,
      'DELETE FROM entities WHERE id = @from'
    ].map((sql) => db.prepare(sql))
  }

  /**
   * The stored id each of an article's entities stands for (extracted id → stored id; unchanged when
   * no stored entity matches). Names that identify themselves go first, so that a lone surname is
   * weighed against the article's other, already resolved, entities.
   */
  resolve (entities: ExtractedEntity[]): Map<string, string> {
    const ids = new Map<string, string>()
    const surnames = entities.filter((e) => e.type === 'person' && !isFullName(e))
    for (const e of entities) if (!surnames.includes(e)) ids.set(e.id, this.#resolveNamed(e))
    for (const e of surnames) {
      const others = entities.filter((o) => o !== e).map((o) => ids.get(o.id) ?? o.id)
      ids.set(e.id, this.#resolveSurname(e, others))
    }
    return ids
  }

  #resolveNamed (e: ExtractedEntity): string {
    if (this.#exists.get(e.id)) return e.id
    const found = this.#byAlias.all(gazetteerKey(e.name), e.type)
    return found.length === 1 && found[0] ? found[0].id : e.id
  }

  #resolveSurname (e: ExtractedEntity, others: string[]): string {
    const key = gazetteerKey(e.name)
    const candidates = new Map<string, Candidate>()
    for (const c of [...this.#bySurname.all(key), ...this.#byAlias.all(key, 'person')]) {
      if (isFullName(c)) candidates.set(c.id, c)
    }
    const fitting = [...candidates.values()].filter((c) => this.#titlesAgree(e.titles, c.id))
    if (fitting.length === 1 && fitting[0]) return fitting[0].id
    if (fitting.length === 0) return e.id
    // several people share the surname: the one this article's titles and company point to, if any
    const scored = fitting.map((c) => ({ id: c.id, score: this.#fit(e, c.id, others) })).sort((a, b) => b.score - a.score)
    const [best, second] = scored
    return best && best.score > 0 && best.score > (second?.score ?? 0) ? best.id : e.id
  }

  /** Titles contradict when both sides have some and no head word is shared ("President" vs "Coach"). */
  #titlesAgree (titles: string[], id: string): boolean {
    if (titles.length === 0) return true
    const stored = this.#titles.all(id).map((row) => titleHead(row.title))
    return stored.length === 0 || titles.some((t) => stored.includes(titleHead(t)))
  }

  /** A shared title counts most; then each entity of this article the candidate was seen with. */
  #fit (e: ExtractedEntity, id: string, others: string[]): number {
    const stored = new Set(this.#titles.all(id).map((row) => row.title.toLowerCase()))
    const sameTitle = e.titles.some((t) => stored.has(t.toLowerCase())) ? 2 : 0
    return sameTitle + this.#cooccurring(id, others)
  }

  /**
   * How many of `others` share an article with `id`. Each pair walks the articles of the side stored
   * in fewer, so a famous candidate's hundreds of articles are not read for every surname that
   * might be theirs; the counters only choose the side, the rows decide.
   */
  #cooccurring (id: string, others: string[]): number {
    const mine = this.#articleCount.get(id) ?? 0
    let n = 0
    for (const other of new Set(others)) {
      const walkOther = (this.#articleCount.get(other) ?? 0) < mine
      if (this.#together.get(walkOther ? { walk: other, probe: id } : { walk: id, probe: other })) n++
    }
    return n
  }

  /** Writes the look-up keys of an entity stored (or met again) with these names. */
  remember (id: string, type: EntityType, name: string, aliases: string[]): void {
    for (const alias of new Set([name, ...aliases])) this.#insertKey.run(gazetteerKey(alias), 'alias', id)
    if (isFullName({ type, name })) for (const key of surnameKeys(name)) this.#insertKey.run(key, 'surname', id)
  }

  /**
   * A name stored with a short form among its aliases ("Syrian Democratic Forces" with "SDF"): an
   * entity of its type stored under that short form alone, from an article that never spelled it
   * out, becomes this one, when no other entity of the type has that alias. People are left to
   * absorbSurname, which weighs their titles.
   */
  absorbShortForms (id: string, type: EntityType, name: string, aliases: string[]): void {
    if (type === 'person') return
    const own = gazetteerKey(name)
    for (const key of new Set(aliases.map(gazetteerKey))) {
      if (key === own) continue
      const holders = this.#byAlias.all(key, type).filter((c) => c.id !== id)
      const named = holders.filter((c) => gazetteerKey(c.name) === key)
      if (named.length !== 1 || holders.length !== 1 || !named[0]) continue
      for (const statement of this.#absorb) statement.run({ from: named[0].id, into: id })
    }
  }

  /**
   * A full name just stored: the person stored by that surname alone becomes this one, when no
   * other stored person has the surname (then the surname-only entity stays as it is).
   */
  absorbSurname (id: string, type: EntityType, name: string, titles: string[]): void {
    if (!isFullName({ type, name })) return
    for (const surname of surnameKeys(name)) {
      const sharing = this.#bySurname.all(surname).filter((c) => c.id !== id)
      if (sharing.length > 0) continue
      for (const { id: from } of this.#surnameOnly.all(surname)) {
        if (from === id || !this.#titlesAgree(titles, from)) continue
        for (const statement of this.#absorb) statement.run({ from, into: id })
      }
    }
  }
}
