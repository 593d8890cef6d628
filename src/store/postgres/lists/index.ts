// The PostgreSQL adapter's lists: one engine (engine.ts: keyset pages, walks in chunks, totals,
// facets) and one definition per list, answering the Store's StoreLists.
import type { StoreLists } from '../../store.js'
import type { Queryable } from '../connection.js'
import { articleEntityList } from './article-entity-list.js'
import { articleList } from './article-list.js'
import { Lister } from './engine.js'
import { entityList } from './entity-list.js'
import { quoteList } from './quote-list.js'
import { relatedEntityList } from './related-entities.js'
import { Searches } from './search.js'
import { statementList } from './statement-list.js'

/** Every list over `db`: a pool, a replica's pool, or one client (inside a transaction, say). */
export function createLists (db: Queryable): StoreLists {
  // one memory of searches, so that one PostgreSQL has emptied is refused at once (even by a walk)
  const searches = new Searches()
  const lister = new Lister(db, searches)
  return {
    articles: articleList(lister, searches),
    quotes: quoteList(lister, searches),
    entities: entityList(lister),
    articleEntities: articleEntityList(lister),
    relatedEntities: relatedEntityList(lister),
    statements: statementList(lister)
  }
}
