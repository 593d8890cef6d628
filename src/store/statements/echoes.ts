// A quote's echoes: the other articles' quotes of its statement, each with how it relates to the
// quote, computed at read time from the two texts (docs/statements.md). One implementation over
// the Store's quote list, so every adapter answers alike.
import type { QuoteFilters } from '../../domain/queries.js'
import type { Quote } from '../../domain/resources.js'
import type { EchoMatch, QuoteEcho, StatementQuote } from '../../domain/statements.js'
import type { ListReader } from '../store.js'
import { wordDifferences } from './diff.js'
import { matchingFingerprint, type Fingerprint } from './fingerprint.js'
import { matchQuotes, shingleJaccard } from './match.js'
import { DEFAULT_STATEMENT_SETTINGS, type StatementSettings } from './settings.js'

/** What comparing two texts at read time needs: words and shingles, no bucket keys. */
export function textFingerprint (id: string, text: string, speakerId: string | null, settings = DEFAULT_STATEMENT_SETTINGS): Fingerprint {
  const quote: StatementQuote = { id, articleId: '', text, speakerId, order: '' }
  return matchingFingerprint(quote, settings)
}

const fingerprintOf = (q: Quote, settings: StatementSettings): Fingerprint => textFingerprint(q.id, q.text, q.speaker?.id ?? null, settings)

/**
 * How `other` echoes `quote`. Quotes of one statement are joined by a chain of matches, so two of
 * them may not match directly (a trimmed copy and a misquote, joined through the original): such a
 * pair is a variant, with its shingle similarity and the words that differ.
 */
export function echoBetween (quote: Fingerprint, other: Fingerprint, settings = DEFAULT_STATEMENT_SETTINGS): EchoMatch {
  return matchQuotes(quote, other, settings) ??
    { relation: 'variant', similarity: shingleJaccard(quote.shingles, other.shingles), differences: wordDifferences(quote.words, other.words) }
}

type EchoFilters = Record<string, never>

/** The echoes of `quote` as a list the routes page and stream like any other: oldest publication first. */
export function echoList (quotes: ListReader<QuoteFilters, 'oldest', Quote, never>, quote: Quote,
  settings: StatementSettings = DEFAULT_STATEMENT_SETTINGS): ListReader<EchoFilters, 'oldest', QuoteEcho> {
  const own = fingerprintOf(quote, settings)
  // a quote not yet assigned has no statement: nothing echoes it yet
  const filters: QuoteFilters = { statement: quote.statementId ?? '\u0000', exceptArticle: quote.articleId }
  const echo = (other: Quote): QuoteEcho => ({ ...other, echo: echoBetween(own, fingerprintOf(other, settings), settings) })
  return {
    page: async (_f, sort, limit, cursor) => {
      const page = await quotes.page(filters, sort, limit, cursor)
      return { ...page, items: page.items.map(echo) }
    },
    walk: async function * (_f, sort, cursor) {
      for await (const other of quotes.walk(filters, sort, cursor)) yield echo(other)
    },
    count: async () => quotes.count(filters),
    facets: async () => ({})
  }
}
