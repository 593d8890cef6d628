import os from 'node:os'
import { Worker } from 'node:worker_threads'
import type { ParsedArticle } from '../domain/extraction.js'
import { EXTRACTOR_VERSION } from '../extract/index.js'
import type { ParseAnswer, ParseRequest } from './parse-worker.js'

/** One worker per core the main thread leaves free, at least one. */
export const defaultPoolSize = (): number => Math.max(1, os.availableParallelism() - 1)

interface Slot {
  worker: Worker
  /** Requests sent and not yet answered. */
  load: Map<number, { resolve: (parsed: ParsedArticle) => void, reject: (error: Error) => void }>
  answered: boolean
}

/**
 * Starts the worker running the same pipeline as this process: dist/services/parse-worker.js in
 * production; under tsx (tests, npm run dev) the .ts file, through tsx's loader registered in the
 * worker, since a worker does not inherit the loaders of `--import`.
 */
function startWorker (): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./parse-worker.js', import.meta.url))
  const tsx = import.meta.resolve('tsx/esm/api')
  const entry = new URL('./parse-worker.ts', import.meta.url).href
  return new Worker(`import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}) })`, { eval: true })
}

/**
 * Parses texts on worker threads, so a bulk stream's next batch is parsed while the main thread
 * writes the one before. Workers start on first use and stop after `idleMs` without work (they hold
 * the pipeline's models); a worker that dies fails its requests (callers parse those in-thread) and
 * is replaced on the next, unless it died before its first answer: then the pool refuses every
 * request, and callers parse in-thread. close() stops them all.
 */
export class ParsePool {
  readonly version = EXTRACTOR_VERSION
  readonly #size: number
  readonly #idleMs: number
  #slots: Slot[] = []
  #next = 1
  #idle: NodeJS.Timeout | null = null
  #closed = false
  /** A worker died before its first answer: one that cannot start would fail every start. */
  #broken = false

  constructor (size = defaultPoolSize(), idleMs = 30_000) {
    this.#size = Math.max(1, size)
    this.#idleMs = idleMs
  }

  parse (text: string): Promise<ParsedArticle> {
    if (this.#closed) return Promise.reject(new Error('the parse pool is closed'))
    if (this.#broken) return Promise.reject(new Error('the parse workers could not start'))
    if (this.#idle) clearTimeout(this.#idle)
    this.#idle = null
    const slot = this.#leastLoaded()
    const id = this.#next++
    return new Promise((resolve, reject) => {
      slot.load.set(id, { resolve, reject })
      slot.worker.postMessage({ id, text } satisfies ParseRequest)
    })
  }

  /** Workers now running (for tests and health). */
  get workers (): number {
    return this.#slots.length
  }

  async close (): Promise<void> {
    this.#closed = true
    await this.#stopAll()
  }

  #leastLoaded (): Slot {
    const free = this.#slots.find((s) => s.load.size === 0)
    if (free) return free
    if (this.#slots.length < this.#size) return this.#start()
    return this.#slots.reduce((a, b) => (b.load.size < a.load.size ? b : a))
  }

  #start (): Slot {
    const slot: Slot = { worker: startWorker(), load: new Map(), answered: false }
    slot.worker.on('message', ({ id, parsed }: ParseAnswer) => {
      slot.answered = true
      slot.load.get(id)?.resolve(parsed)
      slot.load.delete(id)
      this.#whenIdle()
    })
    const fail = (error: Error) => {
      if (!this.#slots.includes(slot)) return // stopped on purpose: its requests failed then
      if (!slot.answered) this.#broken = true
      this.#drop(slot, error)
    }
    slot.worker.on('error', fail)
    slot.worker.on('exit', (code) => fail(new Error(`a parse worker exited (code ${code})`)))
    this.#slots.push(slot)
    return slot
  }

  #drop (slot: Slot, error: Error): void {
    this.#slots = this.#slots.filter((s) => s !== slot)
    for (const waiting of slot.load.values()) waiting.reject(error)
    slot.load.clear()
  }

  #whenIdle (): void {
    if (this.#closed || this.#idle || this.#slots.some((s) => s.load.size > 0)) return
    this.#idle = setTimeout(() => { void this.#stopAll() }, this.#idleMs).unref()
  }

  async #stopAll (): Promise<void> {
    if (this.#idle) clearTimeout(this.#idle)
    this.#idle = null
    const slots = this.#slots
    this.#slots = []
    for (const slot of slots) this.#drop(slot, new Error('the parse pool stopped'))
    await Promise.all(slots.map((s) => s.worker.terminate()))
  }
}
