import { HttpProblem, invalidBody } from '../errors.js'

// fatal: a byte sequence that is not UTF-8 is refused, never silently turned into U+FFFD.
const utf8 = new TextDecoder('utf-8', { fatal: true })

/** Decodes a body or line as strict UTF-8; `name` says what it was in the problem. */
export function decodeUtf8 (bytes: Uint8Array, name = 'body'): string {
  try {
    return utf8.decode(bytes)
  } catch {
    throw invalidBody(name, 'is not valid UTF-8 text (binary data, or another encoding: send UTF-8)')
  }
}

const UTF8_CHARSETS = new Set(['utf-8', 'utf8', 'us-ascii'])

/** A text media type may name its charset; only UTF-8 (or its ASCII subset) is taken. */
export function assertUtf8Charset (contentType: string | undefined): void {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '')?.[1]?.toLowerCase()
  if (charset !== undefined && !UTF8_CHARSETS.has(charset)) {
    throw new HttpProblem(415, `charset=${charset} is not supported: send UTF-8`)
  }
}
