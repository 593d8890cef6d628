import { z } from 'zod'
import { DEFAULT_FACET_SIZE } from '../domain/limits.js'
import { Links } from './common.js'

// Query parameters shared by the searchable lists, and the envelope they answer.

const ID = z.string().min(1).max(200)

/** An id filter that may repeat (`entity=a&entity=b`): every value must hold (AND). At most 10. */
export function repeatedIds (description: string) {
  return z.union([ID, z.array(ID).max(10)]).optional()
    .transform((value) => value === undefined ? undefined : [...new Set([value].flat())])
    .describe(`${description}. Repeat the parameter to require several: every one must hold`)
}

/**
 * A list of names from `values`, comma-separated (`facet=speaker,kind`), repeated (`facet=speaker&facet=kind`)
 * or both. Parsed into distinct names, in the order given.
 */
export function nameList<T extends string> (values: readonly T[], description: string) {
  const alternatives = values.map((v) => v.replace(/[^\w]/g, '')).join('|')
  const item = z.string().regex(new RegExp(`^(${alternatives})(,(${alternatives}))*$`),
    `must be one or more of ${values.join(', ')}, separated by commas`)
  return z.union([item, z.array(item).max(values.length)]).optional()
    .transform((value) => value === undefined ? undefined : [...new Set([value].flat().flatMap((v) => v.split(',')))] as T[])
    .describe(`${description}: one or more of \`${values.join('`, `')}\`, comma-separated or repeated`)
}

const DAY = /^\d{4}-\d{2}-\d{2}$/
const DAY_MS = 86_400_000

/**
 * A time bound on publishedAt: a date (`2025-12-17`) or a date-time with a zone. A date `to` means
 * the end of that day. Parsed into the UTC form SQLite compares (`2025-12-17T00:00:00.000Z`).
 */
export function timeBound (bound: 'from' | 'to') {
  return z.union([z.iso.date(), z.iso.datetime({ offset: true })]).optional()
    .transform((value) => {
      if (value === undefined) return undefined
      if (!DAY.test(value)) return new Date(value).toISOString()
      const start = Date.parse(`${value}T00:00:00.000Z`)
      return new Date(bound === 'from' ? start : start + DAY_MS - 1).toISOString()
    })
    .describe(bound === 'from'
      ? 'Only published at or after this: a date (2025-12-17, from its start in UTC) or an ISO 8601 date-time with a zone'
      : 'Only published at or before this: a date (2025-12-17, to its end in UTC) or an ISO 8601 date-time with a zone')
}

export const SearchQuery = z.string().trim().min(1).max(500)
  .describe('Full-text search: words (all must match), "exact phrases", prefix* and AND / OR / NOT (upper case) ' +
    'with parentheses, e.g. `"military presence" AND (Syria OR Russia) NOT Iran`. Words are stemmed ("negotiate" ' +
    'finds "negotiations"); a word with punctuation ("al-Assad") is searched as a phrase')

export const Sort = z.enum(['newest', 'oldest', 'relevance']).optional()
  .describe('The order: `newest` or `oldest` publication first, or `relevance` (best match first; needs `q`). ' +
    'An article search in `relevance` ranks the newest 1,000 matches of the request\'s filters; `total` and the date orders reach every match. ' +
    'Default: `relevance` with `q`, else `newest`')

export const CountParam = z.enum(['true', 'false']).default('false').transform((value) => value === 'true')
  .describe('`true` adds `total`, the number of items in the whole filtered set (counted only when asked)')

export const FacetSize = z.coerce.number().int().min(1).max(100).default(DEFAULT_FACET_SIZE)
  .describe('Buckets per facet, most frequent first (1 to 100)')

export const FacetBucket = z.object({
  value: z.string().describe('The value counted: an entity id, a kind, a cue, a dateline…'),
  name: z.string().optional().describe('For entity-valued facets (speaker, entity): the entity\'s name'),
  count: z.number().int().describe('Items of the filtered set with this value')
}).meta({ id: 'FacetBucket' })

/** The envelope of a searchable list: the page, its links, and on request the total and facets. */
export function queryListOf<T extends z.ZodType> (item: T, facets: readonly string[], id: string) {
  return z.object({
    data: z.array(item),
    links: Links,
    total: z.number().int().optional().describe('With `count=true`: how many items the whole filtered set holds'),
    facets: z.object(Object.fromEntries(facets.map((facet) => [facet, z.array(FacetBucket).optional()])))
      .optional().describe('With `facet=`: counts per value over the whole filtered set, not only this page')
  }).meta({ id })
}

export const NDJSON = 'application/x-ndjson'
export const CSV = 'text/csv'

/** The 200 of a list: JSON pages, or the whole filtered set streamed as NDJSON or CSV. */
export function listResponse<T extends z.ZodType> (schema: T, item: z.ZodType, description: string) {
  return {
    description: `${description}. With \`Accept: ${NDJSON}\` or \`Accept: ${CSV}\`, every item of the filtered set ` +
      'from the cursor on streams instead, one per line (`limit`, `count` and `facet` do not apply; `fields`, where the list takes it, does)',
    content: {
      'application/json': { schema },
      [NDJSON]: { schema: item },
      [CSV]: { schema: z.string().describe('RFC 4180 CSV with a header row; nested values are flattened (speakerId, speakerName…)') }
    }
  }
}
