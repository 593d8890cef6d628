import { z } from 'zod'
import { IdParam, listOf, PageQuery, TextSpan } from './common.js'
import { CountParam, FacetSize, nameList, queryListOf, repeatedIds, SearchQuery, Sort, timeBound } from './query.js'
import { ArticleEntity } from './entities.js'
import { Quote } from './quotes.js'

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

export const Dateline = z.object({
  text: z.string().describe('Verbatim, with its dash: "HEMPSTEAD, N.Y., Sept. 26 (UPI) —"'),
  place: z.string().describe('The place as written: "HEMPSTEAD, N.Y."; the `dateline` filter and facet group by it'),
  agency: z.string().nullable().describe('The agency in its parentheses (or a release wire\'s slashes): "UPI"'),
  date: z.string().nullable().describe('The date as written: "Sept. 26"')
}).meta({
  id: 'Dateline',
  description: 'Where (and when, and through which agency) the story was filed, each part as written',
  examples: [{ text: 'HEMPSTEAD, N.Y., Sept. 26 (UPI) —', place: 'HEMPSTEAD, N.Y.', agency: 'UPI', date: 'Sept. 26' }]
})

const articleFields = {
  id: z.string().describe('Derived from the text: the same text always has the same id'),
  title: z.string().nullable(),
  dek: z.string().nullable().describe('The second headline line (a subtitle), when the first ends with ";" before it'),
  byline: z.string().nullable().describe('The author line as written: "By Jane Doe and John Roe"'),
  dateline: Dateline.nullable(),
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
    dek: null,
    byline: null,
    dateline: { text: 'MOSCOW', place: 'MOSCOW', agency: null, date: null },
    publishedAt: null,
    publisher: null,
    url: null,
    language: 'en',
    quoteCount: 19,
    entityCount: 29,
    extractorVersion: '0.5.1',
    createdAt: '2026-11-28T15:19:28.590Z',
    lede: 'Russia is currently in negotiations with the new Syrian leadership to maintain its key military presence, ' +
      'Foreign Minister Sergey Lavrov said Wednesday.'
  }]
})

export const Article = z.object({
  ...articleFields,
  lede: z.string().describe('The first body paragraph'),
  text: z.string().describe('The document verbatim, as submitted'),
  paragraphs: z.array(Paragraph).describe('Body paragraphs and headings, with offsets into `text`'),
  trailer: z.array(TextSpan).describe('Production matter after the story (reporting credits, corrections, ' +
    'editor\'s notes, follow-us lines, author bios, related links), with offsets into `text`: kept out of `paragraphs` and quotes')
}).meta({ id: 'Article' })

export const ArticleList = listOf(ArticleSummary, 'ArticleList')

/** What `expand=` embeds in each article of a list, at most this many of each. */
export const EXPAND_LIMIT = 10

export const ArticleListItem = ArticleSummary.extend({
  snippet: z.string().describe('With `q`: the best matching passage, matches marked `<mark>…</mark>` (the text is not HTML-escaped)'),
  quotes: z.array(Quote).describe(`With \`expand=quotes\`: the article's first ${EXPAND_LIMIT} quotes in document order`),
  entities: z.array(ArticleEntity).describe(`With \`expand=entities\`: the article's first ${EXPAND_LIMIT} entities with their mentions`)
}).partial().required({ id: true }).meta({
  id: 'ArticleListItem',
  description: 'An article summary: every field unless `fields` names some (`id` always); `snippet` with `q`; ' +
    '`quotes` and `entities` with `expand`'
})
export type ArticleListItem = z.infer<typeof ArticleListItem>

export const ARTICLE_FIELDS = ['id', 'title', 'dek', 'byline', 'dateline', 'publishedAt', 'publisher', 'url', 'language', 'lede', 'quoteCount',
  'entityCount', 'extractorVersion', 'createdAt', 'snippet'] as const
export const ARTICLE_FACETS = ['entity', 'dateline', 'publisher'] as const
export const ARTICLE_EXPANSIONS = ['quotes', 'entities'] as const

export const ArticleSearchList = queryListOf(ArticleListItem, ARTICLE_FACETS, 'ArticleSearchList')

export const ArticleListQuery = PageQuery.extend({
  q: SearchQuery.optional(),
  entity: repeatedIds('Only articles that mention this entity id'),
  speaker: repeatedIds('Only articles that quote this entity id'),
  dateline: z.string().min(1).max(200).optional().describe('Only articles filed from here, e.g. MOSCOW (case-insensitive)'),
  publisher: z.string().min(1).max(200).optional().describe('Only articles of this publisher (case-insensitive)'),
  from: timeBound('from'),
  to: timeBound('to'),
  sort: Sort,
  count: CountParam,
  facet: nameList(ARTICLE_FACETS, 'Counts over the whole filtered set per value of'),
  facetSize: FacetSize,
  fields: nameList(ARTICLE_FIELDS, 'Only these fields of each article (and `id`)'),
  expand: nameList(ARTICLE_EXPANSIONS, `Embed each article's first ${EXPAND_LIMIT}`)
}).strict()

export const ArticleParams = IdParam
