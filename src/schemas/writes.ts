import { z } from 'zod'
import { Dateline, Paragraph } from './articles.js'
import { Problem, Span, TextSpan } from './common.js'
import { EntityType } from './entities.js'
import { QuoteKind } from './quotes.js'

// Lone UTF-16 surrogates are not text: SQLite would store them as U+FFFD and every offset after them
// would stop slicing what it says. (With the u flag a well-formed pair is one code point, outside this range.)
const LONE_SURROGATE = /[\uD800-\uDFFF]/u
// NUL never occurs in prose; it is the surest sign of a binary file sent as text.
const NUL = '\u0000'

export const ArticleText = z.string()
  .refine((text) => text.trim().length > 0, 'must hold more than whitespace')
  .refine((text) => !text.includes(NUL), 'holds a NUL character: binary data is not an article')
  .refine((text) => !LONE_SURROGATE.test(text), 'holds a lone UTF-16 surrogate: not valid Unicode text')
  .describe('The article verbatim: the first line is the title, paragraphs are separated by blank lines')

export const NewArticle = z.object({
  text: ArticleText,
  title: z.string().trim().min(1).max(1000).nullish().describe('Overrides the title found on the first line'),
  publishedAt: z.iso.datetime({ offset: true }).nullish().describe('ISO 8601 with a time zone, e.g. 2025-12-17T09:00:00Z'),
  url: z.url({ protocol: /^https?$/ }).max(2048).nullish().describe('Where the article was published'),
  publisher: z.string().trim().min(1).max(200).nullish(),
  language: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'must be a BCP 47 language tag such as "en" or "en-GB"')
    .max(35).nullish().describe('BCP 47 language tag (default "en")')
}).strict().meta({
  id: 'NewArticle',
  examples: [{
    text: 'Minister backs the plan\n\nLONDON\n\nThe plan will work, the minister said on Tuesday.\n',
    publishedAt: '2025-12-17T09:00:00Z',
    publisher: 'Example News',
    url: 'https://example.com/story'
  }]
})
export type NewArticle = z.infer<typeof NewArticle>

export const IdempotencyHeaders = z.looseObject({
  'idempotency-key': z.string().min(1).max(255).regex(/^[\x21-\x7E]+$/, 'must be 1 to 255 visible ASCII characters').optional()
    .describe('A unique key per intended write (e.g. a UUID). A retry with the same key and body answers what the first ' +
      'request answered, marked `Idempotent-Replayed: true`; the same key with another body answers 422. Keys last 24 hours.')
})

/** What /extract answers: the pipeline's parse, with nothing stored and so no ids but the entities'. */
export const Extraction = z.object({
  extractorVersion: z.string().describe('Version of the pipeline that parsed it'),
  title: z.string().nullable(),
  titleSpan: Span.nullable(),
  dek: z.string().nullable(),
  byline: z.string().nullable(),
  dateline: Dateline.nullable(),
  lede: z.string(),
  paragraphs: z.array(Paragraph),
  trailer: z.array(TextSpan),
  entities: z.array(z.object({
    id: z.string().describe('The id the entity has (or would have) in /entities'),
    name: z.string(),
    type: EntityType,
    aliases: z.array(z.string()),
    titles: z.array(z.string()),
    mentions: z.array(TextSpan)
  })).describe('In order of first mention'),
  quotes: z.array(z.object({
    text: z.string(),
    kind: QuoteKind,
    spans: z.array(Span),
    cue: TextSpan.nullable(),
    source: TextSpan.nullable(),
    speakerId: z.string().nullable().describe('Id of the entity (in `entities`) the source resolves to'),
    paragraph: z.number().int().nullable()
  })).describe('In document order')
}).meta({ id: 'Extraction' })

/** One NDJSON line of a bulk answer: what became of one input line. */
export const BulkLineResult = z.discriminatedUnion('status', [
  z.object({
    line: z.number().int().describe('The input line, from 1'),
    status: z.enum(['created', 'existing']),
    id: z.string().describe('The article\'s id')
  }),
  z.object({
    line: z.number().int().describe('The input line, from 1'),
    status: z.literal('failed'),
    problem: Problem.describe('Why this line was not stored; the other lines go on')
  }),
  z.object({
    status: z.literal('done').describe('The last line: the stream was read to its end'),
    lines: z.number().int().describe('Input lines read, blank ones included'),
    created: z.number().int(),
    existing: z.number().int(),
    failed: z.number().int()
  })
]).meta({
  id: 'BulkLineResult',
  examples: [
    { line: 1, status: 'created', id: 'e60281746591fd7cadda' }
  ]
})
export type BulkLineResult = z.infer<typeof BulkLineResult>

export const ExtractionRequest = z.object({ text: ArticleText }).strict().meta({ id: 'ExtractionRequest' })
