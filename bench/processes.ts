import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'

// Child servers for the benchmarks: started on a free loopback port, waited for, sampled for memory
// (RSS from /proc on Linux) and stopped by their own pid.

export interface Child {
  name: string
  url: string
  pid: number
  process: ChildProcess
  log: () => string
  stop: () => Promise<void>
}

export async function freePort (): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

/** Starts `node ARGS` with `env`, then polls GET url/health until it answers 200. */
export async function startChild (name: string, args: string[], env: Record<string, string>, cwd: string): Promise<Child> {
  const port = await freePort()
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let log = ''
  const keep = (chunk: Buffer) => { log = (log + chunk.toString()).slice(-20_000) }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 60_000
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${name} exited before listening:\n${log}`)
    try {
      const res = await fetch(`${url}/health`)
      if (res.ok) break
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`${name} did not answer /health within 60 s:\n${log}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  const pid = child.pid ?? -1
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
    await exited
    clearTimeout(timer)
  }
  return { name, url, pid, process: child, log: () => log, stop }
}

/** The resident set size of a process in bytes (Linux /proc), or null where it cannot be read. */
export function rssOf (pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)
    return match?.[1] ? Number(match[1]) * 1024 : null
  } catch {
    return null
  }
}

/** Samples a process's RSS every `ms` until stopped; returns the peak. */
export function sampleRss (pid: number, ms = 200): { stop: () => number | null } {
  let peak: number | null = rssOf(pid)
  const timer = setInterval(() => {
    const rss = rssOf(pid)
    if (rss !== null) peak = Math.max(peak ?? 0, rss)
  }, ms)
  return {
    stop: () => {
      clearInterval(timer)
      const rss = rssOf(pid)
      return rss === null ? peak : Math.max(peak ?? 0, rss)
    }
  }
}
