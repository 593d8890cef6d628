import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { sha1 } from './web.js'

export interface ResponseCacheOptions {
  /** Answers kept, least recently used dropped first. */
  maxEntries: number
  /** An answer larger than this (serialized, in bytes) is not kept. */
  maxEntryBytes?: number
}

interface Entry {
  version: string
  payload: string
  headers: Record<string, string>
}

/** Headers a route sets that belong to the answer (Cache-Control, ETag and compression are made again). */
const KEPT_HEADERS = ['content-type', 'vary', 'link']
// answers that change without a write (a job's progress), or cost nothing to make
const NOT_CACHED = /^\/(jobs|health|ready|docs|openapi)/

declare module 'fastify' {
  interface FastifyRequest {
    cacheKey?: string
    cacheVersion?: string
  }
}

const keyOf = (request: FastifyRequest): string => `${request.url}\n${request.headers.accept ?? ''}`

/**
 * Keeps the serialized bytes of successful GET answers, keyed by the request (URL and Accept) and
 * the store's data version: a repeated point read or first page skips the handler, SQL and
 * serialization. Any write changes the version, so no answer outlives the data it was made from.
 */
async function responseCache (app: FastifyInstance, options: ResponseCacheOptions): Promise<void> {
  const entries = new Map<string, Entry>()
  const maxBytes = options.maxEntryBytes ?? 256 * 1024

  // preHandler: after every onRequest hook (CORS, rate limit, security headers, shedding) has run
  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method !== 'GET' || NOT_CACHED.test(request.url)) return
    const key = keyOf(request)
    const version = app.store.dataVersion()
    const hit = entries.get(key)
    if (hit?.version === version) {
      entries.delete(key) // re-inserted: the most recently used last
      entries.set(key, hit)
      return reply.headers(hit.headers).send(hit.payload)
    }
    request.cacheKey = key
    request.cacheVersion = version
  })

  // Runs before compression and the ETag (this plugin is registered before them): the payload is the
  // serialized body. Its ETag is kept too, so a hit is not hashed again.
  app.addHook('onSend', async (request, reply, payload) => {
    const { cacheKey, cacheVersion } = request
    if (cacheKey === undefined || cacheVersion === undefined || reply.statusCode !== 200 || typeof payload !== 'string' ||
      payload.length > maxBytes) return payload
    const headers: Record<string, string> = { etag: `"${sha1(payload)}"` }
    for (const name of KEPT_HEADERS) {
      const value = reply.getHeader(name)
      if (value !== undefined) headers[name] = String(value)
    }
    entries.set(cacheKey, { version: cacheVersion, payload, headers })
    if (entries.size > options.maxEntries) entries.delete(entries.keys().next().value as string)
    return payload
  })
}

// registered before the http plugin (see app.ts); the store it reads is decorated later, before any request
export default fp(responseCache, { name: 'response-cache' })
