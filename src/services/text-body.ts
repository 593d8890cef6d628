import { InvalidContent, UnreadableContent } from '../domain/errors.js'

// fatal: a byte sequence that is not UTF-8 is refused, never silently turned into U+FFFD.
const utf8 = new TextDecoder('utf-8', { fatal: true })

/** Decodes a body or line as strict UTF-8; `name` says what it was in the problem. */
export function decodeUtf8 (bytes: Uint8Array, name = 'body'): string {
  try {
    return utf8.decode(bytes)
  } catch {
    throw new InvalidContent(name, 'is not valid UTF-8 text (binary data, or another encoding: send UTF-8)')
  }
}

const UTF8_CHARSETS = new Set(['utf-8', 'utf8', 'us-ascii'])

/**
 * Refuses (415) a body this service cannot read as sent: a charset other than UTF-8 (or its ASCII
 * subset) or a content coding such as gzip, which would otherwise reach the parsers as garbage.
 */
export function assertReadableBody (headers: { 'content-type'?: string | undefined, 'content-encoding'?: string | undefined }): void {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(headers['content-type'] ?? '')?.[1]?.toLowerCase()
  if (charset !== undefined && !UTF8_CHARSETS.has(charset)) {
    throw new UnreadableContent(`charset=${charset} is not supported: send UTF-8`)
  }
  const encoding = headers['content-encoding']?.trim().toLowerCase()
  if (encoding && encoding !== 'identity') {
    throw new UnreadableContent(`Content-Encoding ${encoding} is not supported: send the body uncompressed`)
  }
}
