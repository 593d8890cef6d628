// Stage 5b: who said it. Walks the quotes in document order keeping track of the people most
// recently in focus (named outside quoted content, or speaking), and resolves each source:
// a named source to its entity, "he"/"she" to the most recent person in focus, a descriptor
// ("the top Russian diplomat", "the minister") to the most recent person whose title and
// nationality fit, and participle clauses or unattributed quoted paragraphs by inheritance.
import { PERSON_PRONOUNS, PLURAL_PRONOUNS } from '../knowledge/lexicon.js'
import type { RawQuote } from './raw-quote.js'
import type { Mention } from '../entities/mention.js'
import type { Cluster } from '../entities/clusters.js'
import { descriptorFits } from '../entities/descriptors.js'
import type { Span, TextSpan } from '../../domain/extraction.js'

interface Focus { offset: number, cluster: Cluster }

/**
 * Whether an offset lies inside any of the spans: sorted by start with a running maximum of their
 * ends, one binary search per offset (a scan of every quote per mention went quadratic).
 */
function insideAny (spans: Span[]): (offset: number) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start)
  const maxEnd: number[] = []
  sorted.forEach((s, i) => maxEnd.push(Math.max(s.end, maxEnd[i - 1] ?? -Infinity)))
  return (offset) => {
    let lo = 0
    let hi = sorted.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if ((sorted[mid]?.start ?? Infinity) <= offset) lo = mid + 1
      else hi = mid
    }
    return (maxEnd[lo - 1] ?? -Infinity) > offset
  }
}

/** Person mentions outside any quote's content: the people the narration is about. */
function narrationFocus (clusters: Cluster[], quotes: RawQuote[]): Focus[] {
  const inside = insideAny(quotes.flatMap((q) => q.spans))
  return clusters.filter((c) => c.type === 'person')
    .flatMap((cluster) => cluster.mentions.filter((m) => !inside(m.start)).map((m) => ({ offset: m.start, cluster })))
}

interface Named { m: Mention, c: Cluster }

/** Every cluster's mentions sorted by start, for finding those inside a source phrase. */
function mentionIndex (clusters: Cluster[]): Named[] {
  return clusters.flatMap((c) => c.mentions.map((m) => ({ m, c }))).sort((a, b) => a.m.start - b.m.start)
}

/**
 * Focus entries sorted by offset, ties in insertion order, so the latest one before an offset is
 * found by a binary search and a short walk back (a scan of all of them per quote went quadratic).
 */
class FocusList {
  private readonly items: Focus[]

  /** `initial` in insertion order; the sort is stable, so ties keep it. */
  constructor (initial: Focus[]) {
    this.items = [...initial].sort((a, b) => a.offset - b.offset)
  }

  /** Index of the first entry whose offset is >= offset (or > offset when `after`). */
  private bound (offset: number, after: boolean): number {
    let lo = 0
    let hi = this.items.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      const o = this.items[mid]?.offset ?? Infinity
      if (o < offset || (after && o === offset)) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  push (f: Focus): void {
    const i = this.bound(f.offset, true)
    if (i === this.items.length) this.items.push(f)
    else this.items.splice(i, 0, f)
  }

  /** The fitting entry with the greatest offset below `offset`; of equal offsets, the first added. */
  latestBefore (offset: number, fits: (c: Cluster) => boolean): Cluster | null {
    const verdicts = new Map<Cluster, boolean>()
    const fitsOnce = (c: Cluster): boolean => {
      let v = verdicts.get(c)
      if (v === undefined) { v = fits(c); verdicts.set(c, v) }
      return v
    }
    let best: Focus | null = null
    for (let i = this.bound(offset, false) - 1; i >= 0; i--) {
      const f = this.items[i]
      if (!f || (best && f.offset < best.offset)) break
      if (fitsOnce(f.cluster)) best = f
    }
    return best?.cluster ?? null
  }
}

// Descriptors of an organisation ("the newspaper said"), with the names that show that kind when
// the kind matters: the newspaper is the latest paper named before it, not the latest ministry.
const PAPER = /\b(?:times|journal|post|herald|tribune|gazette|daily|news|telegraph|guardian|globe|chronicle|examiner|star|mail|courier|inquirer)\b/iu
const BROADCASTER = /\b(?:cbs|nbc|abc|cnn|fox|msnbc|bbc|pbs|npr|tv|television|network|channel|radio|al[- ]ar?abiy?a|al jazeera)\b/iu
const AGENCY = /\b(?:reuters|associated press|ap|afp|tass|xinhua|interfax|ria|anadolu|bloomberg|agency)\b/iu
const ORGANIZATION_DESCRIPTORS: ReadonlyMap<string, RegExp | null> = new Map([
  ['newspaper', PAPER], ['paper', PAPER], ['daily', PAPER], ['network', BROADCASTER], ['broadcaster', BROADCASTER],
  ['channel', BROADCASTER], ['agency', AGENCY], ['company', null], ['firm', null], ['group', null],
  ['organization', null], ['organisation', null], ['ministry', null], ['department', null], ['campaign', null]
])

/** "the newspaper": the latest organisation of that kind named before the source. */
function organizationFits (source: TextSpan): ((c: Cluster) => boolean) | null {
  const parts = source.text.toLowerCase().split(/\s+/)
  const head = parts[parts.length - 1] ?? ''
  if (!ORGANIZATION_DESCRIPTORS.has(head) || !/^(?:the|that|this)$/.test(parts[0] ?? '')) return null
  const kind = ORGANIZATION_DESCRIPTORS.get(head) ?? null
  return (c) => c.type === 'organization' && (!kind || kind.test(c.name))
}

/** Organisation mentions, the organisations' focus for descriptors. */
function organizationFocus (clusters: Cluster[]): FocusList {
  return new FocusList(clusters.filter((c) => c.type === 'organization')
    .flatMap((cluster) => cluster.mentions.map((m) => ({ offset: m.start, cluster }))))
}

interface Resolution { cluster: Cluster | null, descriptor: boolean }

/** A source that opens with a described role ("the governor of …", "a spokeswoman for …"). */
const ROLE_HEAD = /^(?:the|a|an|its|their|his|her)\s+(?:[\p{Ll}-]+\s+){0,3}(?:of|for|at|in)\s/iu

/** A lower-case word after a name in a source's head: the name only describes the speaker ("the New York businessman"). */
const DESCRIBED_AFTER = /(?:^|\s)\p{Ll}\p{L}/u

function resolveSource (source: TextSpan, clusters: Cluster[], focus: FocusList, organizations: FocusList, index: Named[]): Resolution {
  // The mention inside the source that ends last (mentions never overlap, so ends are distinct).
  let lo = 0
  let hi = index.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((index[mid]?.m.start ?? Infinity) < source.start) lo = mid + 1
    else hi = mid
  }
  // A source with an appositive ("Phil Smith, a spokesman for the Mine Workers,") or a bracket
  // ("Sen. Claire McCaskill (D-Mo.)") names its speaker before the first comma or bracket: the
  // head's last mention wins, then the last mention anywhere.
  const comma = source.text.search(/,|\s\(/u)
  const headEnd = comma > 0 ? source.start + comma : source.end
  let named: Named | undefined
  let inHead: Named | undefined
  let personAfterHead: Named | undefined
  for (let i = lo; i < index.length; i++) {
    const n = index[i]
    if (!n || n.m.start >= source.end) break
    if (n.m.end > source.end) continue
    // "the top Russian diplomat" names no group: a nationality is a modifier there, not the speaker
    if (n.c.type === 'group' && /^\s+\p{Ll}/u.test(source.text.slice(n.m.end - source.start))) continue
    if (!named || n.m.end > named.m.end) named = n
    if (n.m.end <= headEnd) inHead = n
    else if (n.c.type === 'person' && n.m.start > headEnd) personAfterHead ??= n
  }
  // "The governor of Lagos State, Amara Okafor,": a head that describes a role names its place or
  // organisation; the person is in the apposition after it
  if (personAfterHead && inHead && inHead.c.type !== 'person' && ROLE_HEAD.test(source.text)) {
    return { cluster: personAfterHead.c, descriptor: false }
  }
  named = inHead ?? named
  // the name must head the phrase: in "the New York businessman" the place only describes the speaker
  const after = named ? source.text.slice(named.m.end - source.start, (inHead ? headEnd : source.end) - source.start) : ''
  if (named && !DESCRIBED_AFTER.test(after.replace(/^['’]s\b/u, ''))) return { cluster: named.c, descriptor: false }
  const labelled = transcriptLabelSpeaker(source, clusters)
  if (labelled) return { cluster: labelled, descriptor: false }
  const word = source.text.toLowerCase()
  if (PERSON_PRONOUNS.has(word)) return { cluster: focus.latestBefore(source.start, () => true), descriptor: false }
  if (PLURAL_PRONOUNS.has(word)) return { cluster: null, descriptor: false }
  const fits = descriptorFits(source)
  if (fits) {
    const cluster = focus.latestBefore(source.start, fits) ?? clusters.find(fits) ?? null
    return { cluster, descriptor: !!cluster }
  }
  const orgFits = organizationFits(source)
  const cluster = orgFits ? organizations.latestBefore(source.start, orgFits) : null
  return { cluster, descriptor: !!cluster }
}

const CAPITALS_LABEL = /^\p{Lu}[\p{Lu}.'’ -]*$/u

/** A transcript's label in capitals ("PENCE", "JAKE TAPPER") is the person named so, by surname. */
function transcriptLabelSpeaker (source: TextSpan, clusters: Cluster[]): Cluster | null {
  if (!CAPITALS_LABEL.test(source.text)) return null
  const surname = source.text.split(/\s+/u).at(-1)?.toLowerCase()
  return clusters.find((c) => c.type === 'person' && c.name.split(/\s+/u).at(-1)?.toLowerCase() === surname) ?? null
}

/**
 * A headline drops its articles ("…, mayor says"): its bare descriptor is the person the body names
 * with that title first ("Mayor Lily Chen said …"), as a reader takes it.
 */
function headlineSpeaker (source: TextSpan, clusters: Cluster[]): Cluster | null {
  if (!/^\p{Ll}[\p{Ll}-]*(?:\s\p{Ll}[\p{Ll}-]*)?$/u.test(source.text)) return null
  const fits = descriptorFits({ ...source, text: `the ${source.text}` })
  if (!fits) return null
  const firstMention = (c: Cluster) => Math.min(...c.mentions.map((m) => m.start))
  return clusters.filter(fits).sort((a, b) => firstMention(a) - firstMention(b))[0] ?? null
}

/** Resolves every quote's speaker; returns the speaker cluster per quote (same order). */
export function resolveSpeakers (quotes: RawQuote[], clusters: Cluster[]): (Cluster | null)[] {
  const focus = new FocusList(narrationFocus(clusters, quotes))
  const index = mentionIndex(clusters)
  const organizations = organizationFocus(clusters)
  const speakers = new Map<RawQuote, Cluster | null>()
  let lastSpeaker: Cluster | null = null
  for (const q of quotes) {
    let speaker: Cluster | null = null
    if (q.hint === 'clause') speaker = q.parent ? speakers.get(q.parent) ?? null : null
    else if (q.hint === 'previous') speaker = lastSpeaker
    else if (q.source) {
      const r = resolveSource(q.source, clusters, focus, organizations, index)
      speaker = r.cluster ?? (q.paragraph === null ? headlineSpeaker(q.source, clusters) : null)
      if (r.cluster && r.descriptor) r.cluster.extra.push(q.source)
    }
    if (speaker && q.source) focus.push({ offset: q.source.start, cluster: speaker })
    if (speaker) lastSpeaker = speaker
    speakers.set(q, speaker)
  }
  return quotes.map((q) => speakers.get(q) ?? null)
}
