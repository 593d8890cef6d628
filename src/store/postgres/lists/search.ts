import { InvalidQuery } from '../../../domain/errors.js'
import type { Queryable } from '../connection.js'
import { toTsQuery } from '../search-query.js'
import { run } from './statements.js'

/** The tsquery of a compiled search bound at `placeholder`: the configuration the documents were indexed with. */
export const tsquery = (placeholder: string): string => `to_tsquery('news_english', ${placeholder})`

const NO_WORD = 'holds no word to search for'
const KNOWN_MAX = 1024

/**
 * Compiles a client's `q` and checks, once per distinct search, that PostgreSQL keeps a word of it.
 * A search of stop words alone ("the", "of the") compiles to a tsquery that PostgreSQL empties, and
 * an empty tsquery matches nothing; SQLite's FTS5 has no stop words, and answers such a search 400
 * only when it holds no word at all. Here the empty one is refused the same way, naming q, rather
 * than answering an empty list that looks like "nothing matched".
 */
export class Searches {
  // what PostgreSQL said of each search: the dictionaries are fixed, so the answer never changes
  readonly #known = new Map<string, boolean>()

  /** The tsquery text for `q`; a syntax error is an InvalidQuery on q, thrown now. */
  compile (q: string): string {
    const compiled = toTsQuery(q)
    if (this.#known.get(compiled) === false) throw new InvalidQuery('q', NO_WORD)
    return compiled
  }

  /** Throws InvalidQuery on q when PostgreSQL's stop words leave nothing of the compiled search. */
  async check (db: Queryable, compiled: string): Promise<void> {
    let words = this.#known.get(compiled)
    if (words === undefined) {
      const [row] = await run<{ words: boolean }>(db, `SELECT numnode(${tsquery('$1')}) > 0 AS words`, [compiled])
      words = row?.words ?? false
      if (this.#known.size >= KNOWN_MAX) this.#known.clear() // bounded; an odd stream of searches cannot grow it
      this.#known.set(compiled, words)
    }
    if (!words) throw new InvalidQuery('q', NO_WORD)
  }
}
