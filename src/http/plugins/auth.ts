import { createHash, timingSafeEqual } from 'node:crypto'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { HttpProblem } from '../problem.js'

declare module 'fastify' {
  interface FastifyInstance {
    /** An onRequest hook for every route that writes: it needs a valid bearer key. */
    requireApiKey: (request: FastifyRequest) => Promise<void>
  }
  interface FastifyRequest {
    /** Who wrote: a digest of the bearer key that authorised the request (never the key itself). */
    apiClient: string | null
  }
}

export interface AuthOptions {
  /** Keys that may write; none leaves the service read-only. */
  apiKeys: readonly string[]
}

export const SECURITY_SCHEME = 'bearerAuth'
const REALM = 'structured-news'

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest()

function unauthorized (detail: string, error?: 'invalid_request' | 'invalid_token'): HttpProblem {
  // RFC 6750 §3: a request without credentials gets the bare challenge; a bad one learns why.
  const challenge = error ? `Bearer realm="${REALM}", error="${error}"` : `Bearer realm="${REALM}"`
  return new HttpProblem(401, detail, undefined, { 'www-authenticate': challenge })
}

/**
 * Bearer-key authentication for writes. Keys are compared as SHA-256 digests with timingSafeEqual:
 * digests have one length whatever the key's, and every key is compared, so the time taken says
 * nothing about how much of a key was right or which key it was.
 */
async function auth (app: FastifyInstance, options: AuthOptions): Promise<void> {
  const keyDigests = options.apiKeys.map(digest)
  app.decorateRequest('apiClient', null)

  app.decorate('requireApiKey', async (request: FastifyRequest) => {
    if (keyDigests.length === 0) {
      throw new HttpProblem(403, 'Writes are disabled on this server. Start it with API_KEYS set to a comma-separated ' +
        'list of keys (16 characters or more each), then send "Authorization: Bearer <key>".')
    }
    const header = request.headers.authorization
    if (header === undefined) throw unauthorized('Writes need "Authorization: Bearer <key>"')
    const match = /^Bearer +(\S+) *$/i.exec(header)
    if (!match?.[1]) throw unauthorized('The Authorization header must be "Bearer <key>"', 'invalid_request')
    const presented = digest(match[1])
    let matched: Buffer | null = null
    for (const key of keyDigests) if (timingSafeEqual(key, presented)) matched = key
    if (!matched) throw unauthorized('The bearer key is not one this server accepts', 'invalid_token')
    request.apiClient = matched.subarray(0, 12).toString('hex')
  })
}

export default fp(auth, { name: 'auth' })
