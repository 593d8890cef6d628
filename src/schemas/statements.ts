import { z } from 'zod'
import { ECHO_RELATIONS } from '../domain/statements.js'
import { STATEMENT_SORTS } from '../domain/values.js'
import { IdParam, Links, listOf, PageQuery, Span } from './common.js'
import { CountParam, repeatedIds, timeBound } from './query.js'
import { Quote, Speaker } from './quotes.js'

export const EchoRelation = z.enum(ECHO_RELATIONS).describe('Said from the quote asked about: `exact` the same words; ' +
  '`contained` this quote is inside the echo (a partial or trimmed quote of it); `contains` the echo is inside this quote; ' +
  '`variant` a few words changed')

export const EchoDifferences = z.object({
  here: z.array(Span).describe('The words that differ, as spans into this quote\'s `text`'),
  there: z.array(Span).describe('The words that differ, as spans into the echo\'s `text`')
}).meta({ id: 'EchoDifferences' })

export const Echo = z.object({
  relation: EchoRelation,
  similarity: z.number().min(0).max(1).describe('1 for an exact copy; the share covered for a containment; word-pair Jaccard for a variant'),
  differences: EchoDifferences.nullable().describe('For a variant: the words that differ; null otherwise')
}).meta({ id: 'Echo' })

export const QuoteEcho = Quote.extend({ echo: Echo }).meta({
  id: 'QuoteEcho',
  description: 'A quote of another article carrying the same statement, and how it relates to the quote asked about'
})

export const QuoteEchoList = listOf(QuoteEcho, 'QuoteEchoList')

export const FirstAppearance = z.object({
  quoteId: z.string(),
  articleId: z.string(),
  publisher: z.string().nullable(),
  at: z.string().describe('UTC, ISO 8601: the article\'s publication time, else when it was stored')
}).meta({ id: 'FirstAppearance' })

export const Statement = z.object({
  id: z.string().describe('The id of its earliest quote'),
  text: z.string().describe('The fullest wording (most words; ties: the earliest), as printed'),
  speaker: Speaker.nullable().describe('The speaker; null for quotes of an unnamed source'),
  firstAppearance: FirstAppearance,
  articles: z.number().int().describe('Articles that carry it'),
  publishers: z.number().int().describe('Distinct publishers of those articles'),
  quoteCount: z.number().int(),
  variantCount: z.number().int().describe('Distinct wordings')
}).meta({
  id: 'Statement',
  examples: [{
    id: '42a59be0daf02c99ae35-q3',
    text: '"We will rebuild every school that the flood destroyed, and we will finish the work before the rains return next spring,"',
    speaker: { id: 'person-amara-okafor', name: 'Amara Okafor', type: 'person' },
    firstAppearance: { quoteId: '42a59be0daf02c99ae35-q3', articleId: '42a59be0daf02c99ae35', publisher: 'Wire Agency', at: '2026-03-02T08:00:00.000Z' },
    articles: 4,
    publishers: 4,
    quoteCount: 4,
    variantCount: 3
  }]
})

export const StatementVariant = z.object({
  text: z.string().describe('The wording, as first printed'),
  firstQuoteId: z.string(),
  quoteCount: z.number().int(),
  articles: z.number().int(),
  relation: EchoRelation.describe('How this wording relates to the statement\'s `text`'),
  similarity: z.number().min(0).max(1)
}).meta({ id: 'StatementVariant' })

export const StatementDetail = Statement.extend({
  quotes: z.array(Quote).describe('Its first quotes, oldest first (GET /quotes?statement={id} pages them all)'),
  variants: z.array(StatementVariant).describe('Its wordings, carried by most articles first')
}).meta({ id: 'StatementDetail' })

export const StatementList = z.object({
  data: z.array(Statement),
  links: Links,
  total: z.number().int().optional().describe('With `count=true`: how many statements the whole filtered set holds')
}).meta({ id: 'StatementList' })

export const StatementListQuery = PageQuery.extend({
  speaker: z.string().min(1).max(200).optional().describe('Only statements of this speaker (an entity id)'),
  about: repeatedIds('Only statements with a quote whose content mentions this entity id'),
  from: timeBound('from').describe('Only statements first seen at or after this: a date (from its start in UTC) or an ISO 8601 date-time with a zone'),
  to: timeBound('to').describe('Only statements first seen at or before this: a date (to its end in UTC) or an ISO 8601 date-time with a zone'),
  minArticles: z.coerce.number().int().min(1).max(1_000_000).optional().describe('Only statements carried by at least this many articles'),
  sort: z.enum(STATEMENT_SORTS).default('newest')
    .describe('`newest` (first seen most recently, the default), `oldest` (first seen earliest) or `articles` (carried by most articles first)'),
  count: CountParam
}).strict()

export const StatementParams = IdParam
