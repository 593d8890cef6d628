import { ArticleQueries } from './article-query.js'
import { ArticleWriter } from './article-writer.js'
import { ArticleRepository } from './articles.js'
import type { Db } from './connection.js'
import { EntityRepository } from './entities.js'
import { EntityQueries } from './entity-query.js'
import { IdempotencyKeyRepository } from './idempotency-keys.js'
import { QuoteQueries } from './quote-query.js'
import { QuoteRepository } from './quotes.js'
import { RelatedEntityRepository } from './related-entities.js'
import { StatsRepository } from './stats.js'

export interface Repositories {
  articles: ArticleRepository
  quotes: QuoteRepository
  entities: EntityRepository
  /** The entities that co-occur with one, with the articles that show it. */
  relatedEntities: RelatedEntityRepository
  writer: ArticleWriter
  idempotencyKeys: IdempotencyKeyRepository
  /** The searchable lists: filters, search, orders, totals, facets and streamed walks. */
  articleQueries: ArticleQueries
  quoteQueries: QuoteQueries
  entityQueries: EntityQueries
  stats: StatsRepository
}

/** Every repository over one connection; each prepares its statements once, here. */
export function createRepositories (db: Db): Repositories {
  return {
    articles: new ArticleRepository(db),
    quotes: new QuoteRepository(db),
    entities: new EntityRepository(db),
    relatedEntities: new RelatedEntityRepository(db),
    writer: new ArticleWriter(db),
    idempotencyKeys: new IdempotencyKeyRepository(db),
    articleQueries: new ArticleQueries(db),
    quoteQueries: new QuoteQueries(db),
    entityQueries: new EntityQueries(db),
    stats: new StatsRepository(db)
  }
}
