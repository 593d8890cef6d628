import { z } from 'zod'
import { IdParam, listOf, PageQuery, TextSpan } from './common.js'

export const Paragraph = TextSpan.extend({
  index: z.number().int().describe('Position in the body, from 0'),
  kind: z.enum(['paragraph', 'heading'])
}).meta({
  id: 'Paragraph',
  examples: [{
    index: 1,
    kind: 'paragraph',
    start: 408,
    end: 544,
    text: 'Speaking in an interview with the Al-Arabia TV channel in Moscow, Lavrov argued that Syrians are "keen" for Russia\'s presence to endure.'
  }]
})

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
}).meta({
  id: 'ArticleSummary',
  examples: [{
    id: 'e60281746591fd7cadda',
    title: 'Russia in discussions with Syria about maintaining its military presence: Lavrov',
    dateline: 'MOSCOW',
    publishedAt: null,
    publisher: null,
    url: null,
    language: 'en',
    quoteCount: 18,
    entityCount: 29,
    extractorVersion: '0.3.0',
    createdAt: '2026-11-28T15:19:28.590Z',
    lede: 'Russia is currently in negotiations with the new Syrian leadership to maintain its key military presence, ' +
      'Foreign Minister Sergey Lavrov said Wednesday.'
  }]
})
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
