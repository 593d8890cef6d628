import type { Problem } from '../schemas/common.js'

type InvalidParam = NonNullable<Problem['invalidParams']>[number]

/**
 * An error that only HTTP knows (401, 403, 415 for a media type, 429), answered as a problem document
 * with its own status. Use cases throw the domain's errors (src/domain/errors.ts) instead.
 */
export class HttpProblem extends Error {
  readonly statusCode: number
  readonly invalidParams: InvalidParam[] | undefined
  /** Headers the answer must carry, e.g. WWW-Authenticate on a 401. */
  readonly headers: Record<string, string>

  constructor (statusCode: number, detail: string, invalidParams?: InvalidParam[], headers: Record<string, string> = {}) {
    super(detail)
    this.name = 'HttpProblem'
    this.statusCode = statusCode
    this.invalidParams = invalidParams
    this.headers = headers
  }
}
