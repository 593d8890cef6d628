import { Readable } from 'node:stream'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { CSV, NDJSON } from '../../schemas/query.js'

export type ListFormat = 'json' | 'ndjson' | 'csv'

const FORMATS: Record<string, ListFormat> = {
  'application/json': 'json',
  'application/*': 'json',
  '*/*': 'json',
  [NDJSON]: 'ndjson',
  'application/jsonl': 'ndjson',
  [CSV]: 'csv',
  'text/*': 'csv'
}

/** The format the Accept header prefers (by q-value, then order); JSON when it names none we make. */
export function listFormatOf (request: FastifyRequest): ListFormat {
  const accept = request.headers.accept
  // most clients send one of these (or none): no need to parse them
  if (accept === undefined || accept === '*/*' || accept === 'application/json') return 'json'
  const ranges = accept.split(',').map((part, order) => {
    const [type = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase())
    const q = Number(params.find((p) => p.startsWith('q='))?.slice(2) ?? 1)
    return { type, q: Number.isFinite(q) ? q : 0, order }
  }).filter((range) => range.q > 0 && FORMATS[range.type] !== undefined)
  ranges.sort((a, b) => b.q - a.q || a.order - b.order)
  return ranges[0] ? FORMATS[ranges[0].type] ?? 'json' : 'json'
}

/** A CSV column: its header, the item field it comes from (for `fields=`), and how to read it. */
export interface CsvColumn<T> {
  header: string
  field: string
  value: (item: T) => string | number | null | undefined
}

function csvCell (value: string | number | null | undefined): string {
  if (value === null || value === undefined) return ''
  const text = String(value)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

// Lines are gathered into chunks of about this many characters: one write per row would cost more
// in stream overhead than the row itself.
const FLUSH_AT = 64 * 1024

/** The lines of a stream in chunks: one write per row would cost more in stream overhead than the row. */
function * chunked<T> (items: Iterable<T>, line: (item: T) => string, header: string): Generator<string> {
  let buffer = header
  for (const item of items) {
    buffer += line(item)
    if (buffer.length >= FLUSH_AT) { yield buffer; buffer = '' }
  }
  if (buffer) yield buffer
}

/**
 * The same for a store that reads asynchronously (over a pool): its walk is an async iterable, read in
 * chunks the same way. A synchronous walk keeps the synchronous path, which costs no promise per row.
 */
async function * chunkedAsync<T> (items: AsyncIterable<T>, line: (item: T) => string, header: string): AsyncGenerator<string> {
  let buffer = header
  for await (const item of items) {
    buffer += line(item)
    if (buffer.length >= FLUSH_AT) { yield buffer; buffer = '' }
  }
  if (buffer) yield buffer
}

const isAsync = <T>(items: AsyncIterable<T> | Iterable<T>): items is AsyncIterable<T> => Symbol.asyncIterator in items

/**
 * Streams a whole list as NDJSON or CSV. `items` is lazy (the store reads it in bounded chunks as
 * the client reads), so memory stays flat whatever the result's size.
 */
export function sendStream<T> (reply: FastifyReply, format: 'ndjson' | 'csv', items: Iterable<T> | AsyncIterable<T>,
  options: { fields: readonly string[] | undefined, project: (item: T) => unknown, columns: CsvColumn<T>[] }): FastifyReply {
  const { fields, project } = options
  const columns = fields ? options.columns.filter((c) => c.field === 'id' || fields.includes(c.field)) : options.columns
  const [line, header] = format === 'ndjson'
    ? [(item: T) => `${JSON.stringify(project(item))}\n`, '']
    : [(item: T) => `${columns.map((c) => csvCell(c.value(item))).join(',')}\r\n`, `${columns.map((c) => csvCell(c.header)).join(',')}\r\n`]
  varyOnAccept(reply)
  reply.type(format === 'ndjson' ? NDJSON : `${CSV}; charset=utf-8; header=present`)
  const chunks = isAsync(items) ? chunkedAsync(items, line, header) : chunked(items, line, header)
  return reply.send(Readable.from(chunks, { objectMode: false }))
}

/** Adds `Accept` to Vary, keeping what other plugins put there (CORS's Origin). */
export function varyOnAccept (reply: FastifyReply): void {
  const current = reply.getHeader('vary')
  const values = current === undefined ? [] : String(current).split(',').map((v) => v.trim()).filter(Boolean)
  if (!values.some((v) => v.toLowerCase() === 'accept')) reply.header('vary', [...values, 'Accept'].join(', '))
}

/** Keeps `fields` of an item (and always its id), or the whole item when no fields were asked for. */
export function projector<T extends { id: string }> (fields: readonly string[] | undefined): (item: T) => Partial<T> & { id: string } {
  if (!fields) return (item) => item
  const keep = new Set(['id', ...fields])
  return (item) => Object.fromEntries(Object.entries(item).filter(([key]) => keep.has(key))) as Partial<T> & { id: string }
}
