import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { buildApp } from '../src/app.js'

// npm run bench:bulk -- [LINES] [PARAGRAPHS]: streams LINES generated articles (default 50,000) of
// PARAGRAPHS extra paragraphs each (default 0: about 250 bytes; 20 make about 4 KB) through
// POST /articles/bulk over a real socket into a temporary database file, and samples the process's
// memory as it goes: with the request read line by line and written in batches, it should stay flat.
const lines = Number(process.argv[2] ?? 50_000)
const paragraphs = Number(process.argv[3] ?? 0)
const filler = (n: number) => Array.from({ length: paragraphs }, (_, i) =>
  `\n\nResidents of ward ${i} met on ${n % 28 + 1} March to discuss the budget, and officials said the vote was close.`).join('')
const key = 'bench-key-0123456789abcdef'
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-bulk-'))
const app = buildApp({ database: path.join(dir, 'news.db'), apiKeys: [key] })
const base = await app.listen({ port: 0, host: '127.0.0.1' })

function * articles () {
  for (let n = 1; n <= lines; n++) {
    yield `${JSON.stringify({
      text: `Council backs plan ${n}\n\nCITY\n\nThe council approved plan ${n} on Monday, Mayor Jane Doe said. ` +
        `"It will change the district," she told reporters, adding that work would start in ${2000 + (n % 50)}.${filler(n)}`,
      publishedAt: new Date(Date.UTC(2025, 0, 1) + n * 60_000).toISOString()
    })}\n`
  }
}

const samples: { at: number, rss: number, heap: number }[] = []
const started = Date.now()
const sampler = setInterval(() => {
  const { rss, heapUsed } = process.memoryUsage()
  samples.push({ at: Date.now() - started, rss, heap: heapUsed })
}, 250)

const res = await fetch(`${base}/articles/bulk`, {
  method: 'POST',
  headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson' },
  body: Readable.toWeb(Readable.from(articles())) as ReadableStream,
  duplex: 'half'
} as RequestInit)
// Keep the last two chunks only (the totals line may straddle them): concatenating and slicing one
// string would keep every chunk alive through V8's sliced strings and measure the client, not the server.
let lastChunks: string[] = []
const decoder = new TextDecoder()
for await (const chunk of res.body ?? []) lastChunks = [lastChunks.at(-1) ?? '', decoder.decode(chunk as Uint8Array, { stream: true })]
const answered = lastChunks.join('').trimEnd().split('\n').at(-1) ?? ''
clearInterval(sampler)
const seconds = (Date.now() - started) / 1000
await app.close()
fs.rmSync(dir, { recursive: true, force: true })

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`
const quarter = (q: number) => samples.slice(Math.floor((samples.length * q) / 4), Math.floor((samples.length * (q + 1)) / 4))
const peak = (s: typeof samples, k: 'rss' | 'heap') => Math.max(...s.map((x) => x[k]))
const sent = articles().next().value?.length ?? 0
console.log(`bulk: ${lines} lines of about ${sent} bytes (${mb(sent * lines)} in all) in ${seconds.toFixed(1)} s (${(lines / seconds).toFixed(0)} lines/s); last line ${answered.trim()}`)
console.log(`peak RSS per quarter of the run: ${[0, 1, 2, 3].map((q) => mb(peak(quarter(q), 'rss'))).join(', ')}`)
console.log(`peak heap per quarter of the run: ${[0, 1, 2, 3].map((q) => mb(peak(quarter(q), 'heap'))).join(', ')}`)
