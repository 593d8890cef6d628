// Keyset cursors: the sort key of the last item of a page, opaque to clients (base64url JSON).
// A page asks the index for the items after that key, never an OFFSET, so every item is seen once.

import { InvalidCursor } from '../../domain/errors.js'

export type CursorKey = (string | number)[]

export function encodeCursor (key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url')
}

/** 's' a string, 'n' a safe integer, 'f' any finite number (a relevance score). */
export type CursorShape = readonly ('s' | 'n' | 'f')[]

const fitsShape = (value: unknown, kind: 's' | 'n' | 'f'): boolean =>
  kind === 's' ? typeof value === 'string' : kind === 'n' ? Number.isSafeInteger(value) : typeof value === 'number' && Number.isFinite(value)

/** Decodes a cursor whose key must have the given shape, else throws InvalidCursor. */
export function decodeCursor (cursor: string, shape: CursorShape): CursorKey {
  let key: unknown
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw new InvalidCursor()
  }
  const fits = Array.isArray(key) && key.length === shape.length &&
    key.every((value, i) => fitsShape(value, shape[i] ?? 's'))
  if (!fits) throw new InvalidCursor()
  return key as CursorKey
}
