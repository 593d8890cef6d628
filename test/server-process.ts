// The real server as a child process (src/server.ts through tsx, as `npm run dev` runs it), for the
// tests that need a process to kill, signal or overload. Every child is killed by its pid when the
// test ends, whatever happened.
import { spawn, type ChildProcess } from 'node:child_process'
import http from 'node:http'
import { fileURLToPath } from 'node:url'
import type { Test } from 'tap'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

export interface ServerProcess {
  child: ChildProcess
  /** Resolves with the base URL once the server listens. */
  listening: Promise<string>
  /** Resolves with the exit code (null when killed by a signal) and the signal. */
  exited: Promise<{ code: number | null, signal: NodeJS.Signals | null }>
  /** Everything the server wrote to stdout and stderr so far. */
  log: () => string
}

/** Starts the server on `databasePath` and a free port; `t` kills it (SIGKILL, by pid) at teardown. */
export function startServer (t: Test, databasePath: string, env: Record<string, string> = {}): ServerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_PATH: databasePath, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let log = ''
  const exited = new Promise<{ code: number | null, signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })))
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      log += chunk.toString()
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(log)
      if (match?.[1]) resolve(match[1])
    })
    child.stderr?.on('data', (chunk: Buffer) => { log += chunk.toString() })
    void exited.then(({ code, signal }) => reject(new Error(`server exited (${code ?? signal}) before listening:\n${log.slice(-2000)}`)))
  })
  listening.catch(() => {}) // a test that never awaits it must not crash on the rejection
  t.teardown(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    return exited.then(() => undefined)
  })
  return { child, listening, exited, log: () => log }
}

export interface StreamedPost {
  /** Each line of the answer as it arrived. */
  lines: string[]
  /** Resolves when the answer ends or the connection breaks (never rejects). */
  done: Promise<{ status: number | null, error: Error | null }>
}

/**
 * POSTs `chunks` one after another with `pauseMs` between them over a plain HTTP/1.1 connection,
 * collecting the answer's lines while the body is still being sent (as a bulk client does).
 */
export function streamPost (url: string, headers: Record<string, string>, chunks: string[], pauseMs: number): StreamedPost {
  const lines: string[] = []
  let status: number | null = null
  const done = new Promise<{ status: number | null, error: Error | null }>((resolve) => {
    let rest = ''
    const request = http.request(url, { method: 'POST', headers: { ...headers, 'transfer-encoding': 'chunked' } }, (res) => {
      status = res.statusCode ?? null
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        rest += chunk
        const parts = rest.split('\n')
        rest = parts.pop() ?? ''
        lines.push(...parts.filter(Boolean))
      })
      res.on('end', () => resolve({ status, error: null }))
      res.on('error', (error) => resolve({ status, error }))
      res.on('aborted', () => resolve({ status, error: new Error('aborted') }))
    })
    request.on('error', (error) => resolve({ status, error }))
    void (async () => {
      for (const chunk of chunks) {
        if (request.destroyed) return
        request.write(chunk)
        if (pauseMs) await new Promise((r) => setTimeout(r, pauseMs))
      }
      request.end()
    })()
  })
  return { lines, done }
}
