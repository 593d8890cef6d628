// Stage 5b: who said it. Walks the quotes in document order keeping track of the people most
// recently in focus (named outside quoted content, or speaking), and resolves each source:
// a named source to its entity, "he"/"she" to the most recent person in focus, a descriptor
// ("the top Russian diplomat", "the minister") to the most recent person whose title and
// nationality fit, and participle clauses or unattributed quoted paragraphs by inheritance.
import { demonymCountry } from './gazetteer.js'
import { PERSON_DESCRIPTORS, PERSON_PRONOUNS, PLURAL_PRONOUNS } from './lexicon.js'
import type { RawQuote } from './quote-model.js'
import type { Cluster } from './resolve.js'
import { titleWords } from './titles.js'
import type { Span, TextSpan } from './types.js'

interface Focus { offset: number, cluster: Cluster }

const inside = (spans: Span[], offset: number): boolean => spans.some((s) => offset >= s.start && offset < s.end)

/** Person mentions outside any quote's content: the people the narration is about. */
function narrationFocus (clusters: Cluster[], quotes: RawQuote[]): Focus[] {
  const content = quotes.flatMap((q) => q.spans)
  return clusters.filter((c) => c.type === 'person')
    .flatMap((cluster) => cluster.mentions.filter((m) => !inside(content, m.start)).map((m) => ({ offset: m.start, cluster })))
}

function latestBefore (focus: Focus[], offset: number, fits: (c: Cluster) => boolean): Cluster | null {
  let best: Focus | null = null
  for (const f of focus) if (f.offset < offset && fits(f.cluster) && (!best || f.offset > best.offset)) best = f
  return best?.cluster ?? null
}

/** "the top Russian diplomat": head "diplomat", nationality Russia. */
function descriptorFits (source: TextSpan): ((c: Cluster) => boolean) | null {
  const parts = source.text.toLowerCase().split(/\s+/)
  const compatible = PERSON_DESCRIPTORS.get(parts[parts.length - 1] ?? '')
  if (!compatible || !/^(?:the|a|an)$/.test(parts[0] ?? '')) return null
  const country = parts.map((w) => demonymCountry(w)).find((c) => c !== undefined)
  return (c) => c.type === 'person' &&
    c.titles.some((t) => titleWords(t).some((w) => compatible.includes(w))) &&
    (!country || !c.nationality || c.nationality === country)
}

interface Resolution { cluster: Cluster | null, descriptor: boolean }

function resolveSource (source: TextSpan, clusters: Cluster[], focus: Focus[]): Resolution {
  const named = clusters
    .flatMap((c) => c.mentions.filter((m) => m.start >= source.start && m.end <= source.end).map((m) => ({ m, c })))
    .sort((a, b) => b.m.end - a.m.end)[0]
  if (named) return { cluster: named.c, descriptor: false }
  const word = source.text.toLowerCase()
  if (PERSON_PRONOUNS.has(word)) return { cluster: latestBefore(focus, source.start, () => true), descriptor: false }
  if (PLURAL_PRONOUNS.has(word)) return { cluster: null, descriptor: false }
  const fits = descriptorFits(source)
  const cluster = fits ? latestBefore(focus, source.start, fits) ?? clusters.find(fits) ?? null : null
  return { cluster, descriptor: !!cluster }
}

/** Resolves every quote's speaker; returns the speaker cluster per quote (same order). */
export function resolveSpeakers (quotes: RawQuote[], clusters: Cluster[]): (Cluster | null)[] {
  const focus = narrationFocus(clusters, quotes)
  const speakers = new Map<RawQuote, Cluster | null>()
  let lastSpeaker: Cluster | null = null
  for (const q of quotes) {
    let speaker: Cluster | null = null
    if (q.hint === 'clause') speaker = q.parent ? speakers.get(q.parent) ?? null : null
    else if (q.hint === 'previous') speaker = lastSpeaker
    else if (q.source) {
      const r = resolveSource(q.source, clusters, focus)
      speaker = r.cluster
      if (r.cluster && r.descriptor) r.cluster.extra.push(q.source)
    }
    if (speaker && q.source) focus.push({ offset: q.source.start, cluster: speaker })
    if (speaker) lastSpeaker = speaker
    speakers.set(q, speaker)
  }
  return quotes.map((q) => speakers.get(q) ?? null)
}
