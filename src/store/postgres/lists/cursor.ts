// Keyset cursors, in the format the SQLite adapter issues (src/store/sqlite/cursor.ts): the sort key
// of a page's last item, base64url JSON, opaque to clients. Kept byte for byte alike so a cursor
// issued by one store pages the other the same (test/store/postgres/lists.test.ts checks it); copied
// rather than imported because one adapter never imports another.
import { InvalidCursor } from '../../../domain/errors.js'

export type CursorKey = (string | number)[]

/** 's' a string, 'n' a safe integer, 'f' any finite number (a relevance score). */
export type CursorShape = readonly ('s' | 'n' | 'f')[]

export function encodeCursor (key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url')
}

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
