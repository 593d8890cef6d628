import { z } from 'zod'
import { IdParam, listOf, PageQuery, TextSpan } from './common.js'

export const Paragraph = TextSpan.extend({
  index: z.number().int().describe('Position in the body, from 0'),
  kind: z.enum(['paragraph', 'heading'])
}).meta({ id: 'Paragraph' })

const articleFields = {
  id: z.string().describe('Derived from the text: the same text always has the same id'),
  title: z.string().nullable(),
  dateline: z.string().nullable().describe('Where the story was filed, e.g. "MOSCOW"'),
  publishedAt: z.string().nullable().describe('ISO 8601, when known'),
  publisher: z.string().nullable(),
  url: z.string().nullable(),
  language: z.string().describe('BCP 47 language tag'),
  quoteCount: z.number().int(),
  entityCount: z.number().int(),
  extractorVersion: z.string().describe('Version of the pipeline that parsed it'),
  createdAt: z.string().describe('When the service stored it (ISO 8601)')
}

export const ArticleSummary = z.object({
  ...articleFields,
  lede: z.string().describe('The first body paragraph')
}).meta({ id: 'ArticleSummary' })
export type ArticleSummary = z.infer<typeof ArticleSummary>

export const Article = z.object({
  ...articleFields,
  lede: z.string().describe('The first body paragraph'),
  text: z.string().describe('The document verbatim, as submitted'),
  paragraphs: z.array(Paragraph).describe('Body paragraphs and headings, with offsets into `text`')
}).meta({ id: 'Article' })
export type Article = z.infer<typeof Article>

export const ArticleList = listOf(ArticleSummary, 'ArticleList')

export const ArticleListQuery = PageQuery.extend({
  entity: z.string().max(200).optional().describe('Only articles that mention this entity id')
}).strict()

export const ArticleParams = IdParam
