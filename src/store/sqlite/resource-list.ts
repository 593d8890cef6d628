import type { FacetBucket, Page } from '../../domain/resources.js'
import type { FacetSql, FilteredSet, Lister, Ordering } from './listing.js'

/**
 * What one resource's list is, for the engine: the rows its filters select, the columns it reads, its
 * orders, how a row becomes an item, and what it can count per value. Every list (articles, quotes,
 * entities, and the lists under one article or entity) is one of these over the same Lister.
 */
export interface ListDefinition<Filters, Sort extends string, Row, Item, Facet extends string> {
  set: (filters: Filters) => FilteredSet
  columns: (filters: Filters) => string
  ordering: (sort: Sort, set: FilteredSet) => Ordering<Row>
  map: (row: Row) => Item
  facets: Record<Facet, (set: FilteredSet) => FacetSql>
}

/** A resource's list: keyset pages, a streamed walk, the total and facets, any filters combined. */
export class ResourceList<Filters, Sort extends string, Item, Facet extends string = never, Row = unknown> {
  readonly #lister: Lister
  readonly #definition: ListDefinition<Filters, Sort, Row, Item, Facet>

  constructor (lister: Lister, definition: ListDefinition<Filters, Sort, Row, Item, Facet>) {
    this.#lister = lister
    this.#definition = definition
  }

  /** `limit` items after the cursor, and the cursor of the next page if there is one. */
  page (filters: Filters, sort: Sort, limit: number, cursor?: string): Page<Item> {
    const { set, columns, ordering } = this.#query(filters, sort)
    return this.#lister.page(set, columns, ordering, limit, cursor, this.#definition.map)
  }

  /** Every item of the filtered set from the cursor on, in order, read in bounded chunks. */
  walk (filters: Filters, sort: Sort, cursor?: string): Generator<Item> {
    const { set, columns, ordering } = this.#query(filters, sort)
    return this.#lister.walk(set, columns, ordering, cursor, this.#definition.map)
  }

  count (filters: Filters): number {
    return this.#lister.count(this.#definition.set(filters))
  }

  facets (filters: Filters, facets: readonly Facet[], size: number): Partial<Record<Facet, FacetBucket[]>> {
    const set = this.#definition.set(filters)
    return Object.fromEntries(facets.map((facet) => [facet, this.#lister.facet(set, this.#definition.facets[facet](set), size)])) as
      Partial<Record<Facet, FacetBucket[]>>
  }

  #query (filters: Filters, sort: Sort): { set: FilteredSet, columns: string, ordering: Ordering<Row> } {
    const set = this.#definition.set(filters)
    return { set, columns: this.#definition.columns(filters), ordering: this.#definition.ordering(sort, set) }
  }
}
