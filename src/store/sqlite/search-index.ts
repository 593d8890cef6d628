import type { Statement } from 'better-sqlite3'
import type { Db } from './connection.js'

/**
 * Adds newly stored articles and their quotes to the full-text indexes (migration 005 says why the
 * writer does this rather than a trigger). Outside a batch an article goes in as soon as it is
 * stored. Within one the articles wait, and go in with one statement per index at the batch's end,
 * so FTS5 writes one segment per batch. Either way the indexes hold exactly the stored rows.
 */
export class SearchIndex {
  readonly #addArticles: Statement<[string]>
  readonly #addQuotes: Statement<[string]>
  #waiting: string[] = []
  #deferring = false

  constructor (db: Db) {
    // rowid order: FTS5 appends ascending rowids to the terms it holds without writing them out
    this.#addArticles = db.prepare(`INSERT INTO articles_fts (rowid, title, text)
      SELECT rowid, title, text FROM articles WHERE id IN (SELECT value FROM json_each(?)) ORDER BY rowid`)
    this.#addQuotes = db.prepare(`INSERT INTO quotes_fts (rowid, text)
      SELECT rowid, text FROM quotes WHERE article_id IN (SELECT value FROM json_each(?)) ORDER BY rowid`)
  }

  /** An article, with its quotes, just inserted. */
  added (articleId: string): void {
    this.#waiting.push(articleId)
    if (!this.#deferring) this.flush()
  }

  /**
   * Indexes the articles that wait. The writer calls it before it deletes or replaces an article,
   * outside that write's own savepoint, so the delete triggers only ever take out terms that are in.
   */
  flush (): void {
    if (this.#waiting.length === 0) return
    const ids = JSON.stringify(this.#waiting)
    this.#addArticles.run(ids)
    this.#addQuotes.run(ids)
    this.#waiting = []
  }

  /**
   * Runs `work` with indexing held until it returns; call it as the body of a transaction of its
   * own. When `work` throws, that transaction rolls back, and so nothing that waits was stored.
   */
  deferred<T> (work: () => T): T {
    this.#deferring = true
    try {
      const result = work()
      this.flush()
      return result
    } catch (error) {
      this.#waiting = []
      throw error
    } finally {
      this.#deferring = false
    }
  }
}
