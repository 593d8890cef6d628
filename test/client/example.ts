// A typed client's view of the API, type-checked against types generated from openapi.yaml
// (npm run openapi:types, run by npm run typecheck): when the contract drifts from what a client
// compiles against, the type-check fails.
import type { components, operations } from './api.generated.js'

type QuoteQuery = NonNullable<operations['listQuotes']['parameters']['query']>
type QuotePage = operations['listQuotes']['responses'][200]['content']['application/json']
type ArticlePage = operations['listArticles']['responses'][200]['content']['application/json']
type Timeline = components['schemas']['Timeline']
type Problem = components['schemas']['Problem']

/** "What A said about B", newest first, with the total and the cues A used. */
export const whatLavrovSaidAboutSyria: QuoteQuery = {
  speaker: 'person-sergey-lavrov',
  about: ['location-syria'],
  q: '"military presence" OR base*',
  sort: 'newest',
  count: 'true',
  facet: 'cue',
  fields: ['text', 'cue', 'snippet'],
  limit: 50
}

export function toQuery (query: QuoteQuery): string {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(query)) {
    for (const item of [value].flat()) if (item !== undefined) params.append(name, String(item))
  }
  return params.toString()
}

export function speakersOf (page: QuotePage): string[] {
  return page.data.map((quote) => quote.speaker?.name ?? quote.source?.text ?? 'unattributed')
}

export function cueCounts (page: QuotePage): Record<string, number> {
  return Object.fromEntries((page.facets?.cue ?? []).map((bucket) => [bucket.value, bucket.count]))
}

export function headlines (page: ArticlePage): string[] {
  return page.data.map((article) => `${article.title ?? '(untitled)'}${article.snippet ? `: ${article.snippet}` : ''}`)
}

export function busiestPeriod (timeline: Timeline): string | null {
  return timeline.data.reduce<Timeline['data'][number] | null>((best, p) => best && best.quotes >= p.quotes ? best : p, null)?.period ?? null
}

export function explain (problem: Problem): string {
  return (problem.invalidParams ?? []).map((p) => `${p.name} (${p.in}): ${p.reason}`).join('\n') || problem.title
}

type RelatedPage = operations['listRelatedEntities']['responses'][200]['content']['application/json']
type Entity = components['schemas']['Entity']

/** Who is named with an entity, and in which articles: "Syria (3): a1, a2, a3". */
export function companions (page: RelatedPage): string[] {
  return page.data.map((e) => `${e.name} (${e.articleCount}): ${e.articleIds.join(', ')}`)
}

/** A link to a dataset that knows the place, when the entity is a known country or city. */
export function placeLink (entity: Entity): string | null {
  const { iso3166, geonamesId } = entity.identifiers
  if (geonamesId !== undefined) return `https://www.geonames.org/${geonamesId}`
  return iso3166 === undefined ? null : `https://www.iso.org/obp/ui/#iso:code:3166:${iso3166}`
}
