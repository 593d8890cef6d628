import { z } from 'zod'
import { ENTITY_TYPES } from '../extract/types.js'
import { IdParam, listOf, PageQuery, TextSpan } from './common.js'

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

export const EntityListQuery = PageQuery.extend({
  type: EntityType.optional().describe('Only entities of this type')
}).strict()

export const EntityParams = IdParam
