// What can go wrong in a use case, in the service's own words. The store and the services throw
// these; src/http/plugins/problems.ts alone turns them into problem+json answers (404, 400, 409, …).

export abstract class DomainError extends Error {}

/** No resource of this kind with this id. */
export class NotFound extends DomainError {
  readonly what: string
  readonly id: string

  constructor (what: string, id: string) {
    super(`No ${what} with id "${id}"`)
    this.name = 'NotFound'
    this.what = what
    this.id = id
  }
}

/** A parameter of a query that cannot be answered as given: `reason` says why, for a person. */
export class InvalidQuery extends DomainError {
  readonly parameter: string
  readonly reason: string

  constructor (parameter: string, reason: string) {
    super(`${parameter}: ${reason}`)
    this.name = 'InvalidQuery'
    this.parameter = parameter
    this.reason = reason
  }
}

/** A cursor this list did not issue (or one of another order). */
export class InvalidCursor extends InvalidQuery {
  constructor () {
    super('cursor', 'is not a cursor this list issued')
    this.name = 'InvalidCursor'
  }
}

/** Submitted content that cannot be taken: `field` names the part of the body. */
export class InvalidContent extends DomainError {
  readonly field: string
  readonly reason: string

  constructor (field: string, reason: string) {
    super(`${field}: ${reason}`)
    this.name = 'InvalidContent'
    this.field = field
    this.reason = reason
  }
}

/** Content sent in an encoding or character set the service cannot read. */
export class UnreadableContent extends DomainError {
  constructor (detail: string) {
    super(detail)
    this.name = 'UnreadableContent'
  }
}

/** An idempotency key sent again with another request: the key names one intended write. */
export class IdempotencyKeyReused extends DomainError {
  constructor () {
    super('This Idempotency-Key was used with another request: use a new key for a new article')
    this.name = 'IdempotencyKeyReused'
  }
}

/** The service cannot answer now (the database is closed, migrations are pending). */
export class Unavailable extends DomainError {
  /** When a retry may succeed, if known. */
  readonly retryAfterSeconds: number | undefined

  constructor (detail: string, retryAfterSeconds?: number) {
    super(detail)
    this.name = 'Unavailable'
    this.retryAfterSeconds = retryAfterSeconds
  }
}
