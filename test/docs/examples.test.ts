import fs from 'node:fs'
import t from 'tap'
import { buildApp, type App } from '../../src/app.js'
import { corpusApp } from '../corpus.js'
import { SEED_DIR } from '../helpers.js'
import { bodyMismatches, DOCS_KEY, examplesOf, matchesString, mismatches, type Dataset, type Example } from './examples.js'

// Every example request in these files is sent, and its shown answer checked (the convention is in
// examples.ts): the docs cannot drift from what the API answers.
const FILES = ['README.md', 'docs/api.md']

const ROOT = new URL('../../', import.meta.url)

/** Sends one example and lists what differs from its shown answer. */
async function check (app: App, example: Example): Promise<string[]> {
  const res = await app.inject({
    method: example.method as 'GET',
    url: example.url,
    headers: example.headers,
    ...(example.body === undefined ? {} : { payload: example.body })
  })
  const problems: string[] = []
  if (res.statusCode !== example.answer.status) problems.push(`status: shown ${example.answer.status}, real ${res.statusCode}`)
  for (const [name, value] of Object.entries(example.answer.headers)) {
    const real = res.headers[name]
    if (typeof real !== 'string' || !matchesString(value, real)) problems.push(`header ${name}: shown ${JSON.stringify(value)}, real ${JSON.stringify(real)}`)
  }
  problems.push(...bodyMismatches(example.answer.format, example.answer.body, res.body))
  return problems
}

t.test('the matcher refuses what a shown answer does not say', async (t) => {
  t.same(mismatches({ a: 1, '…': '…' }, { a: 1, b: 2 }), [], 'an object with "…" allows more keys')
  t.equal(mismatches({ a: 1 }, { a: 1, b: 2 }).length, 1, 'one without it does not')
  t.equal(mismatches({ a: 1, b: 3 }, { a: 1, b: 2 }).length, 1, 'a wrong value')
  t.same(mismatches([1, '…'], [1, 2, 3]), [], 'an array ending in "…" allows more items')
  t.equal(mismatches([1], [1, 2]).length, 1, 'one without it does not')
  t.equal(mismatches([1, 2, '…'], [1]).length, 1, 'but not fewer')
  t.same(mismatches({ id: '<id>', at: '<time>', s: 'Rus…ia' }, { id: 'x1', at: '2026-12-07T01:09:38.594Z', s: 'Russia' }), [])
  t.equal(mismatches({ at: '<time>' }, { at: 'yesterday' }).length, 1, '<time> wants a time')
  t.equal(mismatches({ s: 'Rus…' }, { s: 'Prussia' }).length, 1, '"…" at the end is a prefix')
  t.equal(mismatches({ n: 18 }, { n: '18' }).length, 1, 'a number is not a string')
  t.same(bodyMismatches('csv', 'id,name\na,…\n…', 'id,name\r\na,Ada\r\nb,Bo\r\n'), [])
  t.equal(bodyMismatches('csv', 'id,name\na,Ada', 'id,name\r\na,Ada\r\nb,Bo\r\n').length, 1, 'more lines than shown')
  t.same(bodyMismatches('ndjson', '{"id":"a","…":"…"}\n…', '{"id":"a","x":1}\n{"id":"b"}\n'), [])
  t.throws(() => examplesOf('```http\nGET /health\n```\n', 'x.md'), /followed by its answer/, 'a request needs its answer')
})

const apps = new Map<Dataset, Promise<App>>()
/** One app per dataset, built on first use and closed when the tests end. */
function appFor (dataset: Dataset): Promise<App> {
  let app = apps.get(dataset)
  if (!app) {
    app = dataset === 'corpus'
      ? corpusApp(t, { apiKeys: [DOCS_KEY], parseWorkers: 0 })
      : (async () => {
          const seeded = buildApp({ database: ':memory:', seedDirectory: SEED_DIR, apiKeys: [DOCS_KEY], parseWorkers: 0 })
          t.teardown(() => seeded.close())
          await seeded.ready()
          return seeded
        })()
    apps.set(dataset, app)
  }
  return app
}

for (const file of FILES) {
  t.test(file, async (t) => {
    // a fresh seeded app for each file: one file's writes are not another's
    apps.delete('seed')
    const examples = examplesOf(fs.readFileSync(new URL(file, ROOT), 'utf8'), file)
    t.ok(examples.length > 0, `${file} has examples`)
    for (const example of examples) {
      const problems = await check(await appFor(example.dataset), example)
      t.same(problems, [], `${example.where} ${example.method} ${example.url}${example.dataset === 'corpus' ? ' (corpus)' : ''}`)
    }
  })
}
