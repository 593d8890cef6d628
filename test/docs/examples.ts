// The examples in the docs, read from their markdown, and the matcher that checks a shown answer.
//
// An example is two fenced blocks, one right after the other (prose between them is allowed):
//
//   1. the request, info string `http` (run against a fresh app seeded as `npm start` seeds it) or
//      `http corpus` (run against the tests' generated corpus of 300 articles, test/corpus.ts):
//      the request line `METHOD /path?query` (sent as written: encode it as a client must), then
//      optional `Name: value` header lines, then a blank line and the body, if any.
//   2. the answer, info string `json`, `ndjson` or `csv` (also `text`, compared as lines):
//      optionally a status line `HTTP/1.1 201 Created` and `name: value` header lines, then a blank
//      line, then the body. Without a status line the answer must be a 200.
//
// A shown answer may leave things out, so long as it says where:
//   - a string holding `…` is a pattern: `…` stands for any text (`"Russia is…"` matches by prefix,
//     `"/quotes?limit=2&cursor=…"` any cursor);
//   - `"<id>"` and `"<time>"` match any string and any ISO 8601 time (ids and creation times change);
//   - an object matches when each shown key matches; its other keys are allowed only if it shows
//     `"…": "…"` (so `{"id": "<id>", "…": "…"}` is "an object with an id and more");
//   - an array matches item by item; a last item `"…"` allows more items after those shown;
//   - in `ndjson` and `csv` answers each shown line matches one real line (ndjson lines as JSON, as
//     above; csv and text lines as patterns) and a last line `…` allows more lines;
//   - an answer block holding only the status line (and headers) says the body is empty;
//   - a shown header's value is a pattern too; headers not shown are not checked.
// Blocks of a file run in order against one app per dataset, so a write is seen by the blocks after it.

export const ELLIPSIS = '…'

/** The key the docs' write examples send: the docs say to start the server with API_KEYS set to it. */
export const DOCS_KEY = 'example-key-0123456789abcdef'

export type Dataset = 'seed' | 'corpus'
export type AnswerFormat = 'json' | 'ndjson' | 'csv' | 'text'

export interface Example {
  /** Where the request block starts, for messages: `docs/api.md:120`. */
  where: string
  dataset: Dataset
  method: string
  url: string
  headers: Record<string, string>
  body: string | undefined
  answer: {
    format: AnswerFormat
    status: number
    headers: Record<string, string>
    body: string
  }
}

interface Fence { info: string, lines: string[], line: number }

/** Every fenced block of a markdown text (``` or ~~~, at least three), with its info string and first line. */
export function fencesOf (markdown: string): Fence[] {
  const fences: Fence[] = []
  const lines = markdown.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})(.*)$/.exec(lines[i] ?? '')
    if (!open) continue
    const [, , marker = '```', info = ''] = open
    const body: string[] = []
    let j = i + 1
    for (; j < lines.length; j++) {
      const line = lines[j] ?? ''
      if (line.trim().startsWith(marker) && line.trim().replace(/[`~]/g, '') === '') break
      body.push(line)
    }
    fences.push({ info: info.trim(), lines: body, line: i + 1 })
    i = j
  }
  return fences
}

const ANSWER_FORMATS = new Set<string>(['json', 'ndjson', 'csv', 'text'])

/** Splits `Name: value` lines off the top of `lines`, up to a blank line; the rest is the body. */
function headersAndBody (lines: string[], where: string): { headers: Record<string, string>, body: string | undefined } {
  const headers: Record<string, string> = {}
  let i = 0
  for (; i < lines.length && (lines[i] ?? '').trim() !== ''; i++) {
    const header = /^([A-Za-z0-9-]+):\s?(.*)$/.exec(lines[i] ?? '')
    if (!header) throw new Error(`${where}: "${lines[i]}" is not a header line (put a blank line before the body)`)
    headers[(header[1] ?? '').toLowerCase()] = header[2] ?? ''
  }
  const rest = lines.slice(i + 1)
  return { headers, body: i < lines.length ? rest.join('\n') : undefined }
}

/** The examples of a markdown file (`file` names it in messages); a request block without an answer is an error. */
export function examplesOf (markdown: string, file: string): Example[] {
  const fences = fencesOf(markdown)
  const examples: Example[] = []
  for (let f = 0; f < fences.length; f++) {
    const fence = fences[f] as Fence
    const [lang, dataset = 'seed', ...extra] = fence.info.split(/\s+/)
    if (lang !== 'http') continue
    const where = `${file}:${fence.line}`
    if (extra.length || (dataset !== 'seed' && dataset !== 'corpus')) throw new Error(`${where}: the info string must be "http" or "http corpus", not "${fence.info}"`)
    const request = /^([A-Z]+) (\/\S*)$/.exec(fence.lines[0] ?? '')
    if (!request) throw new Error(`${where}: the first line must be "METHOD /path", not "${fence.lines[0]}"`)
    const { headers, body } = headersAndBody(fence.lines.slice(1), where)

    const next = fences[f + 1]
    const format = next?.info.split(/\s+/)[0] ?? ''
    if (!next || !ANSWER_FORMATS.has(format)) throw new Error(`${where}: a request block must be followed by its answer in a json, ndjson, csv or text block`)
    f++
    let answerLines = next.lines
    let status = 200
    let answerHeaders: Record<string, string> = {}
    const statusLine = /^HTTP\/1\.1 (\d{3})\b/.exec(answerLines[0] ?? '')
    if (statusLine) {
      status = Number(statusLine[1])
      const parsed = headersAndBody(answerLines.slice(1), `${file}:${next.line}`)
      answerHeaders = parsed.headers
      answerLines = (parsed.body ?? '').split('\n')
    }
    examples.push({
      where,
      dataset: dataset as Dataset,
      method: request[1] ?? 'GET',
      url: request[2] ?? '/',
      headers,
      body,
      answer: { format: format as AnswerFormat, status, headers: answerHeaders, body: answerLines.join('\n').trim() }
    })
  }
  return examples
}

function escapeRegExp (text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Whether a real string matches a shown one: `<id>`, `<time>`, `…` as "any text", else equal. */
export function matchesString (shown: string, real: string): boolean {
  if (shown === '<id>') return true
  if (shown === '<time>') return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(real)
  if (!shown.includes(ELLIPSIS)) return shown === real
  const pattern = shown.split(ELLIPSIS).map(escapeRegExp).join('[\\s\\S]*')
  return new RegExp(`^${pattern}$`).test(real)
}

const show = (value: unknown): string => {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 120 ? `${text.slice(0, 117)}...` : text
}

/** What differs between a shown JSON value and the real one, as `path: shown … real …` lines; none when it matches. */
export function mismatches (shown: unknown, real: unknown, path = '$'): string[] {
  if (typeof shown === 'string') {
    return typeof real === 'string' && matchesString(shown, real) ? [] : [`${path}: shown ${show(shown)}, real ${show(real)}`]
  }
  if (Array.isArray(shown)) {
    if (!Array.isArray(real)) return [`${path}: shown an array, real ${show(real)}`]
    const more = shown.length > 0 && shown[shown.length - 1] === ELLIPSIS
    const items = more ? shown.slice(0, -1) : shown
    const problems: string[] = []
    if (more ? real.length < items.length : real.length !== items.length) {
      problems.push(`${path}: shown ${items.length}${more ? ' or more' : ''} items, real ${real.length}`)
    }
    items.forEach((item, i) => { if (i < real.length) problems.push(...mismatches(item, real[i], `${path}[${i}]`)) })
    return problems
  }
  if (shown !== null && typeof shown === 'object') {
    if (real === null || typeof real !== 'object' || Array.isArray(real)) return [`${path}: shown an object, real ${show(real)}`]
    const shownObject = shown as Record<string, unknown>
    const realObject = real as Record<string, unknown>
    const more = shownObject[ELLIPSIS] === ELLIPSIS
    const problems: string[] = []
    for (const [key, value] of Object.entries(shownObject)) {
      if (key === ELLIPSIS && more) continue
      if (!(key in realObject)) problems.push(`${path}.${key}: shown, but the real answer has no such key`)
      else problems.push(...mismatches(value, realObject[key], `${path}.${key}`))
    }
    if (!more) {
      const extra = Object.keys(realObject).filter((key) => !(key in shownObject))
      if (extra.length) problems.push(`${path}: the real answer has keys not shown (${extra.join(', ')}): show them or add "…": "…"`)
    }
    return problems
  }
  return Object.is(shown, real) ? [] : [`${path}: shown ${show(shown)}, real ${show(real)}`]
}

/** What differs between a shown answer body and the real one, by the answer's format. */
export function bodyMismatches (format: AnswerFormat, shown: string, real: string): string[] {
  // an answer shown without a body (a 204, a 304) has none
  if (shown === '') return real === '' ? [] : [`shown no body, real ${show(real)}`]
  if (format === 'json') {
    let realValue: unknown
    try {
      realValue = JSON.parse(real)
    } catch {
      return [`the real answer is not JSON: ${show(real)}`]
    }
    return mismatches(JSON.parse(shown), realValue)
  }
  const shownLines = shown.split('\n').map((line) => line.trimEnd())
  const realLines = real.split(/\r?\n/)
  if (realLines[realLines.length - 1] === '') realLines.pop()
  const more = shownLines[shownLines.length - 1] === ELLIPSIS
  const lines = more ? shownLines.slice(0, -1) : shownLines
  const problems: string[] = []
  if (more ? realLines.length < lines.length : realLines.length !== lines.length) {
    problems.push(`shown ${lines.length}${more ? ' or more' : ''} lines, real ${realLines.length}`)
  }
  lines.forEach((line, i) => {
    const realLine = realLines[i]
    if (realLine === undefined) return
    if (format === 'ndjson') {
      let realValue: unknown
      try {
        realValue = JSON.parse(realLine)
      } catch {
        problems.push(`line ${i + 1}: the real line is not JSON: ${show(realLine)}`)
        return
      }
      problems.push(...mismatches(JSON.parse(line), realValue, `line ${i + 1}`))
    } else if (!matchesString(line, realLine)) {
      problems.push(`line ${i + 1}: shown ${show(line)}, real ${show(realLine)}`)
    }
  })
  return problems
}
