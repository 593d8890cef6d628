import t, { type Test } from 'tap'
import { articleIdOf } from '../../../src/store/ids.js'
import { openDatabase, type Db } from '../../../src/store/sqlite/connection.js'
import { migrate } from '../../../src/store/sqlite/migrate.js'
import { createRepositories } from '../../../src/store/sqlite/repositories.js'
import { parsedArticle, quotedText } from '../../helpers.js'

// The writer adds new articles and quotes to the full-text indexes itself (migration 005), at once
// outside a batch and at a batch's end within one. Whatever the path, the indexes must hold exactly
// the stored rows: FTS5's own integrity check compares them with their content tables.

function fresh (t: Test) {
  const db = openDatabase(':memory:')
  t.teardown(() => db.close())
  migrate(db)
  return { db, ...createRepositories(db) }
}

function checkIndexes (t: Test, db: Db): void {
  for (const table of ['articles_fts', 'quotes_fts']) {
    t.doesNotThrow(() => db.prepare(`INSERT INTO ${table} (${table}, rank) VALUES ('integrity-check', 1)`).run(), `${table} matches its content`)
  }
}

const found = (db: Db, table: string, term: string): number =>
  db.prepare(`SELECT count(*) FROM ${table} WHERE ${table} MATCH ?`).pluck().get(term) as number

t.test('articles created alone and in a batch are found by search, their quotes too', async (t) => {
  const { db, writer } = fresh(t)
  writer.create(quotedText(1), {}, () => parsedArticle(quotedText(1)), 'v1')
  writer.batch(() => {
    for (let n = 2; n <= 5; n++) writer.create(quotedText(n), {}, () => parsedArticle(quotedText(n)), 'v1')
    t.equal(found(db, 'articles_fts', 'engines'), 1, 'a batch\'s articles wait for its end')
  })
  t.equal(found(db, 'articles_fts', 'engines'), 5)
  t.equal(found(db, 'quotes_fts', 'music'), 5)
  checkIndexes(t, db)
})

t.test('an article created, re-parsed and deleted within one batch leaves the indexes right', async (t) => {
  const { db, writer } = fresh(t)
  const [one, two] = [quotedText(1), quotedText(2)]
  writer.batch(() => {
    writer.create(one, {}, () => parsedArticle(one), 'v1')
    writer.create(two, {}, () => parsedArticle(two), 'v1')
    t.ok(writer.reparse(articleIdOf(one), parsedArticle(one, { title: 'Another title' }), 'v2'))
    t.ok(writer.delete(articleIdOf(two)))
    writer.save(two, {}, parsedArticle(two), 'v1')
  })
  t.equal(found(db, 'articles_fts', 'engines'), 2)
  t.equal(found(db, 'articles_fts', 'title:another'), 1, 'the re-parsed title is the one indexed')
  t.equal(found(db, 'quotes_fts', 'music'), 2)
  checkIndexes(t, db)
})

t.test('a batch that throws stores and indexes nothing, and the next batch indexes its own', async (t) => {
  const { db, writer } = fresh(t)
  t.throws(() => writer.batch(() => {
    writer.create(quotedText(1), {}, () => parsedArticle(quotedText(1)), 'v1')
    throw new Error('boom')
  }), /boom/)
  t.equal(db.prepare('SELECT count(*) FROM articles').pluck().get(), 0)
  writer.batch(() => { writer.create(quotedText(2), {}, () => parsedArticle(quotedText(2)), 'v1') })
  t.equal(found(db, 'articles_fts', 'engines'), 1)
  checkIndexes(t, db)
})

t.test('a batch inside a transaction already open indexes as it goes, and rolls back with it', async (t) => {
  const { db, writer } = fresh(t)
  t.throws(() => db.transaction(() => {
    writer.batch(() => writer.create(quotedText(1), {}, () => parsedArticle(quotedText(1)), 'v1'))
    t.equal(found(db, 'articles_fts', 'engines'), 1)
    throw new Error('boom')
  })(), /boom/)
  t.equal(found(db, 'articles_fts', 'engines'), 0)
  checkIndexes(t, db)
})
