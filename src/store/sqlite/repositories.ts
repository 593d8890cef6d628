import { articleEntityList } from './article-entity-list.js'
import { articleList } from './article-list.js'
import { ArticleWriter } from './article-writer.js'
import { ArticleRepository } from './articles.js'
import type { Db } from './connection.js'
import { EntityRepository } from './entities.js'
import { entityList } from './entity-list.js'
import { FtsValidator } from './fts-query.js'
import { IdempotencyKeyRepository } from './idempotency-keys.js'
import { JobRepository } from './jobs.js'
import { Lister } from './listing.js'
import { quoteList } from './quote-list.js'
import { QuoteRepository } from './quotes.js'
import { relatedEntityList } from './related-entities.js'
import { statementList, StatementRepository } from './statements.js'
import { StatsRepository } from './stats.js'

/** Every list, one engine (keyset pages, streamed walks, totals, facets) over one statement cache. */
export interface Lists {
  articles: ReturnType<typeof articleList>
  quotes: ReturnType<typeof quoteList>
  entities: ReturnType<typeof entityList>
  /** An article's entities in document order, with their mentions there. */
  articleEntities: ReturnType<typeof articleEntityList>
  /** The entities that co-occur with one, with the articles that show it. */
  relatedEntities: ReturnType<typeof relatedEntityList>
  statements: ReturnType<typeof statementList>
}

export interface Repositories {
  articles: ArticleRepository
  quotes: QuoteRepository
  statements: StatementRepository
  entities: EntityRepository
  lists: Lists
  writer: ArticleWriter
  idempotencyKeys: IdempotencyKeyRepository
  jobs: JobRepository
  stats: StatsRepository
}

function createLists (db: Db): Lists {
  const lister = new Lister(db)
  const fts = new FtsValidator(db, ['articles_fts', 'quotes_fts'])
  return {
    articles: articleList(lister, fts),
    quotes: quoteList(lister, fts),
    entities: entityList(lister),
    articleEntities: articleEntityList(lister),
    relatedEntities: relatedEntityList(lister),
    statements: statementList(lister)
  }
}

/** Every repository over one connection; each prepares its statements once, here. */
export function createRepositories (db: Db, options: { assignStatements?: boolean } = {}): Repositories {
  return {
    articles: new ArticleRepository(db),
    quotes: new QuoteRepository(db),
    statements: new StatementRepository(db),
    entities: new EntityRepository(db),
    lists: createLists(db),
    writer: new ArticleWriter(db, options),
    idempotencyKeys: new IdempotencyKeyRepository(db),
    jobs: new JobRepository(db),
    stats: new StatsRepository(db)
  }
}
