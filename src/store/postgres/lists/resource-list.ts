import type { FacetBucket, Page } from '../../../domain/resources.js'
import type { ListReader } from '../../store.js'
import type { FacetSql, FilteredSet, Lister, Ordering } from './engine.js'

/**
 * What one resource's list is, for the engine (as src/store/sqlite/resource-list.ts): the rows its
 * filters select, the columns it reads, its orders, how a row becomes an item, and its facets.
 */
export interface ListDefinition<Filters, Sort extends string, Row, Item, Facet extends string> {
  set: (filters: Filters) => FilteredSet
  columns: (filters: Filters) => string
  ordering: (sort: Sort, set: FilteredSet) => Ordering<Row>
  map: (row: Row) => Item
  facets: Record<Facet, (set: FilteredSet) => FacetSql>
}

/** A resource's list over PostgreSQL: keyset pages, a walk in chunks, the total and facets, any filters combined. */
export class ResourceList<Filters, Sort extends string, Item, Facet extends string = never, Row = unknown>
implements ListReader<Filters, Sort, Item, Facet> {
  readonly #lister: Lister
  readonly #definition: ListDefinition<Filters, Sort, Row, Item, Facet>

  constructor (lister: Lister, definition: ListDefinition<Filters, Sort, Row, Item, Facet>) {
    this.#lister = lister
    this.#definition = definition
  }

  async page (filters: Filters, sort: Sort, limit: number, cursor?: string): Promise<Page<Item>> {
    const { set, columns, ordering } = this.#query(filters, sort)
    return this.#lister.page(set, columns, ordering, limit, cursor, this.#definition.map)
  }

  /** Synchronous up to the first pull, so that a bad cursor or search throws before a stream starts. */
  walk (filters: Filters, sort: Sort, cursor?: string): AsyncGenerator<Item> {
    const { set, columns, ordering } = this.#query(filters, sort)
    return this.#lister.walk(set, columns, ordering, cursor, this.#definition.map)
  }

  async count (filters: Filters): Promise<number> {
    return this.#lister.count(this.#definition.set(filters))
  }

  async facets (filters: Filters, facets: readonly Facet[], size: number): Promise<Partial<Record<Facet, FacetBucket[]>>> {
    const set = this.#definition.set(filters)
    const buckets = await Promise.all(facets.map((facet) => this.#lister.facet(set, this.#definition.facets[facet](set), size)))
    return Object.fromEntries(facets.map((facet, i) => [facet, buckets[i]])) as Partial<Record<Facet, FacetBucket[]>>
  }

  #query (filters: Filters, sort: Sort): { set: FilteredSet, columns: string, ordering: Ordering<Row> } {
    const set = this.#definition.set(filters)
    return { set, columns: this.#definition.columns(filters), ordering: this.#definition.ordering(sort, set) }
  }
}
