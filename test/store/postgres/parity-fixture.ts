// One corpus in both stores: the generated 300 articles (test/corpus.ts) and a few written to hold
// what the generator never writes (punctuated words, accents, no date, an offset, a title given
// apart from the text), stored by SqliteStore and copied row for row into PostgreSQL.
import type pg from 'pg'
import { EXTRACTOR_VERSION, parseArticle } from '../../../src/extract/index.js'
import { createLists } from '../../../src/store/postgres/lists/index.js'
import { migrate } from '../../../src/store/postgres/migrate.js'
import { SqliteStore } from '../../../src/store/sqlite/store.js'
import type { ArticleMetadata, StoreLists } from '../../../src/store/store.js'
import { generateCorpus } from '../../corpus.js'
import { copyRows } from './load-rows.js'

const EXTRA: { text: string, metadata: ArticleMetadata }[] = [
  // a surname stored alone, then its full name: the first entity merges into the second (a redirect)
  {
    text: 'Putin warns on pipeline\n\nMOSCOW\n\nPutin said on Friday that the pipeline would open. "It is ready," Putin said.\n',
    metadata: { publishedAt: '2016-05-05T05:05:05Z', publisher: 'Global Wire' }
  },
  {
    text: 'Putin meets Merkel\n\nBERLIN\n\nPresident Vladimir Putin met Chancellor Angela Merkel on Thursday. "We talked," Vladimir Putin said.\n',
    metadata: { publishedAt: '2016-05-06T06:06:06Z', publisher: 'Example News' }
  },
  {
    text: 'U.S. envoys meet al-Assad\n\nDAMASCUS\n\nU.S. envoys met Bashar al-Assad on Monday, Secretary of State John Kerry said.\n\n' +
      '"The 9/11 anniversary is a day for talks," Kerry told reporters in Damascus.\n',
    metadata: { publishedAt: '2016-09-11T08:00:00Z', publisher: 'Global Wire' }
  },
  {
    text: 'Zelenskýy thanks allies\n\nKYIV\n\nPresident Volodymyr Zelenskýy thanked allies for the e-mail campaign on Tuesday.\n\n' +
      '"We are grateful," Zelenskýy said, adding that O\'Brien had written first.\n',
    metadata: { publishedAt: '2016-03-01T10:00:00+02:00', publisher: 'example news' }
  },
  {
    text: 'Tariffs vote delayed\n\nBERLIN\n\nChancellor Angela Merkel said the tariffs vote would wait. "Not this week," Merkel insisted.\n',
    metadata: { title: 'A title given apart: the pipeline ceasefire', publisher: 'The Daily Record' }
  },
  {
    text: 'Budget, budget, budget\n\nWASHINGTON\n\nThe budget of the budget office was the budget everyone discussed, Senator Elizabeth Warren said.\n',
    metadata: { publishedAt: '2016-12-31T23:30:00-05:00', publisher: 'Example News' }
  }
]

/** A SQLite store in memory holding the corpus; each article stored at its own instant, so the order is fixed. */
export async function sqliteWithCorpus (): Promise<SqliteStore> {
  const store = new SqliteStore({ database: ':memory:' })
  const articles = [
    ...generateCorpus().map((a) => ({ text: a.text, metadata: { publishedAt: a.publishedAt, publisher: a.publisher, url: a.url } })),
    ...EXTRA
  ]
  for (const [i, { text, metadata }] of articles.entries()) {
    await store.saveArticle(text, metadata, parseArticle(text), EXTRACTOR_VERSION, new Date(Date.UTC(2026, 0, 1, 0, 0, i)))
  }
  return store
}

/** Migrates `pool`'s database and copies the SQLite store into it; the PostgreSQL lists over it. */
export async function postgresCopyOf (sqlite: SqliteStore, pool: pg.Pool): Promise<{ lists: StoreLists, copied: Record<string, number> }> {
  await migrate(pool)
  const copied = await copyRows(sqlite.db, pool)
  await pool.query('ANALYZE')
  return { lists: createLists(pool), copied }
}
