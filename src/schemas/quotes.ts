import { z } from 'zod'
import { IdParam, listOf, PageQuery, Span, TextSpan } from './common.js'
import { CountParam, FacetSize, nameList, queryListOf, repeatedIds, SearchQuery, Sort, timeBound } from './query.js'
import { QUOTE_KINDS } from '../domain/values.js'
import { EntityType } from './entities.js'

export const QuoteKind = z.enum(QUOTE_KINDS).describe('direct: wholly inside quotation marks; indirect: reported speech; mixed: reported speech holding a quoted part')

export const Speaker = z.object({
  id: z.string(),
  name: z.string(),
  type: EntityType
}).meta({ id: 'Speaker' })

export const Quote = z.object({
  id: z.string(),
  articleId: z.string(),
  text: z.string().describe('The quoted or reported content'),
  kind: QuoteKind,
  spans: z.array(Span).describe('The content\'s fragments in the article text'),
  cue: TextSpan.nullable().describe('The cue, e.g. "said", or null'),
  source: TextSpan.nullable().describe('The source as written, e.g. "he", or null'),
  speaker: Speaker.nullable().describe('The entity the source resolves to; null for an unnamed source such as "media reports"'),
  paragraph: z.number().int().nullable().describe('Index of the paragraph holding the content; null when it is in the title'),
  statementId: z.string().nullable().describe('The statement it belongs to: the same words by the same speaker in other articles ' +
    '(GET /statements/{id}, GET /quotes/{id}/echoes); null only while a migrated store assigns statements at start-up')
}).meta({
  id: 'Quote',
  examples: [{
    id: 'e60281746591fd7cadda-q3',
    articleId: 'e60281746591fd7cadda',
    text: 'that Syrians are "keen" for Russia\'s presence to endure',
    kind: 'mixed',
    spans: [{ start: 488, end: 543 }],
    cue: { text: 'argued', start: 481, end: 487 },
    source: { text: 'Lavrov', start: 474, end: 480 },
    speaker: { id: 'person-sergey-lavrov', name: 'Sergey Lavrov', type: 'person' },
    paragraph: 1,
    statementId: 'e60281746591fd7cadda-q3'
  }]
})

export const QuoteList = listOf(Quote, 'QuoteList')

export const QuoteListItem = Quote.extend({
  snippet: z.string().describe('With `q`: the content with its matches marked `<mark>…</mark>` (not HTML-escaped)')
}).partial().required({ id: true }).meta({
  id: 'QuoteListItem',
  description: 'A quote: every field unless `fields` names some (`id` always); `snippet` with `q`'
})
export type QuoteListItem = z.infer<typeof QuoteListItem>

export const QUOTE_FIELDS = ['id', 'articleId', 'text', 'kind', 'spans', 'cue', 'source', 'speaker', 'paragraph', 'statementId', 'snippet'] as const
export const QUOTE_FACETS = ['speaker', 'kind', 'cue'] as const

export const QuoteSearchList = queryListOf(QuoteListItem, QUOTE_FACETS, 'QuoteSearchList')

export const QuoteListQuery = PageQuery.extend({
  q: SearchQuery.optional(),
  speaker: z.string().min(1).max(200).optional().describe('Only quotes spoken by this entity id'),
  about: repeatedIds('Only quotes whose content mentions this entity id (with `speaker`: what the speaker said about it)'),
  cue: z.string().min(1).max(100).optional().describe('Only quotes with this cue, e.g. said, told, argued (case-insensitive)'),
  kind: QuoteKind.optional().describe('Only quotes of this kind'),
  articleId: z.string().min(1).max(200).optional().describe('Only quotes from this article'),
  statement: z.string().min(1).max(200).optional().describe('Only quotes of this statement (a statement id: the id of its earliest quote)'),
  minEchoes: z.coerce.number().int().min(1).max(1_000_000).optional()
    .describe('Only quotes whose statement at least this many other articles carry (syndicated, trimmed or reworded copies)'),
  from: timeBound('from'),
  to: timeBound('to'),
  sort: Sort,
  count: CountParam,
  facet: nameList(QUOTE_FACETS, 'Counts over the whole filtered set per value of'),
  facetSize: FacetSize,
  fields: nameList(QUOTE_FIELDS, 'Only these fields of each quote (and `id`)')
}).strict()

export const QuoteParams = IdParam
