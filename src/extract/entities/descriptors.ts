// Stage 5c: descriptors in the narration. A descriptor that speaks ("the top Russian diplomat said")
// is resolved with the quote's source (quotes/speakers.ts); one that does not ("The top Russian
// diplomat also visited Damascus") is a mention of the person too: the latest person named before it
// whose title and nationality fit, as for a source. Only narration counts: inside quotation marks
// "the minister" may be anyone. Both ask descriptorFits, here, which persons a descriptor fits.
import { regionAt, type Doc } from '../text/document.js'
import { demonymCountry } from '../knowledge/gazetteer.js'
import { PERSON_DESCRIPTORS } from '../knowledge/lexicon.js'
import { titleWords } from '../knowledge/titles.js'
import type { Cluster } from './clusters.js'
import type { TextSpan } from '../../domain/extraction.js'

const HEADS = [...PERSON_DESCRIPTORS.keys()].join('|')
// "the" and up to three modifiers before the head word; the head must not be a title before a name
// ("the Foreign Minister Sergey Lavrov") nor open a phrase about someone else ("the minister of ...")
const DESCRIPTOR = new RegExp(`\\b[Tt]he((?:\\s+[\\p{L}’'-]+){0,3}?)\\s+(${HEADS})\\b(?!\\s+(?:\\p{Lu}|of\\b))`, 'gu')

/** Modifiers describe a person only in lower case or as a nationality ("top", "Russian"), not "White House". */
const describes = (modifiers: string): boolean =>
  modifiers.trim().split(/\s+/u).filter(Boolean).every((w) => !/^\p{Lu}/u.test(w) || demonymCountry(w) !== undefined)

/** "the top Russian diplomat": head "diplomat", nationality Russia. */
export function descriptorFits (source: TextSpan): ((c: Cluster) => boolean) | null {
  const parts = source.text.toLowerCase().split(/\s+/)
  const compatible = PERSON_DESCRIPTORS.get(parts[parts.length - 1] ?? '')
  if (!compatible || !/^(?:the|a|an)$/.test(parts[0] ?? '')) return null
  const country = parts.map((w) => demonymCountry(w)).find((c) => c !== undefined)
  return (c) => c.type === 'person' &&
    c.titles.some((t) => titleWords(t).some((w) => compatible.includes(w))) &&
    (!country || !c.nationality || c.nationality === country)
}

/** Adds each narration descriptor to the `extra` mentions of the person it refers to. */
export function linkDescriptors (doc: Doc, clusters: Cluster[]): void {
  const persons = clusters.filter((c) => c.type === 'person')
  if (persons.length === 0) return
  const taken = new Set(clusters.flatMap((c) => [...c.mentions, ...c.extra].map((m) => m.start)))
  for (const paragraph of doc.paragraphs) {
    if (paragraph.kind !== 'paragraph') continue
    for (const match of paragraph.text.matchAll(DESCRIPTOR)) {
      const start = paragraph.start + match.index
      const end = start + match[0].length
      if (!describes(match[1] ?? '') || taken.has(start) || regionAt(doc, start)) continue
      const span: TextSpan = { start, end, text: doc.text.slice(start, end) }
      const fits = descriptorFits(span)
      if (!fits) continue
      // the latest person named before it who fits; none named before: no guess
      let best: { cluster: Cluster, at: number } | null = null
      for (const cluster of persons) {
        if (!fits(cluster)) continue
        const at = Math.max(-1, ...cluster.mentions.filter((m) => m.end <= start).map((m) => m.start))
        if (at >= 0 && (!best || at > best.at)) best = { cluster, at }
      }
      if (best) { best.cluster.extra.push(span); taken.add(start) }
    }
  }
}
