import type { StoresResult } from './stores.js'
import { lineChartSvg } from './svg.js'

// The stores benchmark's table, targets and charts (bench/stores.ts measures).

export interface Target { name: string, met: boolean | null, detail: string }

const f2 = (n: number) => n.toFixed(2)
const pad = (s: string | number, n: number) => String(s).padStart(n)

export function storesTargets (r: StoresResult): Target[] {
  const out: Target[] = []
  for (const size of r.sizes) {
    const worst = size.scenarios.reduce((a, b) => (b.postgresOverSqlite < a.postgresOverSqlite ? b : a))
    out.push({ name: `PostgreSQL per-process reads ≥ 0.5 × SQLite at ${size.size}`, met: worst.postgresOverSqlite >= 0.5, detail: `lowest: ${worst.scenario} ${f2(worst.postgresOverSqlite)}` })
    out.push({ name: `2 API processes ≥ 1.7 × one at ${size.size}`, met: size.processes.ratio >= 1.7, detail: `${f2(size.processes.ratio)}×` })
    const cached = size.cache.flatMap((c) => [[`${c.scenario} (SQLite)`, c.sqliteOverReplay], [`${c.scenario} (PostgreSQL)`, c.postgresOverReplay]] as [string, number][])
    const low = cached.reduce((a, b) => (b[1] < a[1] ? b : a))
    out.push({ name: `cached reads ≥ 0.6 × a bare Fastify replaying the bytes at ${size.size}`, met: low[1] >= 0.6, detail: `lowest: ${low[0]} ${f2(low[1])}` })
  }
  const [first, last] = [r.sizes[0], r.sizes.at(-1)]
  if (first && last && first !== last) {
    for (const store of ['sqlite', 'postgres'] as const) {
      const growth = last.scenarios.map((s) => [s.scenario, s[store].p99 / Math.max(1, first.scenarios.find((x) => x.scenario === s.scenario)?.[store].p99 ?? NaN)] as [string, number])
      const worst = growth.reduce((a, b) => (b[1] > a[1] ? b : a))
      out.push({ name: `${store} p99 growth ${first.size} → ${last.size} ≤ 1.5×`, met: worst[1] <= 1.5, detail: `highest: ${worst[0]} ${f2(worst[1])}×` })
    }
    for (const store of ['sqlite', 'postgres'] as const) {
      const common = last.scenarios.find((s) => s.scenario === 'search common term')
      if (common) out.push({ name: `${store}: common-word search p99 ≤ 250 ms at ${last.size}`, met: common[store].p99 <= 250, detail: `${common[store].p99} ms` })
    }
  }
  out.push({ name: '2 workers ≥ 1.6 × one', met: r.workers.ratio >= 1.6, detail: `${f2(r.workers.ratio)}× (${r.workers.one.toFixed(0)} → ${r.workers.two.toFixed(0)} articles/s)` })
  return out
}

export function storesTable (r: StoresResult): string {
  const s = r.settings
  const lines = [`stores: ${s.connections} connections, ${s.rounds} rounds of ${s.duration} s per server in turn, medians; ratios are medians of paired rounds; response cache off; PostgreSQL: ${r.postgres}`,
    `${'size'.padStart(7)}  ${'scenario'.padEnd(20)} ${pad('bare/s', 7)} ${pad('sqlite/s', 9)} ${pad('p99', 5)} ${pad('pg/s', 7)} ${pad('p99', 5)} ${pad('pg÷sq', 6)} ${pad('sq÷bare', 8)} same`]
  for (const size of r.sizes) {
    for (const x of size.scenarios) {
      lines.push(`${pad(size.size, 7)}  ${x.scenario.padEnd(20)} ${pad(x.bare.rps.toFixed(0), 7)} ${pad(x.sqlite.rps.toFixed(0), 9)} ${pad(x.sqlite.p99, 5)} ` +
        `${pad(x.postgres.rps.toFixed(0), 7)} ${pad(x.postgres.p99, 5)} ${pad(f2(x.postgresOverSqlite), 6)} ${pad(f2(x.sqliteOverBare), 8)} ${x.sameJson ? 'yes' : 'no'}`)
    }
  }
  lines.push('', 'API processes on one PostgreSQL (the five scenarios mixed, the same connections split between them):')
  for (const size of r.sizes) {
    const p = size.processes
    lines.push(`${pad(size.size, 7)}  1 process ${p.one.rps.toFixed(0)}/s (p99 ${p.one.p99} ms), 2 processes ${p.two.rps.toFixed(0)}/s (p99 ${p.two.p99} ms): ${f2(p.ratio)}×`)
  }
  lines.push('', 'response cache on (the default) against a bare Fastify replaying the same bytes from memory:',
    `${'size'.padStart(7)}  ${'scenario'.padEnd(20)} ${pad('replay/s', 9)} ${pad('sqlite/s', 9)} ${pad('÷', 5)} ${pad('pg/s', 7)} ${pad('÷', 5)}`)
  for (const size of r.sizes) {
    for (const c of size.cache) {
      lines.push(`${pad(size.size, 7)}  ${c.scenario.padEnd(20)} ${pad(c.replay.rps.toFixed(0), 9)} ${pad(c.sqlite.rps.toFixed(0), 9)} ${pad(f2(c.sqliteOverReplay), 5)} ` +
        `${pad(c.postgres.rps.toFixed(0), 7)} ${pad(f2(c.postgresOverReplay), 5)}`)
    }
  }
  const w = r.workers
  lines.push('', `bulk ingest through ${w.jobs} queued jobs on PostgreSQL (${w.texts} texts from ${w.source}, medians of ${w.rounds} rounds, a fresh database each):`,
    `  1 worker ${w.one.toFixed(1)} articles/s, 2 workers ${w.two.toFixed(1)} articles/s: ${f2(w.ratio)}×`)
  lines.push('', 'targets:')
  for (const t of storesTargets(r)) lines.push(`  ${t.met === null ? '  -' : t.met ? ' met' : 'MISS'}  ${t.name}: ${t.detail}`)
  return lines.join('\n')
}

/** The charts: the stores by size, API processes, workers, and the cache. */
export function storesCharts (r: StoresResult, when: string): Record<string, string> {
  const names = r.sizes[0]?.scenarios.map((s) => s.scenario) ?? []
  const bySize = (value: (size: StoresResult['sizes'][number], scenario: string) => number | null) =>
    names.map((name) => ({ name, points: r.sizes.map((size) => [size.size, value(size, name)] as [number, number | null]) }))
  const of = (size: StoresResult['sizes'][number], name: string) => size.scenarios.find((s) => s.scenario === name)
  const title = (what: string) => `${what}, ${when.slice(0, 16).replace('T', ' ')} UTC`
  const cacheNames = r.sizes[0]?.cache.map((c) => c.scenario) ?? []
  const cacheOf = (size: StoresResult['sizes'][number], name: string) => size.cache.find((c) => c.scenario === name)
  return {
    'stores.svg': lineChartSvg(title('npm run bench: SQLite and PostgreSQL'), [
      { title: 'SQLite (requests/s)', yLabel: 'requests/s', series: bySize((size, n) => of(size, n)?.sqlite.rps ?? null) },
      { title: 'PostgreSQL (requests/s)', yLabel: 'requests/s', series: bySize((size, n) => of(size, n)?.postgres.rps ?? null) },
      { title: 'PostgreSQL ÷ SQLite', yLabel: 'ratio', series: bySize((size, n) => of(size, n)?.postgresOverSqlite ?? null) },
      { title: 'p99 (ms), PostgreSQL dashed', yLabel: 'ms', series: [...bySize((size, n) => of(size, n)?.sqlite.p99 ?? null), ...bySize((size, n) => of(size, n)?.postgres.p99 ?? null).map((x) => ({ ...x, name: `${x.name} (pg)`, dashed: true }))] }
    ]),
    'api-processes.svg': lineChartSvg(title('npm run bench: API processes on one PostgreSQL'), [
      { title: 'mixed reads (requests/s)', yLabel: 'requests/s', series: r.sizes.map((size) => ({ name: `${size.size} articles`, points: [[1, size.processes.one.rps], [2, size.processes.two.rps]] as [number, number][] })) }
    ]),
    'workers.svg': lineChartSvg(title('npm run bench: queued bulk ingest on PostgreSQL'), [
      { title: 'workers → articles/s', yLabel: 'articles/s', series: [{ name: `${r.workers.texts} texts`, points: [[1, r.workers.one], [2, r.workers.two]] }] }
    ]),
    'cache.svg': lineChartSvg(title('npm run bench: response cache ÷ bare replay'), [
      { title: 'SQLite', yLabel: 'ratio', series: cacheNames.map((name) => ({ name, points: r.sizes.map((size) => [size.size, cacheOf(size, name)?.sqliteOverReplay ?? null] as [number, number | null]) })) },
      { title: 'PostgreSQL', yLabel: 'ratio', series: cacheNames.map((name) => ({ name, points: r.sizes.map((size) => [size.size, cacheOf(size, name)?.postgresOverReplay ?? null] as [number, number | null]) })) }
    ])
  }
}
