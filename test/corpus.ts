import { buildApp, type App, type AppOptions } from '../src/app.js'
import { generateCorpus } from '../bench/generator.js'

// The tests' corpus: the generator (src/bench/generator.ts) stored through the real submission path
// (parse, write, index), once per test file.
export { random, PEOPLE, PLACES, ORGANIZATIONS, DATELINES, PUBLISHERS, TOPICS, generateArticle, CORPUS_SIZE, generateCorpus } from '../bench/generator.js'

/** Stores the corpus through the app's real submission path (pipeline, writer, triggers). */
export async function loadCorpus (app: App, articles = generateCorpus()): Promise<string[]> {
  const ids: string[] = []
  for (const article of articles) ids.push((await app.submissions.submit(article)).id)
  return ids
}

/** A test app holding the generated corpus, built once for a whole test file and closed after it. */
export async function corpusApp (t: { teardown: (fn: () => unknown) => void }, options: Omit<AppOptions, 'database'> = {}): Promise<App> {
  const app = buildApp({ database: ':memory:', ...options })
  t.teardown(() => app.close())
  await app.ready()
  await loadCorpus(app)
  return app
}

/** Every item of a list, following links.next from `url` (which should set a limit). */
export async function walkPages<T = Record<string, unknown>> (app: App, url: string): Promise<T[]> {
  const items: T[] = []
  for (let next: string | null = url; next;) {
    const res = await app.inject(next)
    if (res.statusCode !== 200) throw new Error(`${next} answered ${res.statusCode}: ${res.body}`)
    const body = res.json() as { data: T[], links: { next: string | null } }
    items.push(...body.data)
    next = body.links.next
  }
  return items
}

/** Every item of a list, as one NDJSON stream. */
export async function streamAll<T = Record<string, unknown>> (app: App, url: string): Promise<T[]> {
  const res = await app.inject({ url, headers: { accept: 'application/x-ndjson' } })
  if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}: ${res.body}`)
  return res.body.split('\n').filter(Boolean).map((line) => JSON.parse(line) as T)
}
