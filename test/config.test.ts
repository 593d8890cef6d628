import t from 'tap'
import { readConfig } from '../src/config.js'

t.test('API_KEYS is a comma-separated list; none means read-only', async (t) => {
  t.same(readConfig({}).API_KEYS, [])
  t.same(readConfig({ API_KEYS: ' first-key-0123456789 , ,second-key-0123456789 ' }).API_KEYS, ['first-key-0123456789', 'second-key-0123456789'])
  t.throws(() => readConfig({ API_KEYS: 'short' }), /API_KEYS.*16 characters/)
  t.throws(() => readConfig({ API_KEYS: 'has a space in it 0123456789' }), /visible ASCII/)
})

t.test('MAX_ARTICLE_BYTES defaults to 1 MiB and is bounded', async (t) => {
  t.equal(readConfig({}).MAX_ARTICLE_BYTES, 1024 * 1024)
  t.equal(readConfig({ MAX_ARTICLE_BYTES: '4096' }).MAX_ARTICLE_BYTES, 4096)
  t.throws(() => readConfig({ MAX_ARTICLE_BYTES: '10' }), /MAX_ARTICLE_BYTES/)
})

t.test('CHECK_RESPONSES is off unless 1', async (t) => {
  t.equal(readConfig({}).CHECK_RESPONSES, false)
  t.equal(readConfig({ CHECK_RESPONSES: '1' }).CHECK_RESPONSES, true)
  t.throws(() => readConfig({ CHECK_RESPONSES: 'yes' }), /CHECK_RESPONSES/)
})

t.test('DATABASE_URL selects PostgreSQL; a malformed one, or replicas without it, stop the start naming the variable', async (t) => {
  t.equal(readConfig({}).DATABASE_URL, undefined, 'unset: SQLite at DATABASE_PATH')
  t.equal(readConfig({ DATABASE_URL: ' ' }).DATABASE_URL, undefined, 'blank is unset')
  t.equal(String(readConfig({ DATABASE_URL: 'postgres://news:pw@db:5432/news' }).DATABASE_URL), 'postgres://news:pw@db:5432/news')
  t.throws(() => readConfig({ DATABASE_URL: 'mysql://db/news' }), /DATABASE_URL.*scheme/)
  t.throws(() => readConfig({ DATABASE_URL: 'postgres://db' }), /DATABASE_URL names no database/)
  const replicas = readConfig({ DATABASE_URL: 'postgres://db/news', DATABASE_REPLICA_URLS: 'postgres://r1/news, postgres://r2/news' }).DATABASE_REPLICA_URLS
  t.same(replicas.map(String), ['postgres://r1/news', 'postgres://r2/news'])
  t.throws(() => readConfig({ DATABASE_URL: 'postgres://db/news', DATABASE_REPLICA_URLS: 'postgres://r1/news,oops' }), /DATABASE_REPLICA_URLS \(URL 2\) is not a URL/)
  t.throws(() => readConfig({ DATABASE_REPLICA_URLS: 'postgres://r1/news' }), /DATABASE_REPLICA_URLS: replicas are of a PostgreSQL primary/)
  const message = (() => { try { readConfig({ DATABASE_URL: 'postgres://u:hunter2@db' }) } catch (e) { return String(e) } return '' })()
  t.match(message, /DATABASE_URL names no database/)
  t.notMatch(message, /hunter2/, 'the password is not repeated')
})
