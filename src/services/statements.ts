import type { StatementQuote } from '../domain/statements.js'
import type { Store } from '../store/store.js'
import { diffAssignments, rebuildStatements, type AssignmentDifference } from '../store/statements/rebuild.js'
import { DEFAULT_STATEMENT_SETTINGS } from '../store/statements/settings.js'

/** Quotes a backfill assigns per transaction: each batch a short write, so readers and writers interleave. */
export const STATEMENT_BACKFILL_BATCH = 2000

/**
 * Assigns statements to every quote stored before statements existed (after the migration that
 * added them), batch by batch; how many it assigned. Writes assign their own quotes, so this only
 * has work once, on the first start after an upgrade.
 */
export async function assignPendingStatements (store: Store, onProgress: (quotes: number) => void = () => {}): Promise<number> {
  let total = 0
  for (let n = await store.assignPendingStatements(STATEMENT_BACKFILL_BATCH); n > 0; n = await store.assignPendingStatements(STATEMENT_BACKFILL_BATCH)) {
    total += n
    onProgress(n)
  }
  return total
}

export interface RebuildReport {
  quotes: number
  statements: number
  differences: AssignmentDifference[]
}

/**
 * Recomputes every statement from scratch, in memory, from the stored quotes (in the order the
 * stores name statements by: the article's publication in UTC, else its creation) and compares
 * with the stored assignment: any difference is a defect to report.
 */
export async function rebuildReport (store: Store): Promise<RebuildReport> {
  const stored = new Map<string, string>()
  const quotes: StatementQuote[] = []
  for await (const article of store.lists.articles.walk({}, 'oldest')) {
    const order = article.publishedAt === null ? article.createdAt : new Date(article.publishedAt).toISOString()
    for await (const q of store.lists.quotes.walk({ articleId: article.id }, 'oldest')) {
      if (q.statementId !== null) stored.set(q.id, q.statementId)
      quotes.push({ id: q.id, articleId: q.articleId, text: q.text, speakerId: q.speaker?.id ?? null, order })
    }
  }
  const rebuilt = rebuildStatements(quotes, DEFAULT_STATEMENT_SETTINGS)
  return { quotes: quotes.length, statements: new Set(rebuilt.values()).size, differences: diffAssignments(stored, rebuilt) }
}
