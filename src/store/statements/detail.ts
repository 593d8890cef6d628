// GET /statements/{id}: the statement's row with its first quotes and its wordings, read through
// the Store interface (one implementation for every adapter).
import type { QuoteFilters } from '../../domain/queries.js'
import type { Quote } from '../../domain/resources.js'
import type { Statement, StatementDetail, StatementVariant } from '../../domain/statements.js'
import type { ListReader } from '../store.js'
import { echoBetween, textFingerprint } from './echoes.js'
import type { Fingerprint } from './fingerprint.js'

/** Quotes shown in the statement itself; GET /quotes?statement= pages them all. */
export const STATEMENT_QUOTES_SHOWN = 20
/** Quotes read to group the wordings: a statement carried more widely shows the wordings of its first ones. */
export const STATEMENT_QUOTES_GROUPED = 2000

interface Wording { first: Quote, fingerprint: Fingerprint, quotes: number, articles: Set<string> }

export async function statementDetail (statement: Statement, quoteList: ListReader<QuoteFilters, 'oldest', Quote, never>): Promise<StatementDetail> {
  const quotes: Quote[] = []
  const wordings = new Map<string, Wording>()
  let read = 0
  for await (const q of quoteList.walk({ statement: statement.id }, 'oldest')) {
    if (quotes.length < STATEMENT_QUOTES_SHOWN) quotes.push(q)
    const fingerprint = textFingerprint(q.id, q.text, q.speaker?.id ?? null)
    const wording = wordings.get(fingerprint.canonical) ?? { first: q, fingerprint, quotes: 0, articles: new Set<string>() }
    wording.quotes++
    wording.articles.add(q.articleId)
    wordings.set(fingerprint.canonical, wording)
    if (++read >= STATEMENT_QUOTES_GROUPED) break
  }
  const canonical = textFingerprint(statement.id, statement.text, statement.speaker?.id ?? null)
  const variants: StatementVariant[] = [...wordings.values()].map((w) => {
    const match = echoBetween(w.fingerprint, canonical)
    return { text: w.first.text, firstQuoteId: w.first.id, quoteCount: w.quotes, articles: w.articles.size, relation: match.relation, similarity: match.similarity }
  }).sort((a, b) => b.articles - a.articles || b.quoteCount - a.quoteCount)
  return { ...statement, quotes, variants }
}
