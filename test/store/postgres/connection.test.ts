import t from 'tap'
import { parseDatabaseUrl, parseReplicaUrls } from '../../../src/store/postgres/connection.js'

t.test('a PostgreSQL URL is checked, and a bad one named by its variable, its password never repeated', async (t) => {
  t.equal(parseDatabaseUrl('postgres://news:secret@db.internal:5433/news', 'DATABASE_URL').port, '5433')
  t.equal(parseDatabaseUrl('postgresql://news@127.0.0.1/news?sslmode=require', 'DATABASE_URL').hostname, '127.0.0.1')
  t.throws(() => parseDatabaseUrl('not a url', 'DATABASE_URL'), /^DATABASE_URL is not a URL: expected postgres:\/\//)
  t.throws(() => parseDatabaseUrl('mysql://news:secret@db/news', 'DATABASE_URL'), /DATABASE_URL has the scheme "mysql:"/)
  t.throws(() => parseDatabaseUrl('postgres://news:secret@db.internal:5433', 'DATABASE_URL'), /DATABASE_URL names no database/)
  t.throws(() => parseDatabaseUrl('postgres://news:secret@db:99999/news', 'DATABASE_URL'), /DATABASE_URL is not a URL/)
  try {
    parseDatabaseUrl('postgres://news:secret@/news', 'DATABASE_URL')
    t.fail('a URL without a host is refused')
  } catch (error) {
    t.notMatch((error as Error).message, /secret/)
  }
})

t.test('DATABASE_REPLICA_URLS: comma-separated, blanks ignored, each one checked and named', async (t) => {
  t.same(parseReplicaUrls(undefined), [])
  t.same(parseReplicaUrls(' '), [])
  t.same(parseReplicaUrls('postgres://r1/news, postgres://r2:5433/news,').map(String), ['postgres://r1/news', 'postgres://r2:5433/news'])
  t.throws(() => parseReplicaUrls('postgres://r1/news,http://r2/news'), /DATABASE_REPLICA_URLS \(URL 2\) has the scheme "http:"/)
})
