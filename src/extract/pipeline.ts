// The extraction pipeline: segment → sentences/tokens → entity mentions → quotes → entities and
// speakers. Every stage is a pure function of the text and the earlier stages' output.
import { linkDescriptors } from './entities/descriptors.js'
import { buildDoc } from './text/document.js'
import { findMentions } from './entities/find-mentions.js'
import { findQuotes } from './quotes/find-quotes.js'
import type { RawQuote } from './quotes/raw-quote.js'
import { clusterMentions, toEntity, type Cluster } from './entities/clusters.js'
import { segment, type Segmented } from './text/segment.js'
import { resolveSpeakers } from './quotes/speakers.js'
import type { ExtractedQuote, ParsedArticle, Span, TextSpan } from '../domain/extraction.js'

const LEDE_FALLBACK_CHARS = 200

const slicesTo = (text: string, s: TextSpan): boolean =>
  Number.isInteger(s.start) && Number.isInteger(s.end) && s.start <= s.end && text.slice(s.start, s.end) === s.text

/**
 * A quote that takes its speaker from elsewhere (a participle clause, a quoted paragraph after an
 * attributed one) points at the words that name that speaker: its parent's source, or the speaker's
 * nearest mention before the quote.
 */
function inheritedSource (q: RawQuote, speaker: Cluster | null): TextSpan | null {
  if (q.parent?.source) return q.parent.source
  if (!speaker) return null
  const start = q.spans[0]?.start ?? 0
  const before = [...speaker.mentions, ...speaker.extra].filter((m) => m.end <= start).sort((a, b) => b.end - a.end)[0]
  return before ? { start: before.start, end: before.end, text: before.text } : null
}

/** The parse's dek, byline, dateline (its parts as written) and trailer spans, from the segmentation. */
function frontMatterOf (s: Pick<Segmented, 'dek' | 'byline' | 'dateline' | 'trailer'>): Pick<ParsedArticle, 'dek' | 'byline' | 'dateline' | 'trailer'> {
  const d = s.dateline
  return {
    dek: s.dek?.text ?? null,
    byline: s.byline?.text ?? null,
    dateline: d ? { text: d.text, place: d.place, agency: d.agency, date: d.date } : null,
    trailer: s.trailer
  }
}

/** The full parse; may throw on a bug. Exported for tests, which should see failures. */
export function parseArticleStrict (text: string): ParsedArticle {
  const segmented = segment(text)
  const { title, paragraphs } = segmented
  const doc = buildDoc(text, title, paragraphs)
  const mentions = findMentions(doc)
  const raw = findQuotes(doc)
  const sourceOffsets = new Set(raw.flatMap((q) => (q.source ? [q.source.start] : [])))
  const clusters = clusterMentions(mentions, sourceOffsets)
  const speakers = resolveSpeakers(raw, clusters)
  const quotes: ExtractedQuote[] = raw.map((q, i) => ({
    text: q.spans.map((s: Span) => text.slice(s.start, s.end)).join(' '),
    kind: q.kind,
    spans: q.spans.map(({ start, end }) => ({ start, end })),
    cue: q.cue,
    source: q.source ?? inheritedSource(q, speakers[i] ?? null),
    speakerId: speakers[i]?.id ?? null,
    paragraph: q.paragraph,
  }))
  // after the quotes: a narration descriptor is a mention of its person, not a source for an inherited quote
  linkDescriptors(doc, clusters)
  const entities = clusters.map(toEntity).sort((a, b) => (a.mentions[0]?.start ?? 0) - (b.mentions[0]?.start ?? 0))
  const lede = paragraphs.find((p) => p.kind === 'paragraph')?.text ?? text.trim().slice(0, LEDE_FALLBACK_CHARS)
  return {
    title: title?.text ?? null,
    titleSpan: title ? { start: title.start, end: title.end } : null,
    ...frontMatterOf(segmented),
    lede,
    paragraphs,
    entities: entities.map((e) => ({ ...e, mentions: e.mentions.filter((m) => slicesTo(text, m)) })),
    quotes: quotes.filter((q) => (!q.cue || slicesTo(text, q.cue)) && (!q.source || slicesTo(text, q.source))),
  }
}

/**
 * Never throws: the API stores whatever comes back, so a bug in a late stage must not lose the
 * article. On failure the segmentation alone is returned (no entities or quotes).
 */
export function parseArticle (text: string): ParsedArticle {
  const input = typeof text === 'string' ? text : String(text ?? '')
  try {
    return parseArticleStrict(input)
  } catch {
    try {
      const segmented = segment(input)
      const { title, paragraphs } = segmented
      const lede = paragraphs[0]?.text ?? input.trim().slice(0, LEDE_FALLBACK_CHARS)
      return { title: title?.text ?? null, titleSpan: title ? { start: title.start, end: title.end } : null, ...frontMatterOf(segmented), lede, paragraphs, entities: [], quotes: [] }
    } catch {
      return { title: null, titleSpan: null, dek: null, byline: null, dateline: null, trailer: [], lede: input.slice(0, LEDE_FALLBACK_CHARS), paragraphs: [], entities: [], quotes: [] }
    }
  }
}
