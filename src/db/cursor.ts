// Keyset cursors: the sort key of the last item of a page, opaque to clients (base64url JSON).
// A page asks the index for the items after that key, never an OFFSET, so every item is seen once.

export type CursorKey = (string | number)[]

export class InvalidCursorError extends Error {
  constructor () {
    super('is not a cursor this list issued')
    this.name = 'InvalidCursorError'
  }
}

export function encodeCursor (key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url')
}

/** Decodes a cursor whose key must have the given shape ('s' string, 'n' integer), else throws InvalidCursorError. */
export function decodeCursor (cursor: string, shape: readonly ('s' | 'n')[]): CursorKey {
  let key: unknown
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw new InvalidCursorError()
  }
  const fits = Array.isArray(key) && key.length === shape.length &&
    key.every((value, i) => shape[i] === 's' ? typeof value === 'string' : Number.isSafeInteger(value))
  if (!fits) throw new InvalidCursorError()
  return key as CursorKey
}

export interface Page<T> {
  items: T[]
  /** Cursor of the next page, or null when this one is the last. */
  next: string | null
}

/** Turns `limit + 1` fetched rows into a page: the extra row only says that there is more. */
export function toPage<Row, T> (rows: Row[], limit: number, map: (row: Row) => T, keyOf: (row: Row) => CursorKey): Page<T> {
  const more = rows.length > limit
  const kept = more ? rows.slice(0, limit) : rows
  const last = kept.at(-1)
  return { items: kept.map(map), next: more && last !== undefined ? encodeCursor(keyOf(last)) : null }
}
