import Fastify from 'fastify'
import { openDatabase } from '../src/store/sqlite/connection.js'
import { createRepositories } from '../src/store/sqlite/repositories.js'

// The stack's own limit, for the read benchmarks: Fastify and better-sqlite3 with nothing else (no
// validation, no response schema, no hooks, no plugins, no logger), answering the benchmarked requests
// with the same repositories (so the same prepared SQL and the same row-to-JSON mapping) and the same
// JSON bodies as the API. Only what the benchmarks ask is handled, and only the happy path: a request
// that the API would refuse gets whatever falls out. Started by bench/run.ts as a child process:
// DATABASE_PATH, PORT; prints "listening <url>" once it listens.

const db = openDatabase(process.env.DATABASE_PATH ?? '')
const repos = createRepositories(db)
const app = Fastify({ logger: false })

type Query = Record<string, string | string[] | undefined>
const one = (value: string | string[] | undefined): string | undefined => Array.isArray(value) ? value[0] : value
const many = (value: string | string[] | undefined): string[] | undefined =>
  value === undefined ? undefined : Array.isArray(value) ? value : [value]
const limitOf = (query: Query): number => Number(one(query.limit) ?? 20)

/** The API's page body: the items and links.self / links.next (routes/links.ts, without Fastify's request). */
function pageBody<T> (url: string, page: { items: T[], next: string | null }) {
  let next: string | null = null
  if (page.next !== null) {
    const u = new URL(url, 'http://localhost')
    u.searchParams.set('cursor', page.next)
    next = `${u.pathname}?${u.searchParams.toString()}`
  }
  return { data: page.items, links: { self: url, next } }
}

const notFound = { status: 404 }

app.get('/health', async () => ({ status: 'ok' }))

app.get('/articles', async (request) => {
  const query = request.query as Query
  const q = one(query.q)
  const page = repos.lists.articles.page({ q }, q === undefined ? 'newest' : 'relevance', limitOf(query), one(query.cursor))
  return pageBody(request.url, page)
})

app.get('/articles/:id', async (request, reply) => {
  const article = repos.articles.get((request.params as { id: string }).id)
  return article ?? reply.code(404).send(notFound)
})

app.get('/articles/:id/quotes', async (request, reply) => {
  const { id } = request.params as { id: string }
  if (!repos.articles.exists(id)) return reply.code(404).send(notFound)
  const query = request.query as Query
  return pageBody(request.url, repos.lists.quotes.page({ articleId: id }, 'newest', limitOf(query), one(query.cursor)))
})

app.get('/quotes', async (request) => {
  const query = request.query as Query
  const filters = { speaker: one(query.speaker), about: many(query.about), q: one(query.q) }
  const page = repos.lists.quotes.page(filters, filters.q === undefined ? 'newest' : 'relevance', limitOf(query), one(query.cursor))
  return pageBody(request.url, page)
})

app.get('/entities/:id', async (request, reply) => {
  const entity = repos.entities.get((request.params as { id: string }).id)
  return entity ?? reply.code(404).send(notFound)
})

app.addHook('onClose', async () => { db.close() })
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => { void app.close().then(() => process.exit(0)) })

const url = await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' })
console.log(`listening ${url}`)
