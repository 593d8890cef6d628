import Fastify from 'fastify'

// The ceiling for a response cache: a bare Fastify (no validation, hooks, plugins or logger) that
// answers each path with bytes it holds in memory. The first request for a path is fetched from the
// API at UPSTREAM and its body and content type kept; every later one is replayed from the Map. So
// the bytes are the API's own, and what is measured is Fastify answering from memory. Started by
// bench/run.ts as a child process: UPSTREAM, PORT, HOST.

const upstream = process.env.UPSTREAM ?? ''
const held = new Map<string, { body: Buffer, type: string }>()
const app = Fastify({ logger: false })

app.get('/health', async () => ({ status: 'ok' }))

app.get('/*', async (request, reply) => {
  let answer = held.get(request.url)
  if (answer === undefined) {
    const res = await fetch(upstream + request.url)
    answer = { body: Buffer.from(await res.arrayBuffer()), type: res.headers.get('content-type') ?? 'application/json' }
    if (res.ok) held.set(request.url, answer)
  }
  return reply.type(answer.type).send(answer.body)
})

await app.listen({ port: Number(process.env.PORT ?? 0), host: process.env.HOST ?? '127.0.0.1' })
console.log(`listening http://${process.env.HOST ?? '127.0.0.1'}:${process.env.PORT ?? ''}`)
