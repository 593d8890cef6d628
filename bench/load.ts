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
