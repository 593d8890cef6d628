import t from 'tap'
import { buildApp } from '../../../src/app.js'
import { corpusApp } from '../../corpus.js'

// The server sends answers unchecked (checkResponses: false, for speed); the tests check them. The
// unchecked answers must be the checked ones: nothing the schemas would strip or change.
t.test('answers sent unchecked are the answers checked against the response schemas', async (t) => {
  const checked = await corpusApp(t)
  // the same database handle: the same rows, creation times and cursors
  const unchecked = buildApp({ store: checked.store, checkResponses: false })
  t.teardown(() => unchecked.close())
  await unchecked.ready()
  const first = (await checked.inject('/articles?limit=1')).json() as { data: { id: string }[] }
  const article = first.data[0]?.id ?? ''
  const urls = [
    '/articles', '/articles?limit=3&expand=quotes,entities', '/articles?q=budget&count=true&facet=entity,dateline',
    '/articles?fields=title,publishedAt', `/articles/${article}`, `/articles/${article}/quotes`, `/articles/${article}/entities`,
    '/quotes', '/quotes?speaker=person-sergey-lavrov&about=location-syria&count=true&facet=cue,kind,speaker',
    '/quotes?q=talks&fields=text,cue', `/quotes/${article}-q1`, '/entities', '/entities?type=person&sort=articles&count=true&facet=type',
    '/entities/person-sergey-lavrov', '/entities/location-russia', '/entities/person-sergey-lavrov/quotes',
    '/entities/person-sergey-lavrov/articles', '/entities/person-sergey-lavrov/related', '/stats/timeline?interval=week',
    '/health', '/ready', '/articles/nope', '/articles?limit=0', '/articles?q=%22open'
  ]
  for (const url of urls) {
    const [a, b] = await Promise.all([checked.inject(url), unchecked.inject(url)])
    t.equal(b.statusCode, a.statusCode, `${url}: status`)
    t.same(b.json(), a.json(), `${url}: body`)
  }
})
