// The pipeline on a worker thread, for ParsePool: a text in, its parse out, each answer carrying its
// request's number. parseArticle never throws, so every request is answered.
import { parentPort } from 'node:worker_threads'
import { parseArticle } from '../extract/index.js'
import type { ParsedArticle } from '../domain/extraction.js'

export interface ParseRequest {
  id: number
  text: string
}

export interface ParseAnswer {
  id: number
  parsed: ParsedArticle
}

parentPort?.on('message', ({ id, text }: ParseRequest) => {
  parentPort?.postMessage({ id, parsed: parseArticle(text) } satisfies ParseAnswer)
})
