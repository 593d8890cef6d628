import type { FastifyReply, FastifyRequest } from 'fastify'
import { InvalidQuery } from '../../domain/errors.js'
import { DEFAULT_FACET_SIZE } from '../../domain/limits.js'
import { pageBody } from './links.js'
import { listFormatOf, projector, sendStream, varyOnAccept, type CsvColumn } from './formats.js'
import type { SearchSort } from '../../domain/values.js'
import type { ListReader } from '../../store/store.js'

/** The order asked for; without one, relevance when searching, newest otherwise. */
export function sortOf (sort: SearchSort | undefined, q: string | undefined): SearchSort {
  if (sort === 'relevance' && q === undefined) throw new InvalidQuery('sort', 'relevance orders the matches of a search: give q too')
  return sort ?? (q === undefined ? 'newest' : 'relevance')
}

/** The list controls of a query string: every list takes limit and cursor; searchable ones the rest. */
export interface ListControls<Facet extends string, Field extends string> {
  limit: number
  cursor?: string | undefined
  count?: boolean | undefined
  facet?: Facet[] | undefined
  facetSize?: number | undefined
  fields?: Field[] | undefined
}

/** One list as a route answers it: which list, the filters and order, its CSV columns. */
export interface ListRequest<Filters, Sort extends string, Item extends { id: string }, Facet extends string> {
  list: ListReader<Filters, Sort, Item, Facet>
  filters: Filters
  sort: Sort
  csv: CsvColumn<Item>[]
  /** What a page's items embed (expand=). */
  decorate?: (items: Partial<Item>[]) => Promise<Partial<Item>[]> | Partial<Item>[]
}

/**
 * Answers a list in the format the client accepts: a JSON page (with the total and facets when
 * asked), or the whole filtered set streamed as NDJSON or CSV. Every list answers here: the
 * top-level ones and those under one article or entity alike.
 */
export async function answerList<Filters, Sort extends string, Item extends { id: string }, Facet extends string, Field extends string> (
  request: FastifyRequest, reply: FastifyReply, asked: ListRequest<Filters, Sort, Item, Facet>, controls: ListControls<Facet, Field>) {
  const { list, filters, sort, csv, decorate = (items) => items } = asked
  const format = listFormatOf(request)
  const project = projector<Item>(controls.fields)
  if (format !== 'json') {
    return sendStream(reply, format, list.walk(filters, sort, controls.cursor), { fields: controls.fields, project, columns: csv })
  }
  varyOnAccept(reply)
  const [page, total, facets] = await Promise.all([
    list.page(filters, sort, controls.limit, controls.cursor),
    controls.count === true ? list.count(filters) : undefined,
    controls.facet ? list.facets(filters, controls.facet, controls.facetSize ?? DEFAULT_FACET_SIZE) : undefined
  ])
  return {
    ...pageBody(request, { items: await decorate(page.items.map(project)), next: page.next }),
    ...(total === undefined ? {} : { total }),
    ...(facets === undefined ? {} : { facets })
  }
}
