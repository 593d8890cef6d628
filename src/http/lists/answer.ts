import type { FastifyReply, FastifyRequest } from 'fastify'
import { STREAM_CHUNK } from '../../domain/limits.js'
import { InvalidQuery } from '../../domain/errors.js'
import { pageBody } from './links.js'
import { listFormatOf, projector, sendStream, varyOnAccept, type CsvColumn } from './formats.js'
import type { FacetBucket, Page } from '../../domain/resources.js'
import type { SearchSort } from '../../domain/values.js'

/** The order asked for; without one, relevance when searching, newest otherwise. */
export function sortOf (sort: SearchSort | undefined, q: string | undefined): SearchSort {
  if (sort === 'relevance' && q === undefined) throw new InvalidQuery('sort', 'relevance orders the matches of a search: give q too')
  return sort ?? (q === undefined ? 'newest' : 'relevance')
}

/** What a searchable list can do, over one resource's queries. */
export interface Lists<Filters, Item extends { id: string }, Facet extends string> {
  page: (filters: Filters, limit: number, cursor: string | undefined) => Page<Item>
  walk: (filters: Filters, cursor: string | undefined) => Generator<Item>
  count: (filters: Filters) => number
  facets: (filters: Filters, facets: readonly Facet[], size: number) => Partial<Record<Facet, FacetBucket[]>>
  csv: CsvColumn<Item>[]
}

export interface ListControls<Facet extends string, Field extends string> {
  limit: number
  cursor?: string | undefined
  count: boolean
  facet?: Facet[] | undefined
  facetSize: number
  fields?: Field[] | undefined
}

/**
 * Answers a searchable list in the format the client accepts: a JSON page (with the total and facets
 * when asked), or the whole filtered set streamed as NDJSON or CSV. `decorate` adds what a page's
 * items embed (expand=).
 */
export function answerList<Filters, Item extends { id: string }, Facet extends string, Field extends string> (
  request: FastifyRequest, reply: FastifyReply, lists: Lists<Filters, Item, Facet>, filters: Filters,
  controls: ListControls<Facet, Field>, decorate: (items: Partial<Item>[]) => Partial<Item>[] = (items) => items) {
  const format = listFormatOf(request)
  const project = projector<Item>(controls.fields)
  if (format !== 'json') {
    return sendStream(reply, format, lists.walk(filters, controls.cursor), { fields: controls.fields, project, columns: lists.csv })
  }
  varyOnAccept(reply)
  const page = lists.page(filters, controls.limit, controls.cursor)
  return {
    ...pageBody(request, { items: decorate(page.items.map(project)), next: page.next }),
    ...(controls.count ? { total: lists.count(filters) } : {}),
    ...(controls.facet ? { facets: lists.facets(filters, controls.facet, controls.facetSize) } : {})
  }
}

/**
 * Every item of a keyset-paged list from `cursor` on, fetched STREAM_CHUNK at a time. The first chunk
 * is read now, so a bad cursor is a 400 before anything streams.
 */
function pagesFrom<T> (fetch: (limit: number, cursor: string | undefined) => Page<T>, cursor: string | undefined): Generator<T> {
  const first = fetch(STREAM_CHUNK, cursor)
  return (function * () {
    for (let page: Page<T> | null = first; page; page = page.next === null ? null : fetch(STREAM_CHUNK, page.next)) yield * page.items
  })()
}

/**
 * A list under one resource (an article's quotes, an entity's articles): a JSON page, or every item
 * streamed as NDJSON or CSV, as the top-level lists do.
 */
export function answerSubList<T extends { id: string }> (request: FastifyRequest, reply: FastifyReply,
  list: (limit: number, cursor: string | undefined) => Page<T>, query: { limit: number, cursor?: string | undefined }, csv: CsvColumn<T>[]) {
  const format = listFormatOf(request)
  if (format !== 'json') return sendStream(reply, format, pagesFrom(list, query.cursor), { fields: undefined, project: (item) => item, columns: csv })
  varyOnAccept(reply)
  return pageBody(request, list(query.limit, query.cursor))
}
