// Transcripts: a paragraph opening with a speaker's label in capitals and a colon ("PENCE: Well,
// look, …", '"WALLACE: Let's start …', "MR. SMITH: …") is one turn, said by that speaker: the
// whole rest of the paragraph is its content, as news annotation marks it, and no other quote is
// found inside it (each word is in at most one attribution).
import type { Doc } from '../text/document.js'
import { textSpan, type RawQuote } from './raw-quote.js'
import type { Span } from '../../domain/extraction.js'

// An opening mark, then one to four words of capitals ("PENCE", "MR. SMITH", "O'REILLY"), then ":".
const LABEL = /^(["“]?\s*)(\p{Lu}[\p{Lu}.'’-]+(?: \p{Lu}[\p{Lu}.'’-]*){0,3}):[ \t\u00a0]+(?=\S)/u

// Labels that head a notice, not a turn of speech.
const NOT_SPEAKERS = new Set(['UPDATE', 'UPDATED', 'BREAKING', 'WATCH', 'NOTE', 'EDITOR’S NOTE', "EDITOR'S NOTE", 'CORRECTION',
  'RELATED', 'READ MORE', 'VIDEO', 'PHOTO', 'PHOTOS', 'LISTEN', 'SOURCE', 'SOURCES', 'WARNING', 'DISCLAIMER', 'FACT CHECK',
  'CLAIM', 'VERDICT', 'RATING', 'WASHINGTON', 'NEW YORK', 'TRANSCRIPT', 'AP', 'UPI', 'AFP', 'REUTERS'])

const CLOSING = /["”]\s*$/u

interface Turn { label: Span, colon: Span, content: Span, paragraph: number }

function turnOf (doc: Doc, paragraph: number): Turn | null {
  const p = doc.paragraphs[paragraph]
  if (!p || p.kind !== 'paragraph') return null
  const text = doc.text.slice(p.start, p.end)
  const m = LABEL.exec(text)
  if (!m || NOT_SPEAKERS.has(m[2] ?? '')) return null
  const labelStart = p.start + (m[1]?.length ?? 0)
  const labelEnd = labelStart + (m[2]?.length ?? 0)
  // a turn quoted whole ('"PENCE: … ."') keeps its words, not the closing mark of the paragraph
  const end = p.start + text.replace(/\s+$/u, '').length - (m[1]?.trim() && CLOSING.test(text) ? 1 : 0)
  const start = p.start + m[0].length
  return end > start ? { label: { start: labelStart, end: labelEnd }, colon: { start: labelEnd, end: labelEnd + 1 }, content: { start, end }, paragraph: p.index } : null
}

/** The turns of a transcript: only where two paragraphs or more open with a speaker's label. */
export function transcriptTurns (doc: Doc): RawQuote[] {
  const turns = doc.paragraphs.map((_, i) => turnOf(doc, i)).filter((t): t is Turn => t !== null)
  if (turns.length < 2) return []
  // the label's colon is in the paragraph's first sentence
  const firstSentence = new Map<number, number>()
  doc.sentences.forEach((s, i) => { if (!firstSentence.has(s.paragraph)) firstSentence.set(s.paragraph, i) })
  return turns.map((t) => ({
    kind: 'direct',
    spans: [t.content],
    cue: textSpan(doc, t.colon.start, t.colon.end),
    source: textSpan(doc, t.label.start, t.label.end),
    paragraph: t.paragraph,
    sentence: firstSentence.get(t.paragraph) ?? 0,
    hint: 'source',
    parent: null,
  }))
}
