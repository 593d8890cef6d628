// The zod contract and the domain's types describe the same resources: `npm test` type-checks this
// file first, and any drift between a schema and its domain type fails that step. The runtime checks
// below cover the value lists the enums are built from.
import t from 'tap'
import type { z } from 'zod'
import type { Paragraph, Span, TextSpan } from '../../src/domain/extraction.js'
import type { Article, ArticleEntity, ArticleSummary, Entity, FacetBucket, Quote, RelatedEntity, TimelineBucket } from '../../src/domain/resources.js'
import { ENTITY_TYPES, QUOTE_KINDS, TIMELINE_INTERVALS } from '../../src/domain/values.js'
import * as articles from '../../src/schemas/articles.js'
import * as common from '../../src/schemas/common.js'
import * as entities from '../../src/schemas/entities.js'
import * as query from '../../src/schemas/query.js'
import * as quotes from '../../src/schemas/quotes.js'
import * as stats from '../../src/schemas/stats.js'
import * as statements from '../../src/schemas/statements.js'
import type { QuoteEcho, Statement, StatementDetail } from '../../src/domain/statements.js'
import { ECHO_RELATIONS } from '../../src/domain/statements.js'

/** true when A and B are the same type, in both directions and with the same optional keys. */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false
const same = <A, B> (holds: Same<A, B>) => holds

const checks: Record<string, boolean> = {
  Span: same<z.infer<typeof common.Span>, Span>(true),
  TextSpan: same<z.infer<typeof common.TextSpan>, TextSpan>(true),
  Paragraph: same<z.infer<typeof articles.Paragraph>, Paragraph>(true),
  ArticleSummary: same<z.infer<typeof articles.ArticleSummary>, ArticleSummary>(true),
  Article: same<z.infer<typeof articles.Article>, Article>(true),
  Quote: same<z.infer<typeof quotes.Quote>, Quote>(true),
  Statement: same<z.infer<typeof statements.Statement>, Statement>(true),
  StatementDetail: same<z.infer<typeof statements.StatementDetail>, StatementDetail>(true),
  QuoteEcho: same<z.infer<typeof statements.QuoteEcho>, QuoteEcho>(true),
  Entity: same<z.infer<typeof entities.Entity>, Entity>(true),
  ArticleEntity: same<z.infer<typeof entities.ArticleEntity>, ArticleEntity>(true),
  RelatedEntity: same<z.infer<typeof entities.RelatedEntity>, RelatedEntity>(true),
  FacetBucket: same<z.infer<typeof query.FacetBucket>, FacetBucket>(true),
  TimelineBucket: same<z.infer<typeof stats.Timeline>['data'][number], TimelineBucket>(true)
}

t.test('every resource schema agrees with its domain type (checked by the type-check)', async (t) => {
  for (const [name, holds] of Object.entries(checks)) t.equal(holds, true, name)
})

t.test('the schemas\' enums are the domain\'s value lists', async (t) => {
  t.same(entities.EntityType.options, ENTITY_TYPES)
  t.same(quotes.QuoteKind.options, QUOTE_KINDS)
  t.same(statements.EchoRelation.options, ECHO_RELATIONS)
  t.same(stats.TimelineQuery.shape.interval.unwrap().options, TIMELINE_INTERVALS)
})
