import { ArticleWriter } from './article-writer.js'
import { ArticleRepository } from './articles.js'
import type { Db } from './connection.js'
import { EntityRepository } from './entities.js'
import { IdempotencyKeyRepository } from './idempotency-keys.js'
import { QuoteRepository } from './quotes.js'

export interface Repositories {
  articles: ArticleRepository
  quotes: QuoteRepository
  entities: EntityRepository
  writer: ArticleWriter
  idempotencyKeys: IdempotencyKeyRepository
}

/** Every repository over one connection; each prepares its statements once, here. */
export function createRepositories (db: Db): Repositories {
  return {
    articles: new ArticleRepository(db),
    quotes: new QuoteRepository(db),
    entities: new EntityRepository(db),
    writer: new ArticleWriter(db),
    idempotencyKeys: new IdempotencyKeyRepository(db)
  }
}
