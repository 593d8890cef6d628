import type { Problem } from './schemas/common.js'

type InvalidParam = NonNullable<Problem['invalidParams']>[number]

/** An error that answers as a problem document with its own status. Handlers throw these. */
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

export function notFound (what: string, id: string): HttpProblem {
  return new HttpProblem(404, `No ${what} with id "${id}"`)
}

export function invalidParam (name: string, where: InvalidParam['in'], reason: string): HttpProblem {
  return new HttpProblem(400, `${name}: ${reason}`, [{ name, in: where, reason }])
}

export function invalidBody (name: string, reason: string): HttpProblem {
  return invalidParam(name, 'body', reason)
}
