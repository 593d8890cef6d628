import { z } from 'zod'
import { ENTITY_TYPES } from '../extract/types.js'
import { IdParam, listOf, PageQuery, TextSpan } from './common.js'
import { CountParam, FacetSize, nameList, queryListOf } from './query.js'

export const EntityType = z.enum(ENTITY_TYPES).describe('person, organization, location, facility (bases, ports, airports), group (nationalities, religious and ethnic groups) or other')

export const Entity = z.object({
  id: z.string().describe('Stable, readable id derived from type and canonical name'),
  name: z.string().describe('Canonical name: the fullest form seen'),
  type: EntityType,
  aliases: z.array(z.string()).describe('Surface forms seen across articles'),
  titles: z.array(z.string()).describe('Roles seen with a person, e.g. "Foreign Minister"'),
  articleCount: z.number().int().describe('Articles that mention it'),
  mentionCount: z.number().int().describe('Mentions across all articles'),
  quoteCount: z.number().int().describe('Quotes it spoke')
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
    quoteCount: 13
  }]
})
export type Entity = z.infer<typeof Entity>

export const ArticleEntity = Entity.extend({
  mentions: z.array(TextSpan).describe('Its mentions in this article, in document order')
}).meta({ id: 'ArticleEntity' })
export type ArticleEntity = z.infer<typeof ArticleEntity>

export const EntityList = listOf(Entity, 'EntityList')
export const ArticleEntityList = listOf(ArticleEntity, 'ArticleEntityList')

export const EntityListItem = Entity.partial().required({ id: true }).meta({
  id: 'EntityListItem',
  description: 'An entity: every field unless `fields` names some (`id` always)'
})

export const ENTITY_FIELDS = ['id', 'name', 'type', 'aliases', 'titles', 'articleCount', 'mentionCount', 'quoteCount'] as const
export const ENTITY_FACETS = ['type'] as const

export const EntitySearchList = queryListOf(EntityListItem, ENTITY_FACETS, 'EntitySearchList')

export const EntityListQuery = PageQuery.extend({
  type: EntityType.optional().describe('Only entities of this type'),
  q: z.string().trim().min(1).max(100).optional().describe('Only entities whose name or an alias holds this text (case-insensitive), e.g. `lavrov`'),
  minArticles: z.coerce.number().int().min(0).optional().describe('Only entities mentioned in at least this many articles'),
  count: CountParam,
  facet: nameList(ENTITY_FACETS, 'Counts over the whole filtered set per value of'),
  facetSize: FacetSize,
  fields: nameList(ENTITY_FIELDS, 'Only these fields of each entity (and `id`)')
}).strict()

export const EntityParams = IdParam
