import { createHash } from 'node:crypto'
import { articleIdOf } from '../store/ids.js'
import type { ArticleMetadata, CreateOutcome, Store } from '../store/store.js'
import { IdempotencyKeyReused } from '../domain/errors.js'
import { EXTRACTOR_VERSION, parseArticle } from '../extract/index.js'
import type { ParsedArticle } from '../domain/extraction.js'
import type { NewArticle } from '../schemas/writes.js'

export interface Submission {
  id: string
  outcome: CreateOutcome
  /** 201 for a new article, 200 for one already stored; a replay answers what its first request did. */
  status: 200 | 201
  /** True when an Idempotency-Key seen before decided the answer. */
  replayed: boolean
}

export interface IdempotencyKey {
  /** Who sent it: keys are scoped to the API key that authorised them. */
  client: string
  key: string
}

export interface Parser {
  parse: (text: string) => ParsedArticle
  version: string
}

export const PIPELINE: Parser = { parse: parseArticle, version: EXTRACTOR_VERSION }

export function metadataOf (input: NewArticle): ArticleMetadata {
  return {
    title: input.title ?? null,
    publishedAt: input.publishedAt ?? null,
    url: input.url ?? null,
    publisher: input.publisher ?? null,
    ...(input.language ? { language: input.language } : {})
  }
}

const keyReused = () => new IdempotencyKeyReused()

/** What a request asked for, so a key reused for another request can be told apart. */
function fingerprintOf (input: NewArticle): string {
  const m = metadataOf(input)
  const canonical = JSON.stringify([input.text, m.title, m.publishedAt, m.url, m.publisher, m.language ?? null])
  return createHash('sha256').update(canonical, 'utf8').digest('hex')
}

/**
 * Stores submitted articles: the same text is stored once (its id comes from the text), and an
 * Idempotency-Key makes a retried request answer exactly what its first answered.
 */
export class ArticleSubmissions {
  readonly #store: Store
  readonly #parser: Parser

  constructor (store: Store, parser: Parser = PIPELINE) {
    this.#store = store
    this.#parser = parser
  }

  async submit (input: NewArticle, idempotency?: IdempotencyKey, now = new Date()): Promise<Submission> {
    const fingerprint = idempotency ? fingerprintOf(input) : ''
    if (idempotency) {
      const seen = await this.#store.findIdempotencyKey(idempotency.client, idempotency.key, now)
      if (seen && seen.fingerprint !== fingerprint) {
        throw keyReused()
      }
      // A key whose article was deleted since is spent: the request runs again as new.
      if (seen && await this.#store.articleExists(seen.articleId)) {
        const status = seen.status === 201 ? 201 : 200
        return { id: seen.articleId, outcome: status === 201 ? 'created' : 'existing', status, replayed: true }
      }
    }
    // The pipeline runs outside the transaction, and only for a text not stored yet.
    const parsed = await this.#store.articleExists(articleIdOf(input.text)) ? null : this.#parser.parse(input.text)
    const article = { text: input.text, metadata: metadataOf(input), parse: () => parsed ?? this.#parser.parse(input.text), extractorVersion: this.#parser.version }
    const { id, outcome } = await this.#store.createArticle(article, idempotency && { ...idempotency, fingerprint }, now)
    return { id, outcome, status: outcome === 'created' ? 201 : 200, replayed: false }
  }

  /** The parse of a text as the pipeline makes it, stored nowhere. */
  extract (text: string) {
    return { extractorVersion: this.#parser.version, ...this.#parser.parse(text) }
  }
}
