import { InvalidQuery } from '../../domain/errors.js'
import type { Db } from './connection.js'

// The query language is FTS5's own: words (all must match), "exact phrases", prefix*, AND / OR / NOT
// (upper case) and parentheses. One kindness on top: a word FTS5 would reject because it holds
// punctuation ("al-Assad", "U.S.", "9/11") is searched as the phrase of its parts, as a reader means it.
const TOKENS = /\s+|"(?:[^"]|"")*"?|[()]|[^\s()"]+/gy
const BAREWORD = /^[\p{L}\p{N}_]+\*?$/u
const OPERATORS = new Set(['AND', 'OR', 'NOT', 'NEAR'])

/** Rewrites a client's `q` into an FTS5 query: barewords with punctuation become phrases. */
export function toFtsQuery (q: string): string {
  let out = ''
  TOKENS.lastIndex = 0
  for (let match = TOKENS.exec(q); match; match = TOKENS.exec(q)) {
    const token = match[0]
    if (/^\s/.test(token)) out += ' '
    else if (token.startsWith('"') || token === '(' || token === ')' || OPERATORS.has(token) || BAREWORD.test(token)) out += token
    else {
      const prefix = token.endsWith('*')
      const words = (prefix ? token.slice(0, -1) : token).match(/[\p{L}\p{N}_]+/gu)
      // nothing searchable (a lone "-" or "&"): dropped, as a search engine drops stop characters
      if (words) out += `"${words.join(' ')}"${prefix ? '*' : ''}`
    }
  }
  return out.trim()
}

/**
 * Checks a search against an FTS5 table before it is used: FTS5 parses a query only when it runs,
 * and its syntax errors must answer 400 naming `q`, never 500.
 */
export class FtsValidator {
  readonly #check: Map<string, ReturnType<Db['prepare']>>

  constructor (db: Db, tables: readonly string[]) {
    this.#check = new Map(tables.map((table) => [table, db.prepare(`SELECT 1 FROM ${table} WHERE ${table} MATCH ? LIMIT 1`)]))
  }

  /** The FTS5 query for `q`, or a 400 problem saying why it cannot be searched. */
  parse (table: string, q: string): string {
    const query = toFtsQuery(q)
    if (query === '') throw new InvalidQuery('q', 'holds no word to search for')
    try {
      this.#check.get(table)?.get(query)
    } catch (error) {
      const message = error instanceof Error ? error.message.replace(/^fts5: /, '') : 'cannot be parsed'
      throw new InvalidQuery('q', `is not a valid search (${message}): quote phrases with "…", write operators ` +
        'AND, OR, NOT in upper case between terms, and close every parenthesis')
    }
    return query
  }
}
