import { isDeepStrictEqual } from 'node:util'
import autocannon from 'autocannon'
import { sampleRss, type Child } from './processes.js'

// Load for the read benchmarks: autocannon cycling through a scenario's paths against one server, or
// against several at once (the connections split between them, the figures summed).

export interface Sample {
  rps: number
  p50: number
  p99: number
  non2xx: number
  errors: number
  peakRss: number | null
}

export async function load (server: Child, paths: string[], seconds: number, connections: number): Promise<Sample> {
  let i = 0
  const rss = sampleRss(server.pid)
  const result = await autocannon({
    url: server.url,
    connections,
    duration: seconds,
    requests: [{ setupRequest: (request) => ({ ...request, path: paths[i++ % paths.length] ?? '/' }) }]
  })
  const peakRss = rss.stop()
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    peakRss
  }
}

/** The same load spread over `servers` at once: requests per second summed, the worst p50 and p99. */
export async function loadAll (servers: Child[], paths: string[], seconds: number, connections: number): Promise<Sample> {
  const share = Math.max(1, Math.round(connections / servers.length))
  const samples = await Promise.all(servers.map((server) => load(server, paths, seconds, share)))
  return {
    rps: samples.reduce((sum, s) => sum + s.rps, 0),
    p50: Math.max(...samples.map((s) => s.p50)),
    p99: Math.max(...samples.map((s) => s.p99)),
    non2xx: samples.reduce((sum, s) => sum + s.non2xx, 0),
    errors: samples.reduce((sum, s) => sum + s.errors, 0),
    peakRss: samples.reduce((sum, s) => sum + (s.peakRss ?? 0), 0) || null
  }
}

/** One path of each list in turn: a mixed load. */
export function mix (lists: string[][]): string[] {
  const longest = Math.max(...lists.map((l) => l.length))
  return Array.from({ length: longest }, (_, i) => lists.map((l) => l[i % l.length] ?? '')).flat()
}

/** Whether both servers answer the same JSON, with 200, to each of the first few paths; logs the first difference. */
export async function sameAnswers (a: Child, b: Child, paths: string[], log: (line: string) => void): Promise<boolean> {
  for (const p of paths.slice(0, 3)) {
    const [x, y] = await Promise.all([fetch(a.url + p), fetch(b.url + p)])
    const [jx, jy] = [await x.json() as unknown, await y.json() as unknown]
    if (x.status !== 200 || y.status !== 200 || !isDeepStrictEqual(jx, jy)) {
      log(`answers differ for ${p}: ${a.name} ${x.status} ${JSON.stringify(jx).slice(0, 200)} / ${b.name} ${y.status} ${JSON.stringify(jy).slice(0, 200)}`)
      return false
    }
  }
  return true
}

/**
 * Runs `rounds` rounds of each load in turn, the order rotating (so drift in the machine's load
 * falls on all alike), after one warm-up second each; returns each load's samples.
 */
export async function interleaved (loads: Array<(seconds: number) => Promise<Sample>>, rounds: number, duration: number,
  log: (line: string) => void, label: string): Promise<Sample[][]> {
  for (const run of loads) await run(1)
  const samples: Sample[][] = loads.map(() => [])
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < loads.length; k++) {
      const i = (k + r) % loads.length
      samples[i]?.push(await (loads[i] as (seconds: number) => Promise<Sample>)(duration))
    }
  }
  const bad = samples.flat().reduce((sum, s) => sum + s.non2xx + s.errors, 0)
  if (bad) log(`${label}: ${bad} non-2xx answers or errors`)
  return samples
}
