import fc from 'fast-check'
import t from 'tap'
import { InvalidQuery } from '../../../src/domain/errors.js'
import { migrate } from '../../../src/store/postgres/migrate.js'
import { toTsQuery } from '../../../src/store/postgres/search-query.js'
import { poolFor, SKIP_WITHOUT_POSTGRES, throwawayDatabase } from './database.js'

const reasonOf = (q: string): string => {
  try {
    toTsQuery(q)
  } catch (error) {
    if (error instanceof InvalidQuery && error.parameter === 'q') return error.reason
    throw error
  }
  throw new Error(`${q} compiled`)
}

t.test('toTsQuery compiles words, phrases, prefixes and operators, every lexeme quoted', async (t) => {
  t.equal(toTsQuery('budget'), "'budget'")
  t.equal(toTsQuery('negotiat*'), "'negotiat':*")
  t.equal(toTsQuery('"military presence" AND (Syria OR Russia) NOT Iran'),
    "(('military' <-> 'presence') & (('Syria' | 'Russia') & !'Iran'))")
  t.equal(toTsQuery('"e mail"*'), "('e' <-> 'mail':*)", 'a star after a phrase makes its last word a prefix')
  t.equal(toTsQuery('Zelenskýy'), "'Zelenskýy'", 'letters beyond ASCII are word characters (unaccent folds them in PostgreSQL)')
  t.equal(toTsQuery('and or'), "('and' & 'or')", 'operators are upper case only: these are words')
  t.equal(toTsQuery('"a ""quoted"" word"'), "('a' <-> ('quoted' | '\"quoted\"') <-> 'word')", '"" is a quote inside a phrase')
})

t.test('NOT binds tighter than AND, AND than OR, as in FTS5', async (t) => {
  t.equal(toTsQuery('a b OR c'), "(('a' & 'b') | 'c')")
  t.equal(toTsQuery('a OR b AND c'), "('a' | ('b' & 'c'))")
  t.equal(toTsQuery('a b NOT c'), "('a' & ('b' & !'c'))")
  t.equal(toTsQuery('a NOT b NOT c'), "(('a' & !'b') & !'c')")
  t.equal(toTsQuery('(a OR b) c'), "(('a' | 'b') & 'c')")
})

t.test('a word with punctuation is the phrase of its parts, or the word as PostgreSQL reads it whole', async (t) => {
  t.equal(toTsQuery('al-Assad'), "(('al' <-> 'Assad') | 'al-Assad')")
  t.equal(toTsQuery('U.S.'), "(('U' <-> 'S') | 'U.S.')")
  t.equal(toTsQuery('9/11'), "(('9' <-> '11') | '9/11')")
  t.equal(toTsQuery('e-mail*'), "(('e' <-> 'mail':*) | 'e-mail':*)")
  t.equal(toTsQuery("O'Brien"), "(('O' <-> 'Brien') | 'O''Brien')", 'quotes are doubled inside a lexeme')
  t.equal(toTsQuery('a\\b'), "(('a' <-> 'b') | 'a\\\\b')", 'and backslashes escaped')
  t.equal(toTsQuery('budget - &'), "'budget'", 'nothing searchable is dropped')
  t.equal(toTsQuery('"met U.S. envoys"'), "('met' <-> (('U' <-> 'S') | 'U.S.') <-> 'envoys')", 'within a phrase too')
})

t.test('what cannot be searched is an InvalidQuery on q, saying why as SQLite does', async (t) => {
  t.equal(reasonOf(' - & '), 'holds no word to search for')
  t.equal(reasonOf('""'), 'holds no word to search for')
  const hint = 'quote phrases with "…", write operators AND, OR, NOT in upper case between terms, and close every parenthesis'
  t.equal(reasonOf('"military presence'), `is not a valid search (unterminated string): ${hint}`)
  t.match(reasonOf('"military presence""'), /unterminated string/, 'a doubled quote is a quote, not the end')
  t.match(reasonOf('(Syria OR Russia'), /a parenthesis is never closed/)
  t.match(reasonOf('Syria OR Russia)'), /a parenthesis closed that was never opened/)
  t.match(reasonOf('Syria AND'), /the search ends where a term should follow/)
  t.match(reasonOf('NOT Iran'), /syntax error near "NOT"/)
  t.match(reasonOf('Syria OR OR Russia'), /syntax error near "OR"/)
  t.match(reasonOf('Syria ()'), /syntax error near "\)"/)
})

// Searches as clients type them: words, punctuation, operators, quotes and parentheses, in any order.
const SEARCHES = fc.array(fc.oneof(
  fc.constantFrom('AND', 'OR', 'NOT', '(', ')', '"', '*', ' ', '-', "'", '\\', ':', '&', '|', '!', '<->', '\u0000', 'the'),
  fc.string({ maxLength: 8 }),
  fc.stringMatching(/^[a-zA-Zéý0-9]{1,8}\*?$/)
), { maxLength: 12 }).map((parts) => parts.join(' ').replace(/ {2,}/g, ' '))

t.test('any search either is an InvalidQuery or compiles (pure)', async () => {
  fc.assert(fc.property(fc.oneof(SEARCHES, fc.string({ maxLength: 40 })), (q) => {
    try {
      return typeof toTsQuery(q) === 'string'
    } catch (error) {
      return error instanceof InvalidQuery && error.parameter === 'q'
    }
  }), { numRuns: 2000 })
})

t.test('against PostgreSQL', { skip: SKIP_WITHOUT_POSTGRES }, async (t) => {
  const pool = poolFor(t, await throwawayDatabase(t))
  await migrate(pool)
  await pool.query(`INSERT INTO articles (id, title, text, lede, extractor_version, created_at, sort_at) VALUES
    ('a1', 'Talks in Damascus', 'Bashar al-Assad met U.S. envoys; Zelenskýy said negotiations on the e-mail leak after 9/11 went on.',
     'lede', 'v1', now(), '2026-01-01T00:00:00.000Z')`)
  const found = async (q: string): Promise<boolean> =>
    (await pool.query("SELECT count(*) AS n FROM articles WHERE search @@ to_tsquery('news_english', $1)", [toTsQuery(q)])).rows[0]?.n === 1

  t.test('the compiled searches find what SQLite finds', async (t) => {
    for (const q of ['damascus', 'negotiate', 'negotiat*', 'Zelenskyy', 'zelenskýy', 'al-Assad', 'Assad', '"al Assad"', 'U.S.',
      '9/11', 'e-mail', 'e-mai*', '"met U.S. envoys"', 'talks AND (Syria OR envoys)', 'envoys NOT Moscow']) {
      t.ok(await found(q), `${q} finds it`)
    }
    for (const q of ['Moscow', 'envoys NOT Damascus', '"envoys met"', 'Syria OR Russia']) t.notOk(await found(q), `${q} does not`)
  })

  t.test('any search either is an InvalidQuery or a tsquery PostgreSQL accepts', async () => {
    const client = await pool.connect()
    try {
      await fc.assert(fc.asyncProperty(fc.oneof(SEARCHES, fc.string({ maxLength: 40 })), async (q) => {
        let query: string
        try {
          query = toTsQuery(q)
        } catch (error) {
          return error instanceof InvalidQuery
        }
        await client.query("SELECT to_tsquery('news_english', $1)", [query])
        return true
      }), { numRuns: 1000 })
    } finally {
      client.release()
    }
  })
})
