/**
 * A bounded queue between a producer that reads ahead and a consumer that takes items in order,
 * so the two overlap: while the consumer works on one group of items, the producer goes on reading
 * (and, for bulk ingest, starting the parses of) the next, until `limit` items wait.
 */
export class ReadAhead<T> {
  readonly #limit: number
  #items: T[] = []
  #ended = false
  #failure: { error: unknown } | null = null
  #stopped = false
  #wakeConsumer: (() => void) | null = null
  #wakeProducer: (() => void) | null = null

  constructor (limit: number) {
    this.#limit = Math.max(1, limit)
  }

  /** Runs the producer; its failure is thrown by take() once the items before it are taken. */
  start (produce: (queue: ReadAhead<T>) => Promise<void>): void {
    produce(this).catch((error: unknown) => { this.#failure = { error } }).finally(() => {
      this.#ended = true
      this.#wake()
    })
  }

  /** Queues an item; the consumer sees it at the next room(), so what arrived together goes together. */
  push (item: T): void {
    this.#items.push(item)
  }

  /**
   * Hands what was pushed to the consumer, and resolves when there is room for more (or the
   * consumer stopped: check `stopped`).
   */
  async room (): Promise<void> {
    this.#wake()
    while (this.#items.length >= this.#limit && !this.#stopped) await new Promise<void>((resolve) => { this.#wakeProducer = resolve })
  }

  get stopped (): boolean {
    return this.#stopped
  }

  /** The next items (at least one, at most `max`, all that wait); [] once the producer is done. */
  async take (max: number): Promise<T[]> {
    while (this.#items.length === 0 && !this.#ended) await new Promise<void>((resolve) => { this.#wakeConsumer = resolve })
    if (this.#items.length === 0 && this.#failure) throw this.#failure.error
    const taken = this.#items.splice(0, max)
    this.#wakeProducer?.()
    return taken
  }

  /** The consumer is done: the producer stops at its next room(). */
  stop (): void {
    this.#stopped = true
    this.#wakeProducer?.()
  }

  #wake (): void {
    this.#wakeConsumer?.()
    this.#wakeConsumer = null
  }
}
