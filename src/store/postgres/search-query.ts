import { InvalidQuery } from '../../domain/errors.js'

// The search language is the one SQLite's FTS5 reads (src/store/sqlite/fts-query.ts): words (all
// must match), "exact phrases", prefix*, AND / OR / NOT in upper case, and parentheses; NOT binds
// tighter than AND (or words side by side), AND tighter than OR. Here it is compiled to the text
// to_tsquery('news_english', $1) reads.
//
// Every word goes to to_tsquery quoted ('budget'), so PostgreSQL parses and normalises it as it did
// the document's words (lower case, accents folded, stemmed, stop words dropped): the query and the
// index cannot disagree on what a word is. A word with punctuation ("al-Assad", "U.S.", "9/11") is
// searched as the phrase of its parts, as in SQLite, or as PostgreSQL's parser reads it whole: it
// keeps "9/11" and "U.S." as one token of the document, which the phrase of parts would miss.

const TOKENS = /\s+|"(?:[^"]|"")*"?|[()]|[^\s()"]+/gy
const BAREWORD = /^[\p{L}\p{N}_]+\*?$/u
const WORD_CHARS = /[\p{L}\p{N}_]+/gu
const OPERATORS = new Set(['AND', 'OR', 'NOT'])
// a phrase with its closing quote ("" inside is a quote: TOKENS reads `"a""` on, to the end, as one)
const CLOSED_PHRASE = /^"(?:[^"]|"")*"$/

/** Words in a row (one, or a phrase); a word with punctuation keeps how it was written as `whole`. */
interface Word { parts: string[], whole?: string }
interface Term { kind: 'term', words: Word[], prefix: boolean }
interface Binary { kind: 'and' | 'or' | 'not', left: Node, right: Node }
type Node = Term | Binary
type Token = Term | { kind: 'AND' | 'OR' | 'NOT' | '(' | ')', text: string }

const HINT = 'quote phrases with "…", write operators AND, OR, NOT in upper case between terms, and close every parenthesis'
const invalid = (why: string) => new InvalidQuery('q', `is not a valid search (${why}): ${HINT}`)

/** The words of a bareword or of a phrase's text: each chunk between spaces, with its parts. */
function words (text: string): Word[] {
  return text.split(/\s+/u).flatMap((chunk): Word[] => {
    const parts = chunk.match(WORD_CHARS)
    if (!parts) return [] // nothing searchable (a lone "-" or "&"): dropped, as a search engine drops stop characters
    return BAREWORD.test(chunk) ? [{ parts }] : [{ parts, whole: chunk }]
  })
}

function tokenize (q: string): Token[] {
  const tokens: Token[] = []
  TOKENS.lastIndex = 0
  for (let match = TOKENS.exec(q); match; match = TOKENS.exec(q)) {
    const text = match[0]
    if (/^\s/.test(text)) continue
    if (text === '(' || text === ')') tokens.push({ kind: text, text })
    else if (OPERATORS.has(text)) tokens.push({ kind: text as 'AND' | 'OR' | 'NOT', text })
    else if (text.startsWith('"')) {
      if (!CLOSED_PHRASE.test(text)) throw invalid('unterminated string')
      // "phrase"* (the star right after the quote) makes its last word a prefix, as in FTS5
      const prefix = q[TOKENS.lastIndex] === '*'
      if (prefix) TOKENS.lastIndex++
      const phrase = words(text.slice(1, -1).replaceAll('""', '"'))
      if (phrase.length > 0) tokens.push({ kind: 'term', words: phrase, prefix })
    } else {
      const prefix = text.endsWith('*')
      const found = words(prefix ? text.slice(0, -1) : text)
      if (found.length > 0) tokens.push({ kind: 'term', words: found, prefix })
    }
  }
  return tokens
}

/** A recursive descent over the tokens: or := and (OR and)*, and := not (AND? not)*, not := primary (NOT primary)*. */
class Parser {
  readonly #tokens: Token[]
  #at = 0

  constructor (tokens: Token[]) {
    this.#tokens = tokens
  }

  parse (): Node {
    const node = this.#or()
    const left = this.#tokens[this.#at]
    if (left) throw invalid(left.kind === ')' ? 'a parenthesis closed that was never opened' : `syntax error near "${textOf(left)}"`)
    return node
  }

  #peek (): Token | undefined {
    return this.#tokens[this.#at]
  }

  #or (): Node {
    let node = this.#and()
    while (this.#peek()?.kind === 'OR') {
      this.#at++
      node = { kind: 'or', left: node, right: this.#and() }
    }
    return node
  }

  #and (): Node {
    let node = this.#not()
    for (let next = this.#peek(); next; next = this.#peek()) {
      if (next.kind === 'AND') this.#at++
      else if (next.kind !== 'term' && next.kind !== '(') break
      node = { kind: 'and', left: node, right: this.#not() }
    }
    return node
  }

  #not (): Node {
    let node = this.#primary()
    while (this.#peek()?.kind === 'NOT') {
      this.#at++
      node = { kind: 'not', left: node, right: this.#primary() }
    }
    return node
  }

  #primary (): Node {
    const token = this.#tokens[this.#at++]
    if (token === undefined) throw invalid('the search ends where a term should follow')
    if (token.kind === 'term') return token
    if (token.kind !== '(') throw invalid(`syntax error near "${textOf(token)}"`)
    const inner = this.#or()
    if (this.#tokens[this.#at++]?.kind !== ')') throw invalid('a parenthesis is never closed')
    return inner
  }
}

const textOf = (token: Token): string => token.kind === 'term' ? token.words.map((w) => w.whole ?? w.parts.join('')).join(' ') : token.text

/** A lexeme for to_tsquery, quoted: PostgreSQL's parser and dictionaries read what is inside. */
function quoted (text: string, prefix: boolean): string {
  // control characters (NUL above all, which PostgreSQL text cannot hold) separate words anyway
  const clean = text.replace(/\p{Cc}/gu, ' ').replaceAll('\\', '\\\\').replaceAll("'", "''")
  return `'${clean}'${prefix ? ':*' : ''}`
}

const chain = (operands: string[]): string => operands.length === 1 ? operands[0] ?? '' : `(${operands.join(' <-> ')})`

/** One word: its parts in a row, or else the word whole, as PostgreSQL's parser reads it. */
function word ({ parts, whole }: Word, prefix: boolean): string {
  const inRow = chain(parts.map((part, i) => quoted(part, prefix && i === parts.length - 1)))
  return whole === undefined ? inRow : `(${inRow} | ${quoted(whole, prefix)})`
}

function emit (node: Node): string {
  switch (node.kind) {
    case 'term': return chain(node.words.map((w, i) => word(w, node.prefix && i === node.words.length - 1)))
    case 'and': return `(${emit(node.left)} & ${emit(node.right)})`
    case 'or': return `(${emit(node.left)} | ${emit(node.right)})`
    case 'not': return `(${emit(node.left)} & !${emit(node.right)})`
  }
}

/**
 * Compiles a client's `q` to a tsquery for to_tsquery('news_english', …), or throws InvalidQuery
 * naming `q` with the reason (as SQLite's FtsValidator does). A search of stop words alone ("the")
 * compiles, and PostgreSQL reduces it to an empty tsquery, which matches nothing.
 */
export function toTsQuery (q: string): string {
  const tokens = tokenize(q)
  if (!tokens.some((token) => token.kind === 'term')) throw new InvalidQuery('q', 'holds no word to search for')
  return emit(new Parser(tokens).parse())
}
