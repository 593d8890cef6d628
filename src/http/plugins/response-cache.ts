import type { FastifyInstance, FastifyRequest } from 'fastify'
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
  interface FastifyInstance {
    /** The kept answers, shared by the cache's two hooks (see responseCacheLookup). */
    responseCacheEntries: Map<string, Entry>
  }
  interface FastifyRequest {
    cacheKey?: string
    cacheVersion?: string
  }
}

const keyOf = (request: FastifyRequest): string => `${request.url}\n${request.headers.accept ?? ''}`

/**
 * Keeps the serialized bytes of successful GET answers, keyed by the request (URL and Accept) and
 * the store's data version: a repeated point read or first page skips routing's validation, the
 * handler, SQL and serialization. Any write changes the version, so no answer outlives the data it
 * was made from. This part keeps answers; responseCacheLookup, registered after the plugins whose
 * onRequest hooks every answer needs, answers from them.
 */
async function responseCache (app: FastifyInstance, options: ResponseCacheOptions): Promise<void> {
  const entries = new Map<string, Entry>()
  const maxBytes = options.maxEntryBytes ?? 256 * 1024
  app.decorate('responseCacheEntries', entries)

  // Runs before compression and the ETag (this plugin is registered before them): the payload is the
  // serialized body. Its ETag is kept too, so a hit is not hashed again.
  app.addHook('onSend', (request, reply, payload, done) => {
    const { cacheKey, cacheVersion } = request
    if (cacheKey === undefined || cacheVersion === undefined || reply.statusCode !== 200 || typeof payload !== 'string' ||
      payload.length > maxBytes) return done(null, payload)
    const headers: Record<string, string> = { etag: `"${sha1(payload)}"` }
    for (const name of KEPT_HEADERS) {
      const value = reply.getHeader(name)
      if (value !== undefined) headers[name] = String(value)
    }
    entries.set(cacheKey, { version: cacheVersion, payload, headers })
    if (entries.size > options.maxEntries) entries.delete(entries.keys().next().value as string)
    done(null, payload)
  })
}

/**
 * Answers a GET from the kept answers when its data version is current. An onRequest hook, so that
 * routing's validation and the handler are skipped; registered after every other onRequest hook
 * (security headers, shedding, CORS, the rate limit, read-your-writes' wait), which a hit still runs.
 * Only a URL that answered 200 before is kept, so a request that validation would refuse never hits.
 */
async function responseCacheLookup (app: FastifyInstance): Promise<void> {
  const entries = app.responseCacheEntries
  app.addHook('onRequest', (request, reply, done) => {
    if (request.method !== 'GET' || NOT_CACHED.test(request.url)) return done()
    const key = keyOf(request)
    const version = app.store.dataVersion()
    const hit = entries.get(key)
    if (hit?.version === version) {
      entries.delete(key) // re-inserted: the most recently used last
      entries.set(key, hit)
      reply.headers(hit.headers).send(hit.payload)
      return
    }
    request.cacheKey = key
    request.cacheVersion = version
    done()
  })
}

// registered before the http plugin (see app.ts), so that its onSend sees the body before compression
export default fp(responseCache, { name: 'response-cache' })
export const lookup = fp(responseCacheLookup, { name: 'response-cache-lookup', dependencies: ['response-cache', 'store'] })
