// Stage 5a: group mentions into entities. Mentions with the same canonical name are one entity;
// a lone surname joins the person whose full name ends with it ("Lavrov" → "Sergey Lavrov"); an
// acronym joins the organisation it abbreviates ("SDF" → "Syrian Democratic Forces"). Type,
// canonical name, aliases and titles are then read off the grouped mentions.
import type { Mention } from './mention.js'
import { gazetteerKey } from '../knowledge/gazetteer.js'
import { entityId } from './entity-ids.js'
import { isAcronym } from '../text/tokenizer.js'
import type { ExtractedEntity, TextSpan } from '../../domain/extraction.js'
import type { EntityType } from '../../domain/values.js'
import { at } from '../util/at.js'

export interface Cluster {
  mentions: Mention[]
  /** Extra mentions found by coreference ("the top Russian diplomat"). */
  extra: TextSpan[]
  type: EntityType
  name: string
  titles: string[]
  nationality: string | null
  id: string
}

const words = (s: string): string[] => s.split(/\s+/).filter(Boolean)
const lastWord = (s: string): string => gazetteerKey(words(s).at(-1) ?? '')

/** Initials of the capitalised words: "Syrian Democratic Forces" → "SDF". */
const initials = (s: string): string => words(s).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('')

function strongest (mentions: Mention[]): Mention {
  return mentions.reduce((best, m) => (m.confidence > best.confidence ? m : best))
}

/** Person groups by the last word of their full names, in the groups' order: "lavrov" → [Sergey Lavrov's]. */
function bySurname (persons: Mention[][]): Map<string, Mention[][]> {
  const index = new Map<string, Mention[][]>()
  for (const c of persons) {
    const surnames = new Set(c.filter((p) => words(p.canonical).length > 1).map((p) => lastWord(p.canonical)))
    for (const surname of surnames) {
      const list = index.get(surname)
      if (list) list.push(c)
      else index.set(surname, [c])
    }
  }
  return index
}

/** The person a lone word stands for: the nearest earlier full name ending with it, else a later one. */
function fullNameFor (m: Mention, surnames: Map<string, Mention[][]>): Mention[] | undefined {
  const matches = surnames.get(gazetteerKey(m.text)) ?? []
  const before = matches.filter((c) => at(c, 0).start < m.start)
  return before.at(-1) ?? matches[0]
}

function groupByName (mentions: Mention[]): Mention[][] {
  const groups = new Map<string, Mention[]>()
  for (const m of mentions) {
    const key = gazetteerKey(m.canonical)
    const group = groups.get(key)
    if (group) group.push(m)
    else groups.set(key, [m])
  }
  return [...groups.values()]
}

/** Folds single-word groups into the person or organisation they are a short form of. */
function linkShortForms (groups: Mention[][]): Mention[][] {
  const persons = groups.filter((g) => g.some((m) => m.type === 'person' && words(m.canonical).length > 1))
  const orgs = groups.filter((g) => g.some((m) => m.type === 'organization' && words(m.canonical).length > 1))
  // Folding only adds one-word mentions to a group, so the surname index built here stays right.
  const surnames = bySurname(persons)
  const isPerson = new Set(persons)
  const kept: Mention[][] = []
  for (const g of groups) {
    const m = at(g, 0)
    const single = words(m.canonical).length === 1 && g.every((x) => x.confidence < 2 || x.type === 'person')
    const person = single && !isPerson.has(g) ? fullNameFor(m, surnames) : undefined
    const org = single && isAcronym(m.text) ? orgs.find((o) => initials(at(o, 0).canonical) === m.text.replace(/\./g, '')) : undefined
    const target = person ?? org
    if (target) {
      for (const x of g) x.type = at(target, 0).type
      target.push(...g)
    } else kept.push(g)
  }
  return kept
}

function toCluster (mentions: Mention[], sources: Set<number>): Cluster {
  mentions.sort((a, b) => a.start - b.start)
  const best = strongest(mentions)
  let type = mentions.some((m) => m.type === 'person' && m.confidence >= best.confidence - 1) ? 'person' : best.type
  // An unknown single name that speaks is a person ("Smith said").
  if (type === 'other' && mentions.some((m) => sources.has(m.start))) type = 'person'
  const name = best.confidence === 2 && best.type !== 'person'
    ? best.canonical
    : mentions.reduce((a, m) => (words(m.canonical).length > words(a).length ? m.canonical : a), best.canonical)
  const titles = [...new Set(mentions.flatMap((m) => m.titles))]
  const nationality = mentions.find((m) => m.nationality)?.nationality ?? null
  return { mentions, extra: [], type, name, titles, nationality, id: entityId(type, name) }
}

/** Groups the mentions into clusters; `sources` are offsets of quote-source mentions. */
export function clusterMentions (mentions: Mention[], sources: Set<number>): Cluster[] {
  const clusters = linkShortForms(groupByName(mentions)).map((g) => toCluster(g, sources))
  // Different surface groups can still land on one id ("Washington D.C." and "Washington").
  const byId = new Map<string, Cluster>()
  for (const c of clusters) {
    const same = byId.get(c.id)
    if (same) { same.mentions.push(...c.mentions); same.titles = [...new Set([...same.titles, ...c.titles])] } else byId.set(c.id, c)
  }
  return [...byId.values()]
}

/** The public form: aliases are the distinct names seen, mentions in document order. */
export function toEntity (c: Cluster): ExtractedEntity {
  const spans: TextSpan[] = [...c.mentions.map(({ start, end, text }) => ({ start, end, text })), ...c.extra]
  spans.sort((a, b) => a.start - b.start || a.end - b.end)
  const mentions = spans.filter((s, i) => i === 0 || s.start !== at(spans, i - 1).start || s.end !== at(spans, i - 1).end)
  const aliases = [...new Set([c.name, ...c.mentions.map((m) => m.text.replace(/\s+/gu, ' '))])]
  return { id: c.id, name: c.name, type: c.type, aliases, titles: c.titles, mentions }
}
