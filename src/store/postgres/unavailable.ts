import { Unavailable } from '../../domain/errors.js'

// What a lost or refused connection looks like from pg: Node's socket errors, and PostgreSQL's
// connection exception (08…), admin shutdown (57P01…) and cannot-connect-now (57P03) classes.
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE'])

export function isConnectionError (error: unknown): boolean {
  if (!(error instanceof Error)) return false
  const code = (error as { code?: unknown }).code
  if (typeof code === 'string' && (SOCKET_CODES.has(code) || code.startsWith('08') || code.startsWith('57P'))) return true
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(error.message)
}

/**
 * Runs `fn`; a lost connection becomes Unavailable (503 with Retry-After), so a client is told to
 * retry rather than shown a 500, and nothing waits past the pool's connection timeout.
 */
export async function unavailableOn<T> (fn: () => Promise<T>, what: string, retryAfterSeconds = 2): Promise<T> {
  try {
    return await fn()
  } catch (error) {
    if (isConnectionError(error)) throw new Unavailable(`${what} is unreachable: try again shortly`, retryAfterSeconds)
    throw error
  }
}
