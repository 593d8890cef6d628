import type { FastifyRequest } from 'fastify'
import type { Page } from '../../domain/resources.js'

/** `self` is the request as made; `next` is the same request with the next page's cursor. */
export function pageBody<T> (request: FastifyRequest, page: Page<T>) {
  let next: string | null = null
  if (page.next !== null) {
    const url = new URL(request.url, 'http://localhost')
    url.searchParams.set('cursor', page.next)
    next = `${url.pathname}?${url.searchParams.toString()}`
  }
  return { data: page.items, links: { self: request.url, next } }
}
