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
