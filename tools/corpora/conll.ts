// CoNLL-2003 files (one token a line, tag last; blank lines between sentences; -DOCSTART- between
// documents) as documents of our own: each document's text is its sentences' tokens joined by
// spaces, one sentence a line, and each line is a paragraph. The tagger then reads our tokenizer's
// tokens and sentences, as it does in the API.
import { buildDoc, type Doc } from '../../src/extract/text/document.js'
import type { Paragraph } from '../../src/domain/extraction.js'
import type { NerType } from '../../src/extract/entities/ner-labels.js'

export interface ConllToken { word: string, tag: string, start: number, end: number }

/** One input line: a token, a blank line or a -DOCSTART- line. */
export type ConllLine = { kind: 'token', doc: number, index: number } | { kind: 'blank' | 'docstart' }

export interface ConllDoc {
  text: string
  tokens: ConllToken[]
  /** Gold entities as character spans of `text`. */
  entities: { start: number, end: number, type: NerType }[]
}

export function readConll (content: string): { lines: ConllLine[], docs: ConllDoc[] } {
  const lines: ConllLine[] = []
  const docs: ConllDoc[] = []
  let sentences: string[][] = []
  let current: string[] = []
  let tags: string[] = []
  const endSentence = (): void => { if (current.length) sentences.push(current); current = [] }
  const endDoc = (): void => {
    endSentence()
    if (sentences.length) docs.push(docOf(sentences, tags))
    sentences = []
    tags = []
  }
  for (const raw of content.split(/\r?\n/)) {
    const parts = raw.trim().split(/\s+/)
    if (!raw.trim()) { endSentence(); lines.push({ kind: 'blank' }); continue }
    if (parts[0] === '-DOCSTART-') { endDoc(); lines.push({ kind: 'docstart' }); continue }
    current.push(parts[0] as string)
    tags.push(parts.length > 1 ? parts[parts.length - 1] as string : 'O')
    lines.push({ kind: 'token', doc: docs.length, index: tags.length - 1 })
  }
  endDoc()
  return { lines, docs }
}

function docOf (sentences: string[][], tags: string[]): ConllDoc {
  const tokens: ConllToken[] = []
  const out: string[] = []
  let offset = 0
  for (const words of sentences) {
    const line = words.join(' ')
    let start = offset
    for (const word of words) {
      tokens.push({ word, tag: tags[tokens.length] ?? 'O', start, end: start + word.length })
      start += word.length + 1
    }
    out.push(line)
    offset += line.length + 1
  }
  return { text: out.join('\n'), tokens, entities: entitiesOf(tokens) }
}

/** conlleval's chunks: B-X opens one, and so does I-X after O or after another type. */
function entitiesOf (tokens: ConllToken[]): ConllDoc['entities'] {
  const entities: ConllDoc['entities'] = []
  let open: ConllDoc['entities'][number] | null = null
  let lastEnd = -1
  for (const t of tokens) {
    const type = t.tag === 'O' ? null : t.tag.slice(2) as NerType
    const sameLine = lastEnd >= 0 && t.start === lastEnd + 1
    if (!type) open = null
    else if (t.tag.startsWith('B') || !open || open.type !== type || !sameLine) { open = { start: t.start, end: t.end, type }; entities.push(open) }
    else open.end = t.end
    lastEnd = t.end
  }
  return entities
}

/** Our document for a CoNLL document's text: no title, one paragraph a line. */
export function conllDoc (text: string): Doc {
  const paragraphs: Paragraph[] = []
  let start = 0
  for (const line of text.split('\n')) {
    paragraphs.push({ start, end: start + line.length, text: line, index: paragraphs.length, kind: 'paragraph' })
    start += line.length + 1
  }
  return buildDoc(text, null, paragraphs)
}
