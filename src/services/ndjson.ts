/** One line of an NDJSON stream, without its line ending. */
export interface RawLine {
  /** From 1. */
  number: number
  /** The line's bytes; null when it ran past the limit and was dropped unread. */
  bytes: Buffer | null
}

const NEWLINE = 0x0a
const CARRIAGE_RETURN = 0x0d

/**
 * Splits a byte stream into lines, handing over the lines each chunk completes as one array, so a
 * caller can batch what has arrived and write it before waiting for more. Memory stays bounded:
 * a line is held only up to `maxLineBytes`; past that it is dropped as it streams by and reported
 * with `bytes: null`. Pulling from `source` only when asked keeps TCP backpressure intact.
 */
export async function * splitLines (source: AsyncIterable<Buffer | string>, maxLineBytes: number): AsyncGenerator<RawLine[]> {
  let parts: Buffer[] = []
  let held = 0
  let overflow = false
  let number = 0
  const finish = (tail: Buffer): RawLine => {
    number++
    if (overflow || held + tail.length > maxLineBytes) return { number, bytes: null }
    let bytes = parts.length ? Buffer.concat([...parts, tail]) : tail
    if (bytes.at(-1) === CARRIAGE_RETURN) bytes = bytes.subarray(0, -1)
    return { number, bytes }
  }
  for await (const chunk of source) {
    const data = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk
    const lines: RawLine[] = []
    let start = 0
    for (let end = data.indexOf(NEWLINE); end !== -1; end = data.indexOf(NEWLINE, start)) {
      lines.push(finish(data.subarray(start, end)))
      parts = []
      held = 0
      overflow = false
      start = end + 1
    }
    const rest = data.subarray(start)
    if (!overflow && held + rest.length > maxLineBytes) {
      overflow = true
      parts = []
    }
    if (!overflow && rest.length) {
      // copy: the chunk's buffer may be pooled and reused by the stream
      parts.push(Buffer.from(rest))
      held += rest.length
    }
    if (lines.length) yield lines
  }
  if (held > 0 || overflow) yield [finish(Buffer.alloc(0))]
}
